import { createHmac, timingSafeEqual } from "node:crypto";
import fs from "node:fs";
import type { FakeHttpServer, FakeReply, FakeRequest } from "@/lib/connectors/contract/fake-http";
import { FakeVenue } from "@/lib/connectors/contract/fake-venue";

/**
 * A fake OKX v5 for tests: the endpoints this project reads, answering from a mutable
 * state seeded by `fixtures/`, with OKX's rules where they shape a client — base64
 * HMAC-SHA256 over timestamp + METHOD + path?query + body checked with the
 * OK-ACCESS-KEY / -PASSPHRASE / -TIMESTAMP headers, demo keys only with
 * `x-simulated-trading: 1`, mandatory `instType` on history endpoints, retention windows
 * (orders 7 days / 3 months, fills 3 days / 3 months, from the fake's clock), and
 * newest-first pages with `after` / `before` cursors (ids for orders and fills, times for
 * the funding account's deposit and withdrawal histories).
 */
export const OKX_TEST_CREDENTIALS = {
  apiKey: "5c6ad1f3-8b8e-4d7e-9f2c-2a4e1b7c9d01",
  // OKX's documented example secret (REST authentication page).
  secret: "22582BD0CFF14C41EDBF1AB98506286D",
  passphrase: "read-only-passphrase",
} as const;

/** OKX signing: base64 HMAC-SHA256 of timestamp + METHOD + path?query + body. */
export function okxSignature(secret: string, prehash: string): string {
  return createHmac("sha256", secret).update(prehash).digest("base64");
}

type Row = Record<string, unknown>;

export interface OkxFakeState {
  accountConfig: Row[];
  tradingBalance: Row[];
  fundingBalances: Row[];
  positions: Row[];
  orders: Row[];
  /** Untriggered algo orders (orders-algo-pending). */
  algoOrders: Row[];
  fills: Row[];
  tickers: Row[];
  indexTickers: Row[];
  instruments: Record<"SPOT" | "SWAP" | "FUTURES", Row[]>;
  deposits: Row[];
  withdrawals: Row[];
}

export function okxFixture(name: string): unknown {
  return JSON.parse(fs.readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8"));
}
const data = (name: string) => (okxFixture(name) as { data: Row[] }).data;
const list = (name: string) => okxFixture(name) as Row[];

export function defaultOkxState(): OkxFakeState {
  return {
    accountConfig: data("account-config-read-only.json"),
    tradingBalance: data("account-balance.json"),
    fundingBalances: data("asset-balances.json"),
    positions: data("positions.json"),
    orders: list("orders.json"),
    algoOrders: data("algo-orders-pending.json"),
    fills: list("fills.json"),
    tickers: data("tickers-spot.json"),
    indexTickers: data("index-tickers-usd.json"),
    instruments: { SPOT: data("instruments-spot.json"), SWAP: data("instruments-swap.json"), FUTURES: data("instruments-futures.json") },
    deposits: list("deposit-history.json"),
    withdrawals: list("withdrawal-history.json"),
  };
}

class VenueError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    msg: string,
  ) {
    super(msg);
  }
}

const DAY = 86_400_000;
const str = (r: Row, k: string) => String(r[k] ?? "");

export interface FakeOkxOptions {
  apiKey?: string;
  secret?: string;
  passphrase?: string;
  /** A demo-trading key: every request must carry `x-simulated-trading: 1`. */
  demoKey?: boolean;
  state?: OkxFakeState;
  /** The venue's clock for retention windows. */
  now?: () => number;
}

interface Route {
  signed: boolean;
  handle: (q: Record<string, string>) => Row[];
}

export class FakeOkx extends FakeVenue {
  state: OkxFakeState;
  now: () => number;
  private readonly routes: Record<string, Route>;
  private readonly creds: { apiKey: string; secret: string; passphrase: string };
  private readonly demoKey: boolean;

  private constructor(
    server: FakeHttpServer,
    o: FakeOkxOptions,
  ) {
    super(server);
    this.creds = {
      apiKey: o.apiKey ?? OKX_TEST_CREDENTIALS.apiKey,
      secret: o.secret ?? OKX_TEST_CREDENTIALS.secret,
      passphrase: o.passphrase ?? OKX_TEST_CREDENTIALS.passphrase,
    };
    this.demoKey = o.demoKey ?? false;
    this.state = o.state ?? defaultOkxState();
    this.now = o.now ?? Date.now;
    this.routes = this.buildRoutes();
  }

