import { createHmac, timingSafeEqual } from "node:crypto";
import fs from "node:fs";
import { D } from "@/lib/money/decimal";
import type { FakeHttpServer, FakeReply, FakeRequest } from "@/lib/connectors/contract/fake-http";
import { FakeVenue } from "@/lib/connectors/contract/fake-venue";

/**
 * A fake Binance for tests: the documented endpoints this project reads, answering from a
 * mutable state seeded by `fixtures/`, with Binance's own rules where they shape a
 * client — HMAC-SHA256 signatures over query + body checked against X-MBX-APIKEY, the
 * recvWindow, mandatory symbols, the 24 h / 7 day history windows, id cursors, request
 * weights reported in X-MBX-USED-WEIGHT-1M and a 429 once a minute's limit is spent; the
 * wallet histories (deposits, withdrawals) with their 90-day ranges, offset pages and the
 * withdrawal history's per-account weight (X-SAPI-USED-UID-WEIGHT-1M).
 */

/** Binance's published example key pair ("for illustrative purposes"), safe to embed. */
export const BINANCE_EXAMPLE_CREDENTIALS = {
  apiKey: "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A",
  secret: "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j",
} as const;

/** Binance HMAC signing: hex HMAC-SHA256 of query string + body, keyed with the secret. */
export function binanceSignature(secret: string, payload: string): string {
  return createHmac("sha256", secret).update(payload).digest("hex");
}

type Row = Record<string, unknown>;
type Market = "spot" | "usdm" | "coinm";

export interface BinanceFakeState {
  apiRestrictions: Row;
  spotAccount: Row & { balances: Row[] };
  fundingAssets: Row[];
  usdmAccount: Row;
  coinmAccount: Row;
  /** Position Information V3 rows (what the connector reads). */
  usdmPositions: Row[];
  /** The same account as V2 still answers it (leverage and marginType inline). */
  usdmPositionsV2: Row[];
  usdmSymbolConfig: Row[];
  coinmPositions: Row[];
  orders: Record<Market, Row[]>;
  trades: Record<Market, Row[]>;
  prices: Row[];
  exchangeInfo: Record<Market, Row>;
  deposits: Row[];
  withdrawals: Row[];
  /** GET /papi/v1/account of a portfolio-margin account; null: a classic account, refused with -2015. */
  portfolioMargin: Row | null;
  /** Spot daily candles per symbol (BTCUSDT), oldest first, as /api/v3/klines rows. */
  klines: Record<string, unknown[][]>;
}

export function binanceFixture(name: string): unknown {
  return JSON.parse(fs.readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8"));
}

const rows = (name: string) => binanceFixture(name) as Row[];
const obj = (name: string) => binanceFixture(name) as Row;

/** A fresh copy of the fixture portfolio (see fixtures/), safe to mutate. */
export function defaultBinanceState(): BinanceFakeState {
  return {
    apiRestrictions: obj("api-restrictions-read-only.json"),
    spotAccount: obj("account-spot.json") as Row & { balances: Row[] },
    fundingAssets: rows("funding-assets.json"),
    usdmAccount: obj("account-usdm.json"),
    coinmAccount: obj("account-coinm.json"),
    usdmPositions: rows("position-risk-usdm.json"),
    usdmPositionsV2: rows("position-risk-usdm-v2.json"),
    usdmSymbolConfig: rows("symbol-config-usdm.json"),
    coinmPositions: rows("position-risk-coinm.json"),
    orders: { spot: rows("orders-spot.json"), usdm: rows("orders-usdm.json"), coinm: rows("orders-coinm.json") },
    trades: { spot: rows("trades-spot.json"), usdm: rows("trades-usdm.json"), coinm: rows("trades-coinm.json") },
    prices: rows("ticker-prices.json"),
    exchangeInfo: { spot: obj("exchange-info-spot.json"), usdm: obj("exchange-info-usdm.json"), coinm: obj("exchange-info-coinm.json") },
    deposits: rows("deposit-history.json"),
    withdrawals: rows("withdraw-history.json"),
    portfolioMargin: null,
    klines: {},
  };
}

class VenueError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    msg: string,
  ) {
    super(msg);
  }
}

