import ccxt, { type Dict } from "ccxt";
import { sanitize } from "@/lib/connectors/ccxt/errors";
import { RequestMeter } from "@/lib/connectors/ccxt/meter";
import { codeAndMsg, type FetchLike, guardResponse, type ObservedResponse } from "@/lib/connectors/ccxt/strict";
import type { OkxCredentials, OkxEnvironment } from "./config";

/**
 * The ccxt OKX instance a connector talks through: ccxt signs (base64 HMAC-SHA256 over
 * timestamp + method + path?query + body, with the OK-ACCESS-* headers and the
 * passphrase), throttles per endpoint with its own limiter (OKX publishes per-endpoint
 * limits, not usage headers), and maps OKX's error codes; this file only configures it.
 *
 * - Currencies (/api/v5/asset/currencies, signed) are not loaded: `has.fetchCurrencies`
 *   is the switch OKX honours (its `options.fetchCurrencies` is ignored).
 * - Markets: spot, swap and futures instruments only (no option chains).
 * - Demo trading adds `x-simulated-trading: 1` to every request (ccxt's sandbox mode).
 * - A non-JSON 2xx raises (see `guardResponse`).
 */
export class StrictOkx extends ccxt.okx {
  observe?: (r: ObservedResponse) => void;

  override handleErrors(
    httpCode: number,
    reason: string,
    url: string,
    method: string,
    headers: Dict,
    body: string,
    response: unknown,
    requestHeaders: unknown,
    requestBody: unknown,
  ): undefined {
    return guardResponse({
      code: httpCode,
      url,
      method,
      headers,
      response,
      venueError: codeAndMsg,
      observe: this.observe,
      nowMs: Date.now(),
      venueHandler: () => super.handleErrors(httpCode, reason, url, method, headers, body, response, requestHeaders, requestBody),
    });
  }
}

export interface OkxClientOptions {
  credentials: OkxCredentials;
  environment: OkxEnvironment;
  timeoutMs: number;
  fetchImplementation?: FetchLike;
  enableRateLimit?: boolean;
  logger?: (line: string) => void;
}

export interface OkxClient {
  exchange: StrictOkx;
  meter: RequestMeter;
}

export function createOkxClient(o: OkxClientOptions): OkxClient {
  const exchange = new StrictOkx({
    apiKey: o.credentials.apiKey,
    secret: o.credentials.secret,
    password: o.credentials.passphrase,
    enableRateLimit: o.enableRateLimit ?? true,
    timeout: o.timeoutMs,
    verbose: false,
    has: { fetchCurrencies: false },
    ...(o.fetchImplementation ? { fetchImplementation: o.fetchImplementation } : {}),
    options: { fetchMarkets: { types: ["spot", "swap", "future"] }, adjustForTimeDifference: false },
  });
  if (o.environment === "demo") exchange.setSandboxMode(true);
  const meter = new RequestMeter();
  const secrets = [o.credentials.apiKey, o.credentials.secret, o.credentials.passphrase];
  exchange.observe = (r) => {
    meter.record(r);
    o.logger?.(sanitize(`okx ${r.method} ${r.url.pathname} ${r.status}`, secrets));
  };
  return { exchange, meter };
}
