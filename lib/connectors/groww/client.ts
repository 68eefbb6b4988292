import type { z } from "zod";
import { ConnectorError, isConnectorError } from "../errors";
import { HttpClient, type HttpClientOptions, type HttpResult, type VenueErrorVerdict, type VenueResponse } from "../http/client";
import type { QueryInput } from "../http/query";
import { errorKindOfCode } from "./assumptions";
import { holdingsSchema, ltpSchema, marginSchema, orderDetailSchema, orderListSchema, positionsSchema, tradesSchema } from "./schemas";
import type { GrowwCredentials } from "./settings";
import { GrowwTokens, processTokenCache, type TokenCache } from "./token";

export type HttpOverrides = Omit<HttpClientOptions, "provider" | "baseUrl" | "secrets" | "interpretError">;

/** HTTP for the Groww Trade API: bearer token, version header, one renewal on a refused token. */
export class GrowwClient {
  private readonly http: HttpClient;
  private readonly tokens: GrowwTokens;

  constructor(p: { baseUrl: string; credentials: GrowwCredentials; now: () => Date; http?: HttpOverrides; tokenCache?: TokenCache }) {
    const c = p.credentials;
    const fixed = c.mode === "access_token" ? [c.accessToken] : c.mode === "approval" ? [c.apiKey, c.apiSecret] : [c.apiKey, c.totpSecret];
    this.http = new HttpClient({
      provider: "groww",
      baseUrl: p.baseUrl,
      headers: { "x-api-version": "1.0" },
      secrets: () => [...fixed, ...this.tokens.issued],
      interpretError: interpretGrowwError,
      now: p.now,
      ...p.http,
    });
    this.tokens = new GrowwTokens({ credentials: c, http: this.http, now: p.now, cache: p.tokenCache ?? processTokenCache });
  }

  /** Mints or checks the token without reading anything else. */
  ensureToken(): Promise<string> {
    return this.tokens.current();
  }

  holdings() {
    return this.get("/v1/holdings/user", holdingsSchema);
  }

  positions(segment: string) {
    return this.get("/v1/positions/user", positionsSchema, { segment });
  }

  margin() {
    return this.get("/v1/margins/detail/user", marginSchema);
  }

  orderList(segment: string, page: number, pageSize: number) {
    return this.get("/v1/order/list", orderListSchema, { segment, page, page_size: pageSize });
  }

  orderDetail(growwOrderId: string, segment: string) {
    return this.get(`/v1/order/detail/${encodeURIComponent(growwOrderId)}`, orderDetailSchema, { segment }, "GET /v1/order/detail/{id}");
  }

  trades(growwOrderId: string, segment: string, page: number, pageSize: number) {
    return this.get(
      `/v1/order/trades/${encodeURIComponent(growwOrderId)}`,
      tradesSchema,
      { segment, page, page_size: pageSize },
      "GET /v1/order/trades/{id}",
    );
  }

  ltp(segment: string, exchangeSymbols: string[]) {
    return this.get("/v1/live-data/ltp", ltpSchema, { segment, exchange_symbols: exchangeSymbols.join(",") });
  }

  private async get<T>(path: string, schema: z.ZodType<T>, query?: QueryInput, label?: string): Promise<HttpResult<T>> {
    const send = async () =>
      this.http.request({
        method: "GET",
        path,
        query,
        schema,
        label,
        headers: { authorization: `Bearer ${await this.tokens.current()}` },
      });
    try {
      return await send();
    } catch (e) {
      if (!isConnectorError(e) || e.kind !== "auth") throw e;
      if (!this.tokens.renewable) {
        throw new ConnectorError({
          kind: "auth",
          provider: "groww",
          endpoint: e.endpoint,
          message:
            "Groww refused the access token. Access tokens expire daily at 06:00 IST: generate a new one (Groww → Profile → Settings → Trading APIs), or store an API key with its secret or TOTP so the connector renews it itself.",
        });
      }
      // A minted token was refused before its time (revoked, or expired early): mint once more.
      this.tokens.invalidate();
      return send();
    }
  }
}

function interpretGrowwError(r: VenueResponse): VenueErrorVerdict | undefined {
  const body = r.body && typeof r.body === "object" && !Array.isArray(r.body) ? r.body : undefined;
  const error = body?.error && typeof body.error === "object" && !Array.isArray(body.error) ? body.error : undefined;
  const code = typeof error?.code === "string" ? error.code : "";
  const message = typeof error?.message === "string" ? error.message : "";
  const detail = `${code ? `${code} ` : ""}${message}`.trim();
  if (r.status === 401) return { kind: "auth", message: `HTTP 401 token refused${detail ? `: ${detail}` : ""}` };
  if (r.status === 429) return { kind: "rate_limited", message: `HTTP 429 rate limited${detail ? `: ${detail}` : ""}` };
  if (body?.status === "FAILURE") {
    const kind = r.status >= 500 ? "unavailable" : r.status === 403 ? "permission" : errorKindOfCode(code);
    return { kind, message: `HTTP ${r.status} ${detail || "request failed"}` };
  }
  return undefined;
}
