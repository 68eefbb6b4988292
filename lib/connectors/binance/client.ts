import ccxt, { type Dict } from "ccxt";
import { RequestMeter } from "@/lib/connectors/ccxt/meter";
import { codeAndMsg, type FetchLike, guardResponse, type ObservedResponse } from "@/lib/connectors/ccxt/strict";
import { WeightBudget } from "@/lib/connectors/ccxt/weight-budget";
import { sanitize } from "@/lib/connectors/ccxt/errors";
import type { BinanceCredentials, BinanceEnvironment } from "./config";
import { BINANCE_WEIGHT_LIMITS } from "./weight-limits";

/**
 * The ccxt Binance instance a connector talks through: ccxt signs (HMAC-SHA256 over the
 * query, X-MBX-APIKEY header), throttles with its own limiter, and maps Binance's error
 * codes; this file only configures it.
 *
 * - Side calls a read-only connector never needs are off: currencies
 *   (/sapi/v1/capital/config/getall) and margin pairs at loadMarkets.
 * - Markets: spot, USDⓈ-M and COIN-M exchangeInfo only (no options).
 * - A non-JSON 2xx raises (see `guardResponse`).
 * - Every response's X-MBX-USED-WEIGHT-1M feeds a budget that makes the next request wait
 *   for a new minute once the configured share is used.
 * - `fetchImplementation` is for tests only: it keeps ccxt's real URLs (so its per-market
 *   error tables apply) and sends the request to a local fake.
 */
/** The one sapi endpoint we read whose weight is counted per account rather than per IP. */
const UID_WEIGHTED = new Set(["/sapi/v1/capital/withdraw/history"]);

export { BINANCE_WEIGHT_LIMITS };

export function weightBucket(path: string): { bucket: string; header: string } | undefined {
  if (UID_WEIGHTED.has(path)) return { bucket: "sapi_uid", header: "x-sapi-used-uid-weight-1m" };
  if (path.startsWith("/api/")) return { bucket: "spot", header: "x-mbx-used-weight-1m" };
  if (path.startsWith("/sapi/")) return { bucket: "sapi", header: "x-sapi-used-ip-weight-1m" };
  if (path.startsWith("/fapi/")) return { bucket: "usdm", header: "x-mbx-used-weight-1m" };
  if (path.startsWith("/dapi/")) return { bucket: "coinm", header: "x-mbx-used-weight-1m" };
  return undefined;
}

export class StrictBinance extends ccxt.binance {
  observe?: (r: ObservedResponse) => void;
  beforeRequest?: (url: URL) => Promise<void>;

  /**
   * The weight budget's wait (up to a minute) comes before ccxt signs the request: signed
   * first and held past Binance's recvWindow (10 s here), the request was refused with -1021
   * "Timestamp for this request is outside of the recvWindow", which is what a first sync
   * reading a year of futures history ran into. The URL is the one ccxt's sign() will build
   * (`urls.api[api]` + path), so the bucket is the same one the response reports.
   */
  override async fetch2(path: string, api: unknown = "public", method = "GET", params = {}, headers?: unknown, body?: unknown, config = {}): Promise<unknown> {
    const base = typeof api === "string" ? (this.urls.api as Record<string, unknown>)[api] : undefined;
    if (typeof base !== "string") throw new Error(`binance: no base URL for ccxt api ${JSON.stringify(api)}`);
    await this.beforeRequest?.(new URL(`${base}/${path}`));
    return super.fetch2(path, api, method, params, headers, body, config);
  }

  override handleErrors(
    code: number,
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
      code,
      url,
      method,
      headers,
      response,
      venueError: codeAndMsg,
      observe: this.observe,
      nowMs: Date.now(),
      venueHandler: () => super.handleErrors(code, reason, url, method, headers, body, response, requestHeaders, requestBody),
    });
  }
}

export interface BinanceClientOptions {
  credentials: BinanceCredentials;
  environment: BinanceEnvironment;
  timeoutMs: number;
  weightBudgetShare: number;
  fetchImplementation?: FetchLike;
  /** ccxt's limiter; on unless a test turns it off for speed. */
  enableRateLimit?: boolean;
  /** Clock and sleep of the weight budget (tests); the real ones otherwise. */
  budgetClock?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** One line per response: method, path, status, used weight. Secrets never reach it. */
  logger?: (line: string) => void;
}

export interface BinanceClient {
  exchange: StrictBinance;
  budget: WeightBudget;
  meter: RequestMeter;
}

export function createBinanceClient(o: BinanceClientOptions): BinanceClient {
  const exchange = new StrictBinance({
    apiKey: o.credentials.apiKey,
    secret: o.credentials.secret,
    enableRateLimit: o.enableRateLimit ?? true,
    timeout: o.timeoutMs,
    verbose: false,
    ...(o.fetchImplementation ? { fetchImplementation: o.fetchImplementation } : {}),
    options: {
      fetchCurrencies: false,
      fetchMargins: false,
      fetchMarkets: { types: ["spot", "linear", "inverse"] },
      adjustForTimeDifference: false,
      // ccxt refuses the futures testnet by default; our testnet setting means it.
      disableFuturesSandboxWarning: true,
    },
  });
  if (o.environment === "testnet") exchange.setSandboxMode(true);
  if (o.environment === "demo") exchange.enableDemoTrading(true);

  const budget = new WeightBudget({ share: o.weightBudgetShare, limits: BINANCE_WEIGHT_LIMITS, clock: o.budgetClock, sleep: o.sleep });
  const meter = new RequestMeter();
  const secrets = [o.credentials.apiKey, o.credentials.secret];

  exchange.beforeRequest = async (url) => {
    const b = weightBucket(url.pathname);
    if (b) await budget.reserve(b.bucket);
  };
  exchange.observe = (r) => {
    meter.record(r);
    const b = weightBucket(r.url.pathname);
    const used = b ? r.headers[b.header] : undefined;
    if (b && used !== undefined && /^\d+$/.test(used)) budget.observe(b.bucket, Number.parseInt(used, 10));
    if (o.logger) {
      const weight = b && used !== undefined ? ` weight ${used}/${BINANCE_WEIGHT_LIMITS[b.bucket]}` : "";
      o.logger(sanitize(`binance ${r.method} ${r.url.pathname} ${r.status}${weight}`, secrets));
    }
  };
  return { exchange, budget, meter };
}