const DAY = 86_400_000;
const num = (r: Row, k: string): number => Number(r[k]);
const str = (r: Row, k: string): string => String(r[k]);

interface Route {
  signed: boolean;
  weight: (p: Record<string, string>) => number;
  handle: (p: Record<string, string>) => unknown;
}

/** Weight bucket and the header Binance reports it in. */
function bucketOf(path: string): { bucket: string; header: string; limit: number } {
  if (path === "/sapi/v1/capital/withdraw/history") return { bucket: "sapi_uid", header: "X-SAPI-USED-UID-WEIGHT-1M", limit: 180000 };
  if (path.startsWith("/sapi/")) return { bucket: "sapi", header: "X-SAPI-USED-IP-WEIGHT-1M", limit: 12000 };
  if (path.startsWith("/fapi/")) return { bucket: "usdm", header: "X-MBX-USED-WEIGHT-1M", limit: 2400 };
  if (path.startsWith("/papi/")) return { bucket: "papi", header: "X-MBX-USED-WEIGHT-1M", limit: 6000 };
  if (path.startsWith("/dapi/")) return { bucket: "coinm", header: "X-MBX-USED-WEIGHT-1M", limit: 2400 };
  return { bucket: "spot", header: "X-MBX-USED-WEIGHT-1M", limit: 6000 };
}

export interface FakeBinanceOptions {
  apiKey?: string;
  secret?: string;
  state?: BinanceFakeState;
  /** Clock of the per-minute weight windows (tests pin it); the real one by default. */
  weightClock?: () => number;
  /** The venue's clock for default history ranges ("the last 90 days"); the real one by default. */
  now?: () => number;
  /** A fixed port (e2e: the app server is told it before the fake starts); a free one by default. */
  port?: number;
}

export class FakeBinance extends FakeVenue {
  state: BinanceFakeState;
  readonly apiKey: string;
  private readonly secret: string;
  private readonly weight = new Map<string, { minute: number; used: number }>();
  /** Weight every request cost, in order (the fake's own accounting, as Binance documents it). */
  readonly weights: number[] = [];
  private readonly routes: Record<string, Route>;
  private readonly weightClock: () => number;
  private readonly now: () => number;

  private constructor(
    server: FakeHttpServer,
    o: FakeBinanceOptions,
  ) {
    super(server);
    this.apiKey = o.apiKey ?? BINANCE_EXAMPLE_CREDENTIALS.apiKey;
    this.secret = o.secret ?? BINANCE_EXAMPLE_CREDENTIALS.secret;
    this.state = o.state ?? defaultBinanceState();
    this.weightClock = o.weightClock ?? Date.now;
    this.now = o.now ?? Date.now;
    this.routes = this.buildRoutes();
  }

  static start(o: FakeBinanceOptions = {}): Promise<FakeBinance> {
    return FakeVenue.serve((server) => new FakeBinance(server, o), o.port);
  }

  override clearRequests(): void {
    super.clearRequests();
    this.weights.length = 0;
  }

  /** Forgets the weight used this minute (a new test, a new minute). */
  resetWeight(): void {
    this.weight.clear();
  }

  /** Pretends other clients on this IP already used `used` weight this minute. */
  setUsedWeight(bucket: string, used: number): void {
    this.weight.set(bucket, { minute: Math.floor(this.weightClock() / 60_000), used });
  }

  totalWeight(): number {
    return this.weights.reduce((a, b) => a + b, 0);
  }

  private addWeight(bucket: string, w: number): number {
    const minute = Math.floor(this.weightClock() / 60_000);
    const cur = this.weight.get(bucket);
    const used = (cur && cur.minute === minute ? cur.used : 0) + w;
    this.weight.set(bucket, { minute, used });
    return used;
  }

