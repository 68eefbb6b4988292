import type { z } from "zod";
import { HttpClient, type HttpClientOptions, type HttpResult, type VenueErrorVerdict, type VenueResponse } from "../http/client";
import type { QueryInput } from "../http/query";
import { errorKindOfCode, OKX_WEB3_ASSUMPTIONS } from "./assumptions";
import { allTokenBalancesSchema, dexQuoteSchema, marketPriceSchema, totalValueSchema, transactionsSchema } from "./schemas";
import type { OkxWeb3Credentials } from "./settings";
import { okxAuthHeaders } from "./sign";

export type HttpOverrides = Omit<HttpClientOptions, "provider" | "baseUrl" | "secrets" | "interpretError">;

/** HTTP and OK-ACCESS signing for the OKX Web3 wallet and market APIs. */
export class OkxWeb3Client {
  private readonly http: HttpClient;

  constructor(private readonly p: { baseUrl: string; credentials: OkxWeb3Credentials; now: () => Date; http?: HttpOverrides }) {
    const c = p.credentials;
    this.http = new HttpClient({
      provider: "okx_web3",
      baseUrl: p.baseUrl,
      secrets: [c.apiKey, c.secretKey, c.passphrase],
      interpretError: interpretOkxError,
      now: p.now,
      ...p.http,
    });
  }

  allTokenBalances(address: string, chains: string[], excludeRisk: boolean) {
    const risk = OKX_WEB3_ASSUMPTIONS.excludeRiskToken.balances;
    return this.call("GET", "/api/v6/dex/balance/all-token-balances-by-address", allTokenBalancesSchema, {
      query: { address, chains: chains.join(","), excludeRiskToken: excludeRisk ? risk.filter : risk.keep },
    });
  }

  totalValue(address: string, chains: string[], excludeRisk: boolean) {
    const risk = OKX_WEB3_ASSUMPTIONS.excludeRiskToken.totalValue;
    return this.call("GET", "/api/v6/dex/balance/total-value-by-address", totalValueSchema, {
      query: {
        address,
        chains: chains.join(","),
        assetType: OKX_WEB3_ASSUMPTIONS.totalValueAssetType,
        excludeRiskToken: excludeRisk ? risk.filter : risk.keep,
      },
    });
  }

  /** One page of an address's transactions on the given chains in [begin, end], newest first. */
  transactions(p: { address: string; chains: string[]; beginMs: number; endMs: number; limit: number; cursor?: string }) {
    return this.call("GET", "/api/v6/dex/post-transaction/transactions-by-address", transactionsSchema, {
      query: {
        address: p.address,
        chains: p.chains.join(","),
        begin: String(p.beginMs),
        end: String(p.endMs),
        limit: String(p.limit),
        ...(p.cursor ? { cursor: p.cursor } : {}),
      },
    });
  }

  marketPrices(tokens: Array<{ chainIndex: string; tokenContractAddress: string }>) {
    return this.call("POST", "/api/v6/dex/market/price", marketPriceSchema, { body: JSON.stringify(tokens) });
  }

  /** A dry-run swap quote from the DEX aggregator: read-only, nothing is signed on chain or sent. */
  dexQuote(q: { chainIndex: string; amount: string; fromTokenAddress: string; toTokenAddress: string }) {
    return this.call("GET", OKX_WEB3_ASSUMPTIONS.dexQuote.path, dexQuoteSchema, {
      query: { chainIndex: q.chainIndex, amount: q.amount, swapMode: "exactIn", fromTokenAddress: q.fromTokenAddress, toTokenAddress: q.toTokenAddress },
    });
  }

  private call<T>(method: "GET" | "POST", path: string, schema: z.ZodType<T>, opts: { query?: QueryInput; body?: string }): Promise<HttpResult<T>> {
    const c = this.p.credentials;
    return this.http.request({
      method,
      path,
      query: opts.query,
      body: opts.body,
      schema,
      sign: (input) =>
        okxAuthHeaders({
          apiKey: c.apiKey,
          secretKey: c.secretKey,
          passphrase: c.passphrase,
          projectId: c.projectId,
          method: input.method,
          pathWithQuery: input.pathWithQuery,
          body: input.body,
          now: this.p.now(),
        }),
    });
  }
}

function interpretOkxError(r: VenueResponse): VenueErrorVerdict | undefined {
  const body = r.body && typeof r.body === "object" && !Array.isArray(r.body) ? r.body : undefined;
  const code = typeof body?.code === "string" ? body.code : undefined;
  const msg = typeof body?.msg === "string" ? body.msg : "";
  if (code === undefined || code === "0") return undefined;
  const kind = r.status === 401 ? "auth" : r.status === 429 ? "rate_limited" : errorKindOfCode(code);
  return { kind, message: `${r.status === 200 ? "" : `HTTP ${r.status} `}code ${code}${msg ? `: ${msg}` : ""}` };
}
