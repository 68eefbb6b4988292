import type { z } from "zod";
import { HttpClient, type HttpClientOptions, type HttpResult, type VenueErrorVerdict, type VenueResponse } from "../http/client";
import { stringifyJson } from "../http/lossless-json";
import type { QueryValue } from "../http/query";
import { errorKindOfCode, ONETOKEN_ASSUMPTIONS } from "./assumptions";
import {
  assetPositionSchema,
  historicalNavSchema,
  lastPriceSchema,
  listPortfolioSchema,
  portfolioDetailSchema,
} from "./schemas";
import type { OneTokenCredentials } from "./settings";
import { oneTokenAuthHeaders } from "./sign";

export type HttpOverrides = Omit<HttpClientOptions, "provider" | "baseUrl" | "secrets" | "interpretError">;

/** HTTP and signing for 1Token CAM; every call carries the connection's department. */
export class OneTokenClient {
  private readonly http: HttpClient;

  constructor(
    private readonly p: {
      baseUrl: string;
      credentials: OneTokenCredentials;
      department?: string;
      now: () => Date;
      http?: HttpOverrides;
    },
  ) {
    this.http = new HttpClient({
      provider: "onetoken",
      baseUrl: p.baseUrl,
      secrets: [p.credentials.apiKey, p.credentials.apiSecret],
      headers: { "user-agent": ONETOKEN_ASSUMPTIONS.userAgent },
      interpretError: interpretOneTokenError,
      now: p.now,
      ...p.http,
    });
  }

  listPortfolios() {
    return this.call("GET", "/fundv3/openapi/portfolio/list-portfolio", listPortfolioSchema);
  }

  portfolioDetail(fundName: string) {
    return this.call("GET", "/fundv3/openapi/portfolio/get-portfolio-detail", portfolioDetailSchema, {
      query: [[ONETOKEN_ASSUMPTIONS.portfolioDetailFundParam, fundName]],
    });
  }

  historicalNav(p: { fundName: string; startNs: bigint; endNs: bigint; frequency: "daily" | "hourly" }) {
    return this.call("POST", "/fundv3/openapi/portfolio/get-historical-nav", historicalNavSchema, {
      body: { fund_name: p.fundName, start_time: p.startNs, end_time: p.endNs, frequency: p.frequency },
    });
  }

  assetPositions(p: { funds: string[]; startNs: bigint; endNs: bigint }) {
    return this.call("POST", "/anp/openapi/fund-snapshot/get-asset-position", assetPositionSchema, {
      body: {
        fund_list: p.funds,
        start_time: p.startNs,
        end_time: p.endNs,
        frequency: "hourly",
        quote_source: ONETOKEN_ASSUMPTIONS.quoteSource,
      },
    });
  }

  lastPrice(p: { currency: string; atNs: bigint }) {
    return this.call("GET", "/quote/last-price-before-timestamp", lastPriceSchema, {
      query: [
        ["currency", p.currency.toLowerCase()],
        ["exchange", ONETOKEN_ASSUMPTIONS.quoteExchange],
        ["timestamp", p.atNs],
      ],
    });
  }

  private call<T>(
    method: "GET" | "POST",
    path: string,
    schema: z.ZodType<T>,
    opts: { query?: Array<[string, QueryValue]>; body?: Record<string, unknown> } = {},
  ): Promise<HttpResult<T>> {
    const query: Array<[string, QueryValue]> = [...(opts.query ?? [])];
    if (this.p.department) query.push([ONETOKEN_ASSUMPTIONS.departmentQueryParam, this.p.department]);
    return this.http.request({
      method,
      path,
      query,
      body: opts.body === undefined ? undefined : stringifyJson(opts.body),
      schema,
      sign: (input) =>
        oneTokenAuthHeaders({
          apiKey: this.p.credentials.apiKey,
          secretBase64: this.p.credentials.apiSecret,
          verb: input.method,
          pathWithQuery: input.pathWithQuery,
          body: input.body,
          now: this.p.now(),
        }),
    });
  }
}

function interpretOneTokenError(r: VenueResponse): VenueErrorVerdict | undefined {
  if (r.status === 403 && r.text.includes("browser_signature_banned")) {
    return {
      kind: "permission",
      message: "HTTP 403 from Cloudflare (browser_signature_banned): 1Token's edge refused this HTTP client",
    };
  }
  const body = r.body && typeof r.body === "object" && !Array.isArray(r.body) ? r.body : undefined;
  const code = typeof body?.code === "string" ? body.code.trim() : "";
  const message = typeof body?.message === "string" ? body.message : "";
  if (r.status === 401) {
    return {
      kind: "auth",
      message: `HTTP 401 key or signature rejected (check the key pair, its expiry, the IP whitelist and the clock)${message ? `: ${message}` : ""}`,
    };
  }
  if (code !== "" && code !== "0") {
    return { kind: errorKindOfCode(code), message: `error ${code}${message ? `: ${message}` : ""}` };
  }
  return undefined;
}