  private verify(req: FakeRequest, params: Record<string, string>): void {
    const key = req.headers["x-mbx-apikey"];
    if (!key) throw new VenueError(401, -2014, "API-key format invalid.");
    if (key !== this.apiKey) throw new VenueError(401, -2015, "Invalid API-key, IP, or permissions for action.");
    // totalParams = query string + body; the signature is HMAC-SHA256 of it without itself.
    const total = req.rawQuery + (req.method === "GET" ? "" : req.body);
    const sig = /(?:^|&)signature=([0-9a-fA-F]*)/.exec(total)?.[1];
    if (!sig) throw new VenueError(400, -1102, "Mandatory parameter 'signature' was not sent, was empty/null, or malformed.");
    const payload = total.replace(/&?signature=[0-9a-fA-F]*/, "");
    const expected = binanceSignature(this.secret, payload);
    const a = Buffer.from(sig.toLowerCase());
    const b = Buffer.from(expected);
    if (a.length !== b.length || !timingSafeEqual(a, b)) throw new VenueError(400, -1022, "Signature for this request is not valid.");
    const ts = Number(params.timestamp);
    const recvWindow = params.recvWindow ? Number(params.recvWindow) : 5000;
    const now = Date.now();
    if (!Number.isFinite(ts) || ts >= now + 1000 || now - ts > recvWindow) {
      throw new VenueError(400, -1021, "Timestamp for this request is outside of the recvWindow.");
    }
  }

  protected async handle(req: FakeRequest): Promise<FakeReply> {
    const route = this.routes[`${req.method} ${req.path}`];
    if (!route) return { status: 404, raw: "<html><body><h2>404 Not found</h2></body></html>", headers: { "content-type": "text/html" } };
    const params: Record<string, string> = { ...req.query };
    if (req.method !== "GET") Object.assign(params, Object.fromEntries(new URLSearchParams(req.body)));
    const b = bucketOf(req.path);
    const w = route.weight(params);
    this.weights.push(w);
    const used = this.addWeight(b.bucket, w);
    const headers = { [b.header]: String(used) };
    if (used > b.limit) {
      const retry = 60 - Math.floor((this.weightClock() % 60_000) / 1000);
      return {
        status: 429,
        json: { code: -1003, msg: `Too many requests; current limit of IP is ${b.limit} requests per minute.` },
        headers: { ...headers, "Retry-After": String(retry) },
      };
    }
    try {
      if (route.signed) this.verify(req, params);
      return { status: 200, json: route.handle(params), headers };
    } catch (e) {
      if (e instanceof VenueError) return { status: e.status, json: { code: e.code, msg: e.message }, headers };
      throw e;
    }
  }