  static start(o: FakeOkxOptions = {}): Promise<FakeOkx> {
    return FakeVenue.serve((server) => new FakeOkx(server, o));
  }


  private verify(req: FakeRequest): void {
    const h = req.headers;
    const key = h["ok-access-key"];
    if (!key) throw new VenueError(401, "50103", 'Request header "OK-ACCESS-KEY" cannot be empty.');
    if (key !== this.creds.apiKey) throw new VenueError(401, "50111", "Invalid OK-ACCESS-KEY.");
    const simulated = h["x-simulated-trading"] === "1";
    if (simulated !== this.demoKey) throw new VenueError(401, "50101", "APIKey does not match current environment.");
    const pass = h["ok-access-passphrase"];
    if (!pass) throw new VenueError(401, "50104", 'Request header "OK-ACCESS-PASSPHRASE" cannot be empty.');
    if (pass !== this.creds.passphrase) throw new VenueError(401, "50105", "Invalid OK-ACCESS-PASSPHRASE.");
    const ts = h["ok-access-timestamp"] ?? "";
    const at = Date.parse(ts);
    if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/.test(ts) || Number.isNaN(at)) throw new VenueError(401, "50112", "Invalid OK-ACCESS-TIMESTAMP.");
    if (Math.abs(Date.now() - at) > 30_000) throw new VenueError(401, "50102", "Timestamp request expired.");
    const path = req.rawQuery ? `${req.path}?${req.rawQuery}` : req.path;
    const expected = okxSignature(this.creds.secret, `${ts}${req.method}${path}${req.body}`);
    const a = Buffer.from(h["ok-access-sign"] ?? "");
    const b = Buffer.from(expected);
    if (a.length !== b.length || !timingSafeEqual(a, b)) throw new VenueError(401, "50113", "Invalid Sign.");
  }

  protected async handle(req: FakeRequest): Promise<FakeReply> {
    const route = this.routes[`${req.method} ${req.path}`];
    if (!route) return { status: 404, json: { code: "50014", msg: "Path not found", data: [] } };
    try {
      if (route.signed) this.verify(req);
      return { status: 200, json: { code: "0", msg: "", data: route.handle(req.query) } };
    } catch (e) {
      if (e instanceof VenueError) return { status: e.status, json: { code: e.code, msg: e.message, data: [] } };
      throw e;
    }
  }

  private buildRoutes(): Record<string, Route> {
    const s = () => this.state;
    const live = (o: Row) => ["live", "partially_filled"].includes(str(o, "state"));
    const done = (o: Row) => !live(o);
    return {
      "GET /api/v5/public/instruments": {
        signed: false,
        handle: (q) => {
          const t = q.instType;
          if (t === "SPOT" || t === "SWAP" || t === "FUTURES") return s().instruments[t];
          if (t === "OPTION" || t === "MARGIN") return [];
          throw new VenueError(400, "51000", "Parameter instType error");
        },
      },
      "GET /api/v5/account/config": { signed: true, handle: () => s().accountConfig },
      "GET /api/v5/account/balance": { signed: true, handle: () => s().tradingBalance },
      "GET /api/v5/asset/balances": { signed: true, handle: (q) => s().fundingBalances.filter((b) => !q.ccy || q.ccy.split(",").includes(str(b, "ccy"))) },
      "GET /api/v5/account/positions": { signed: true, handle: (q) => s().positions.filter((p) => !q.instType || p.instType === q.instType) },
      "GET /api/v5/trade/orders-pending": { signed: true, handle: (q) => this.page(s().orders.filter(live), q, "ordId", "cTime") },
      "GET /api/v5/trade/orders-history": {
        signed: true,
        handle: (q) => this.page(this.typed(s().orders.filter(done), q).filter((o) => Number(o.cTime) >= this.now() - 7 * DAY), q, "ordId", "cTime"),
      },
      "GET /api/v5/trade/orders-history-archive": {
        signed: true,
        handle: (q) => this.page(this.typed(s().orders.filter(done), q).filter((o) => Number(o.cTime) >= this.now() - 90 * DAY), q, "ordId", "cTime"),
      },
      "GET /api/v5/trade/orders-algo-pending": {
        signed: true,
        handle: (q) => {
          // ordType is required: one type per request, except conditional and oco together.
          const types = (q.ordType ?? "").split(",");
          const single = ["conditional", "oco", "chase", "trigger", "move_order_stop", "iceberg", "twap"];
          const valid = types.length === 1 ? single.includes(types[0]!) : types.every((t) => t === "conditional" || t === "oco");
          if (!q.ordType || !valid) throw new VenueError(400, "51000", "Parameter ordType error");
          return this.page(s().algoOrders.filter((o) => types.includes(str(o, "ordType"))), q, "algoId", "cTime");
        },
      },
      "GET /api/v5/trade/order": {
        signed: true,
        handle: (q) => {
          const found = s().orders.find((o) => o.instId === q.instId && (o.ordId === q.ordId || (q.clOrdId && o.clOrdId === q.clOrdId)));
          if (!found) throw new VenueError(200, "51603", "Order does not exist");
          return [found];
        },
      },
      "GET /api/v5/trade/fills": {
        signed: true,
        handle: (q) =>
          this.page(
            s().fills.filter((f) => (!q.instType || f.instType === q.instType) && Number(f.ts) >= this.now() - 3 * DAY),
            q,
            "billId",
            "ts",
          ),
      },
      "GET /api/v5/trade/fills-history": {
        signed: true,
        handle: (q) => this.page(this.typed(s().fills, q).filter((f) => Number(f.ts) >= this.now() - 90 * DAY), q, "billId", "ts"),
      },
      "GET /api/v5/asset/deposit-history": {
        signed: true,
        handle: (q) => this.byTime(s().deposits.filter((d) => (!q.ccy || d.ccy === q.ccy) && (!q.depId || d.depId === q.depId) && (!q.state || d.state === q.state)), q),
      },
      "GET /api/v5/asset/withdrawal-history": {
        signed: true,
        handle: (q) => this.byTime(s().withdrawals.filter((w) => (!q.ccy || w.ccy === q.ccy) && (!q.wdId || w.wdId === q.wdId) && (!q.state || w.state === q.state)), q),
      },
      "GET /api/v5/market/tickers": {
        signed: false,
        handle: (q) => {
          if (!q.instType) throw new VenueError(400, "50014", "Parameter instType can not be empty");
          return s().tickers.filter((t) => t.instType === q.instType);
        },
      },
      "GET /api/v5/market/index-tickers": {
        signed: false,
        handle: (q) => {
          if (!q.quoteCcy && !q.instId) throw new VenueError(400, "50014", "Parameter quoteCcy or instId can not be empty");
          return s().indexTickers.filter((t) => (!q.instId || t.instId === q.instId) && (!q.quoteCcy || str(t, "instId").endsWith(`-${q.quoteCcy}`)));
        },
      },
    };
  }

  private typed(rows: Row[], q: Record<string, string>): Row[] {
    if (!q.instType) throw new VenueError(400, "51000", "Parameter instType error");
    return rows.filter((r) => r.instType === q.instType);
  }

  /** Newest first; `after` = earlier than that ts, `before` = later than that ts; limit ≤ 100. */
  private byTime(rows: Row[], q: Record<string, string>): Row[] {
    const limit = Math.min(Number(q.limit ?? 100), 100);
    return rows
      .filter((r) => (!q.after || Number(r.ts) < Number(q.after)) && (!q.before || Number(r.ts) > Number(q.before)))
      .sort((a, b) => Number(b.ts) - Number(a.ts))
      .slice(0, limit);
  }

  /** Newest first; `after` = older than that id, `before` = newer; begin/end on `timeField`; limit ≤ 100. */
  private page(rows: Row[], q: Record<string, string>, idField: string, timeField: string): Row[] {
    const limit = Math.min(Number(q.limit ?? 100), 100);
    return rows
      .filter((r) => {
        const id = BigInt(str(r, idField));
        const t = Number(r[timeField]);
        if (q.after && !(id < BigInt(q.after))) return false;
        if (q.before && !(id > BigInt(q.before))) return false;
        if (q.begin && t < Number(q.begin)) return false;
        if (q.end && t > Number(q.end)) return false;
        return true;
      })
      .sort((a, b) => (BigInt(str(b, idField)) > BigInt(str(a, idField)) ? 1 : -1))
      .slice(0, limit);
  }
}