  private buildRoutes(): Record<string, Route> {
    const s = () => this.state;
    const fixed = (w: number) => () => w;
    const open = (m: Market) => (p: Record<string, string>) =>
      s().orders[m].filter((o) => ["NEW", "PARTIALLY_FILLED"].includes(str(o, "status")) && (!p.symbol || o.symbol === p.symbol));
    return {
      "GET /api/v3/exchangeInfo": { signed: false, weight: fixed(20), handle: () => s().exchangeInfo.spot },
      "GET /fapi/v1/exchangeInfo": { signed: false, weight: fixed(1), handle: () => s().exchangeInfo.usdm },
      "GET /dapi/v1/exchangeInfo": { signed: false, weight: fixed(1), handle: () => s().exchangeInfo.coinm },
      "GET /sapi/v1/account/apiRestrictions": { signed: true, weight: fixed(1), handle: () => s().apiRestrictions },
      "GET /api/v3/account": {
        signed: true,
        weight: fixed(20),
        handle: (p) => {
          const a = s().spotAccount;
          if (p.omitZeroBalances !== "true") return a;
          return { ...a, balances: a.balances.filter((b) => !new D(str(b, "free")).plus(str(b, "locked")).isZero()) };
        },
      },
      "POST /sapi/v1/asset/get-funding-asset": {
        signed: true,
        weight: fixed(1),
        handle: (p) => s().fundingAssets.filter((a) => !p.asset || a.asset === p.asset),
      },
      "GET /fapi/v3/account": { signed: true, weight: fixed(5), handle: () => s().usdmAccount },
      "GET /dapi/v1/account": { signed: true, weight: fixed(5), handle: () => s().coinmAccount },
      "GET /fapi/v3/positionRisk": {
        signed: true,
        weight: fixed(5),
        handle: (p) => s().usdmPositions.filter((r) => !p.symbol || r.symbol === p.symbol),
      },
      "GET /fapi/v2/positionRisk": {
        signed: true,
        weight: fixed(5),
        handle: (p) => s().usdmPositionsV2.filter((r) => !p.symbol || r.symbol === p.symbol),
      },
      "GET /fapi/v1/symbolConfig": {
        signed: true,
        weight: fixed(5),
        handle: (p) => s().usdmSymbolConfig.filter((r) => !p.symbol || r.symbol === p.symbol),
      },
      "GET /dapi/v1/positionRisk": { signed: true, weight: fixed(1), handle: () => s().coinmPositions },
      "GET /api/v3/openOrders": { signed: true, weight: (p) => (p.symbol ? 6 : 80), handle: open("spot") },
      "GET /fapi/v1/openOrders": { signed: true, weight: (p) => (p.symbol ? 1 : 40), handle: open("usdm") },
      "GET /dapi/v1/openOrders": { signed: true, weight: (p) => (p.symbol ? 1 : 40), handle: open("coinm") },
      "GET /api/v3/allOrders": { signed: true, weight: fixed(20), handle: (p) => this.history(s().orders.spot, p, "orderId", "orderId", DAY, 1000) },
      "GET /fapi/v1/allOrders": {
        signed: true,
        weight: fixed(5),
        handle: (p) => this.history(s().orders.usdm, p, "orderId", "orderId", 7 * DAY - 1, 1000),
      },
      "GET /dapi/v1/allOrders": {
        signed: true,
        weight: fixed(20),
        handle: (p) => this.history(s().orders.coinm, p, "orderId", "orderId", 7 * DAY - 1, 100),
      },
      "GET /api/v3/myTrades": { signed: true, weight: (p) => (p.orderId ? 5 : 20), handle: (p) => this.history(s().trades.spot, p, "fromId", "id", DAY, 1000) },
      "GET /fapi/v1/userTrades": { signed: true, weight: fixed(5), handle: (p) => this.history(s().trades.usdm, p, "fromId", "id", 7 * DAY, 1000) },
      "GET /dapi/v1/userTrades": { signed: true, weight: fixed(20), handle: (p) => this.history(s().trades.coinm, p, "fromId", "id", 7 * DAY, 1000) },
      "GET /api/v3/order": { signed: true, weight: fixed(4), handle: (p) => this.order(s().orders.spot, p) },
      "GET /fapi/v1/order": { signed: true, weight: fixed(1), handle: (p) => this.order(s().orders.usdm, p) },
      "GET /dapi/v1/order": { signed: true, weight: fixed(1), handle: (p) => this.order(s().orders.coinm, p) },
      "GET /sapi/v1/capital/deposit/hisrec": {
        signed: true,
        weight: fixed(1),
        handle: (p) => this.walletHistory(s().deposits, p, (r) => num(r, "insertTime")),
      },
      "GET /sapi/v1/capital/withdraw/history": {
        signed: true,
        weight: fixed(18000),
        handle: (p) => this.walletHistory(s().withdrawals, p, (r) => Date.parse(`${str(r, "applyTime").replace(" ", "T")}Z`)),
      },
      "GET /papi/v1/account": {
        signed: true,
        weight: fixed(20),
        handle: () => s().portfolioMargin ?? this.refused(),
      },
      "GET /api/v3/klines": { signed: false, weight: fixed(2), handle: (p) => this.klines(p) },
      "GET /api/v3/ticker/price": {
        signed: false,
        weight: (p) => (p.symbol ? 2 : 4),
        handle: (p) => {
          if (p.symbol) return s().prices.find((t) => t.symbol === p.symbol) ?? this.invalidSymbol();
          if (!p.symbols) return s().prices;
          const wanted = JSON.parse(p.symbols) as string[];
          return s().prices.filter((t) => wanted.includes(str(t, "symbol")));
        },
      },
    };
  }

  /** What Binance answers a classic account (or a key without Portfolio Margin permission) on /papi. */
  private refused(): never {
    throw new VenueError(401, -2015, "Invalid API-key, IP, or permissions for action.");
  }

  /**
   * Candles: symbol and interval mandatory; limit 500 by default, at most 1,000; rows whose
   * open time is in [startTime, endTime], oldest first; without startTime, the most recent.
   * Only the daily interval is held.
   */
  private klines(p: Record<string, string>): unknown[][] {
    if (!p.symbol) throw new VenueError(400, -1102, "Mandatory parameter 'symbol' was not sent, was empty/null, or malformed.");
    if (!p.interval) throw new VenueError(400, -1102, "Mandatory parameter 'interval' was not sent, was empty/null, or malformed.");
    if (p.interval !== "1d") throw new VenueError(400, -1120, "Invalid interval.");
    const limit = p.limit ? Number(p.limit) : 500;
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new VenueError(400, -1130, "Data sent for parameter 'limit' is not valid.");
    const all = this.state.klines[p.symbol];
    if (!all && !this.state.prices.some((t) => t.symbol === p.symbol)) this.invalidSymbol();
    const start = p.startTime ? Number(p.startTime) : undefined;
    const end = p.endTime ? Number(p.endTime) : Infinity;
    const inRange = (all ?? []).filter((k) => (start === undefined || Number(k[0]) >= start) && Number(k[0]) <= end);
    return start === undefined ? inRange.slice(-limit) : inRange.slice(0, limit);
  }

  private invalidSymbol(): never {
    throw new VenueError(400, -1121, "Invalid symbol.");
  }

  /**
   * allOrders / myTrades / userTrades: symbol required; either an id cursor (rows with
   * id ≥ cursor, oldest first) or a time range no longer than `maxSpan` (rows in range,
   * oldest first); neither gives the most recent `limit` rows.
   */
  private history(all: Row[], p: Record<string, string>, cursor: string, idField: string, maxSpan: number, maxLimit: number): Row[] {
    if (!p.symbol) throw new VenueError(400, -1102, "Mandatory parameter 'symbol' was not sent, was empty/null, or malformed.");
    const limit = Math.min(Number(p.limit ?? 500), maxLimit);
    let list = all.filter((r) => r.symbol === p.symbol).sort((a, b) => num(a, idField) - num(b, idField));
    if (p[cursor] !== undefined) {
      if (p.startTime !== undefined || p.endTime !== undefined) {
        throw new VenueError(400, -1128, "Combination of optional parameters invalid.");
      }
      list = list.filter((r) => BigInt(str(r, idField)) >= BigInt(p[cursor]!));
      return list.slice(0, limit);
    }
    if (p.startTime !== undefined || p.endTime !== undefined) {
      const start = p.startTime !== undefined ? Number(p.startTime) : Number(p.endTime) - maxSpan;
      const end = p.endTime !== undefined ? Number(p.endTime) : start + maxSpan;
      if (end - start > maxSpan) throw new VenueError(400, -1127, "More than 24 hours between startTime and endTime.");
      return list.filter((r) => num(r, "time") >= start && num(r, "time") <= end).slice(0, limit);
    }
    return list.slice(-limit);
  }

  /**
   * Deposit / withdrawal history: a range under 90 days (by default the last 90 days up
   * to now), optional coin, newest first, `offset` and `limit` (≤ 1000) pages.
   */
  private walletHistory(all: Row[], p: Record<string, string>, timeOf: (r: Row) => number): Row[] {
    const span = 90 * DAY;
    const end = p.endTime !== undefined ? Number(p.endTime) : p.startTime !== undefined ? Number(p.startTime) + span : this.now();
    const start = p.startTime !== undefined ? Number(p.startTime) : end - span;
    // The wallet docs state the rule; the code and wording of the refusal are this fake's.
    if (end - start >= span) throw new VenueError(400, -1127, "Time interval must be within 0-90 days.");
    const limit = Math.min(Number(p.limit ?? 1000), 1000);
    const offset = Number(p.offset ?? 0);
    return all
      .filter((r) => (!p.coin || r.coin === p.coin) && timeOf(r) >= start && timeOf(r) <= end)
      .sort((a, b) => timeOf(b) - timeOf(a))
      .slice(offset, offset + limit);
  }

  private order(all: Row[], p: Record<string, string>): Row {
    if (!p.symbol) throw new VenueError(400, -1102, "Mandatory parameter 'symbol' was not sent, was empty/null, or malformed.");
    const found = all.find((o) => o.symbol === p.symbol && str(o, "orderId") === p.orderId);
    if (!found) throw new VenueError(400, -2013, "Order does not exist.");
    return found;
  }
}
