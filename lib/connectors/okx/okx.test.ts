import { inspect } from "node:util";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { MarketCache } from "@/lib/connectors/ccxt/markets";
import { asRecord, firstOf } from "@/lib/connectors/contract/json";
import { ConnectorError } from "@/lib/connectors/errors";
import { okxConfigSchema, type OkxCredentials } from "./config";
import { defaultOkxState, FakeOkx, OKX_TEST_CREDENTIALS, okxFixture, okxSignature } from "./fake-okx";
import { OkxConnector, type OkxConnectorOptions } from "./index";

const T1 = new Date("2026-11-20T10:00:00Z");
const DAY = 86_400_000;
const SINCE = new Date(T1.getTime() - 7 * DAY);

let fake: FakeOkx;
let demoFake: FakeOkx;

beforeAll(async () => {
  fake = await FakeOkx.start({ now: () => T1.getTime() });
  demoFake = await FakeOkx.start({ now: () => T1.getTime(), demoKey: true });
});
afterAll(async () => {
  await fake.close();
  await demoFake.close();
});
beforeEach(() => {
  fake.state = defaultOkxState();
  fake.clearRequests();
  fake.clearFaults();
});

function connector(config: Record<string, unknown> = {}, extra: Partial<OkxConnectorOptions> = {}) {
  return new OkxConnector({
    credentials: OKX_TEST_CREDENTIALS,
    config: okxConfigSchema.parse(config),
    now: () => T1,
    fetchImplementation: fake.fetch,
    enableRateLimit: false,
    marketCache: new MarketCache(),
    ...extra,
  });
}

const requestsTo = (path: string) => fake.requests.filter((r) => r.path === path);

async function failureOf(p: Promise<unknown>): Promise<ConnectorError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(ConnectorError);
  return e as ConnectorError;
}

describe("OKX balances and positions", () => {
  it("reads the trading account (equity less unrealized PnL) and the funding account", async () => {
    const { items, raw } = await connector().fetchBalances();
    expect(items).toEqual([
      { accountUid: "trading", asset: "USDT", wallet: "spot", free: "21000.5", locked: "4160", total: "25160.5" },
      { accountUid: "trading", asset: "BTC", wallet: "spot", free: "0.35", locked: "0", total: "0.35" },
      { accountUid: "trading", asset: "ETH", wallet: "spot", free: "0.5", locked: "0.3", total: "0.8" },
      { accountUid: "trading", asset: "OKB", wallet: "spot", free: "20", locked: "0", total: "20" },
      { accountUid: "funding", asset: "USDT", wallet: "funding", free: "1000", locked: "0", total: "1000" },
      { accountUid: "funding", asset: "BTC", wallet: "funding", free: "0.04", locked: "0.01", total: "0.05" },
    ]);
    // Total equity, per-currency equity, cash and upl stay in the raw answer.
    const account = firstOf(asRecord(raw[0]!.body), "data");
    expect(account.totalEq).toBe("50606.96");
    expect(firstOf(account, "details")).toMatchObject({ ccy: "USDT", eq: "25661.212", cashBal: "25160.5", upl: "500.712" });
  });

  it("free is availBal, not availEq: under multi-currency margin they differ, and only availBal is a balance without PnL", async () => {
    // Multi-currency margin: OKX fills availEq with equity (unrealized PnL included, cross margin across currencies).
    const body = okxFixture("account-balance-multi-currency.json") as { data: Array<{ details: Array<Record<string, string>> }> };
    const usdt = body.data[0]!.details.find((d) => d.ccy === "USDT")!;
    expect(usdt.availEq).not.toBe(usdt.availBal);
    fake.state.tradingBalance = body.data;
    fake.state.fundingBalances = [];
    const { items } = await connector().fetchBalances();
    expect(items).toEqual([
      // total = eq − upl = 25661.212 − 500.712; free = availBal, where availEq would say 23501.212 (with PnL)
      { accountUid: "trading", asset: "USDT", wallet: "spot", free: "21000.5", locked: "4160", total: "25160.5" },
      // availBal empty: availEq − upl (0.6 − 0.1), the same measure recovered
      { accountUid: "trading", asset: "ETH", wallet: "spot", free: "0.5", locked: "0.3", total: "0.8" },
    ]);
  });

  it("reports the margin OKX publishes per currency (imr used, mmr, availEq available), and none in spot mode where imr is empty", async () => {
    const spot = await connector().fetchBalances();
    expect(spot.margins).toEqual([]);
    const body = okxFixture("account-balance-multi-currency.json") as { data: unknown[] };
    fake.state.tradingBalance = body.data as typeof fake.state.tradingBalance;
    const { margins } = await connector().fetchBalances();
    // USDT: imr 1200, mmr 150, availEq 23501.212; ETH has no imr, so OKX publishes no margin for it.
    expect(margins).toEqual([{ accountUid: "trading", currency: "USDT", used: "1200", maintenance: "150", available: "23501.212" }]);
  });

  it("reads swap, futures and margin positions in units of the underlying; options and empty rows are skipped", async () => {
    const { items } = await connector().fetchPositions();
    expect(items.map((p) => [p.symbol, p.instrumentType, p.side, p.quantity, p.notional, p.unrealizedPnl, p.leverage, p.marginMode])).toEqual([
      // 10 contracts × ctVal 0.01
      ["BTC/USDT:USDT", "perpetual", "long", "0.1", "6150", "150", "10", "cross"],
      // −20 contracts × ctVal 0.1
      ["ETH/USDT:USDT", "perpetual", "short", "-2", "-6200", "200.4", "5", "isolated"],
      // inverse: −5 contracts × 100 USD; size in BTC = −500 / 61500
      ["BTC/USD:BTC", "perpetual", "short", "-0.008130081301", "-500", "-0.00006664", "10", "cross"],
      ["BTC/USDT:USDT-261225", "future", "long", "0.03", "1860.312", "0.312", "20", "cross"],
      ["ETH/USDT", "margin", "long", "1.5", "4650", "150", "3", "isolated"],
    ]);
    expect(items[2]).toMatchObject({ underlying: "BTC", quoteCurrency: "USD", settleCurrency: "BTC", entryPrice: "61000", markPrice: "61500" });
  });

  it("reads hedge-mode sides and a margin short stated in the quote currency", async () => {
    const [swap, , , , margin] = (okxFixture("positions.json") as { data: Array<Record<string, unknown>> }).data;
    fake.state.positions = [
      { ...swap!, posSide: "long", pos: "4" },
      { ...swap!, posSide: "short", pos: "3" },
      // Short 1.5 ETH at 3000, held as 4500 USDT.
      { ...margin!, posCcy: "USDT", pos: "4500", avgPx: "3000", markPx: "3100", upl: "-150" },
    ];
    const { items } = await connector().fetchPositions();
    expect(items.map((p) => [p.symbol, p.side, p.quantity, p.notional])).toEqual([
      ["BTC/USDT:USDT", "long", "0.04", "2460"],
      ["BTC/USDT:USDT", "short", "-0.03", "-1845"],
      ["ETH/USDT", "short", "-1.5", "-4650"],
    ]);
  });
});

describe("OKX orders and fills", () => {
  it("reads pending orders and the 7-day history per instrument type", async () => {
    const { items } = await connector().fetchOrders({ since: SINCE });
    expect(items.map((o) => `${o.symbol} ${o.status} ${o.quantity}/${o.filledQuantity} ${o.clientOrderId ?? "-"}`).sort()).toEqual(
      [
        "BTC/USD:BTC filled 5/5 hedgebtc01",
        "BTC/USDT filled 0.016/0.016 -",
        "BTC/USDT open 0.05/0 dcabtc0002",
        "BTC/USDT cancelled 0.1/0 web77a0",
        "BTC/USDT:USDT filled 0.1/0.1 perpbtclong1",
        "BTC/USDT:USDT-261225 filled 0.03/0.03 basis01",
        "ETH/USDT filled 1.5/1.5 margineth01",
        "ETH/USDT partially_filled 0.5/0.2 swingeth12",
        "ETH/USDT:USDT filled 2/2 perpethshort1",
        "ETH/USDT:USDT open 2/0 perpethtp1",
      ].sort(),
    );
    expect(requestsTo("/api/v5/trade/orders-history").map((r) => r.params)).toEqual(
      ["SPOT", "MARGIN", "SWAP", "FUTURES"].map((instType) => ({
        instType,
        begin: String(SINCE.getTime()),
        end: String(T1.getTime()),
        limit: "100",
      })),
    );
    expect(requestsTo("/api/v5/trade/orders-history-archive")).toHaveLength(0);
    // The market buy sized in USDT is stated in what it bought.
    const market = items.find((o) => o.type === "market" && o.symbol === "BTC/USDT")!;
    expect(market).toMatchObject({ price: undefined, averagePrice: "62500", quantity: "0.016" });
  });

  it("counts untriggered algo orders by type, one ordType a request, and names them and their history as not read", async () => {
    const c = connector();
    await c.fetchOrders({ since: SINCE });
    expect(requestsTo("/api/v5/trade/orders-algo-pending").map((r) => r.params.ordType)).toEqual(["conditional,oco", "trigger", "move_order_stop", "iceberg", "twap", "chase"]);
    expect(c.readCoverage().notRead).toEqual([
      "3 untriggered algo orders (conditional 1, oco 1, trigger 1): not recorded as orders until they trigger; the order each places then is read.",
      expect.stringMatching(/^Algo order history .* is not read\.$/),
    ]);
    fake.state.algoOrders = [];
    const none = connector();
    await none.fetchOrders({ since: SINCE });
    expect(none.readCoverage().notRead).toEqual([expect.stringMatching(/^Algo order history/)]);
  });

  it("reads the 3-month archive when `since` is older than 7 days", async () => {
    const { items } = await connector().fetchOrders({ since: new Date(T1.getTime() - 20 * DAY) });
    expect(items.some((o) => o.clientOrderId === "dcabtc0001")).toBe(true);
    expect(requestsTo("/api/v5/trade/orders-history-archive")).toHaveLength(4);
    expect(requestsTo("/api/v5/trade/orders-history")).toHaveLength(0);
  });

  it("reads order and fill history across every instrument with no instId: one request per instrument type", async () => {
    // OKX's history endpoints take instType (required) and instId (optional): without instId a
    // symbol first traded and closed between two syncs is listed like any other.
    await connector().fetchOrders({ since: new Date(T1.getTime() - 20 * DAY) });
    await connector().fetchFills({ since: new Date(T1.getTime() - 20 * DAY) });
    await connector().fetchOrders({ since: SINCE });
    const history = ["/api/v5/trade/orders-history", "/api/v5/trade/orders-history-archive", "/api/v5/trade/fills-history", "/api/v5/trade/fills"];
    const calls = fake.requests.filter((r) => history.includes(r.path));
    expect(new Set(calls.map((r) => r.path))).toEqual(new Set(["/api/v5/trade/orders-history", "/api/v5/trade/orders-history-archive", "/api/v5/trade/fills-history"]));
    for (const r of calls) {
      expect(r.params).not.toHaveProperty("instId");
      expect(r.params).not.toHaveProperty("instFamily");
    }
  });

  it("reads fills of the last 3 days in one request, older ones from the history per type", async () => {
    const recent = await connector().fetchFills({ since: new Date(T1.getTime() - 2 * DAY) });
    expect(recent.items.map((f) => f.clientOrderId)).toEqual(["swingeth12", "basis01"]);
    expect(requestsTo("/api/v5/trade/fills").map((r) => r.params)).toEqual([
      { begin: String(T1.getTime() - 2 * DAY), end: String(T1.getTime()), limit: "100" },
    ]);
    fake.clearRequests();
    const week = await connector().fetchFills({ since: SINCE });
    expect(week.items).toHaveLength(8);
    expect(requestsTo("/api/v5/trade/fills-history").map((r) => r.params.instType)).toEqual(["SPOT", "MARGIN", "SWAP", "FUTURES"]);
  });

  it("states fees as paid (positive) and rebates as negative, sizes of linear contracts in base units", async () => {
    const { items } = await connector().fetchFills({ since: SINCE });
    const perp = items.filter((f) => f.clientOrderId === "perpbtclong1").map((f) => [f.venueFillId, f.quantity, f.fee, f.feeCurrency, f.liquidity]);
    expect(perp).toEqual([
      ["1794741600000000701", "0.04", "0.48", "USDT", "maker"],
      ["1794741000000000700", "0.06", "-0.06", "USDT", "maker"],
    ]);
    // Inverse contracts stay contracts, each worth the market's ctVal (100 USD), carried on the fill for trade statistics.
    expect(items.find((f) => f.clientOrderId === "hedgebtc01")).toMatchObject({ quantity: "5", fee: "0.0000041", feeCurrency: "BTC", contractSize: "100" });
    expect(items.filter((f) => f.contractSize !== undefined).map((f) => f.symbol)).toEqual(["BTC/USD:BTC"]);
  });

  it("pages newest-first with `after` until a short page", async () => {
    const base = (okxFixture("fills.json") as Array<Record<string, unknown>>)[8]!;
    fake.state.fills = Array.from({ length: 250 }, (_, i) => ({
      ...base,
      billId: String(1795000000000000000n + BigInt(i)),
      tradeId: String(900000 + i),
      ts: String(T1.getTime() - 3_600_000 + i * 1000),
    }));
    const { items } = await connector().fetchFills({ since: new Date(T1.getTime() - 2 * 3_600_000) });
    expect(items).toHaveLength(250);
    expect(new Set(items.map((f) => f.venueFillId)).size).toBe(250);
    expect(requestsTo("/api/v5/trade/fills").map((r) => r.params.after ?? "-")).toEqual(["-", "1795000000000000150", "1795000000000000050"]);
  });

  it("asks for an order stored as open that left the pending list, and skips one OKX no longer knows", async () => {
    const order = fake.state.orders.find((o) => o.clOrdId === "dcabtc0002")!;
    Object.assign(order, { state: "filled", accFillSz: "0.05", avgPx: "58000", uTime: String(T1.getTime() - 600_000) });
    const { items } = await connector().fetchOrders({
      since: new Date(T1.getTime() - 3_600_000),
      openOrders: [
        { symbol: "BTC/USDT", venueOrderId: String(order.ordId) },
        { symbol: "BTC/USDT", venueOrderId: "42" },
      ],
    });
    expect(items.find((o) => o.clientOrderId === "dcabtc0002")).toMatchObject({ status: "filled", filledQuantity: "0.05", averagePrice: "58000" });
    expect(requestsTo("/api/v5/trade/order").map((r) => r.params)).toEqual([
      { instId: "BTC-USDT", ordId: String(order.ordId) },
      { instId: "BTC-USDT", ordId: "42" },
    ]);
  });
});

describe("OKX prices", () => {
  it("values assets from USD index tickers, and from spot tickers where no USD index exists", async () => {
    const { items } = await connector().fetchQuotes(["BTC", "ETH", "USDT", "OKB", "USD"]);
    expect(items.map((q) => [q.base, q.quote, q.price])).toEqual([
      ["BTC", "USD", "61480.5"],
      ["ETH", "USD", "3099.1"],
      ["USDT", "USD", "0.99952"],
      ["OKB", "USDT", "48.25"],
    ]);
    fake.clearRequests();
    await connector().fetchQuotes(["BTC", "USDT"]);
    expect(fake.requests.map((r) => `${r.path} ${JSON.stringify(r.params)}`)).toEqual(['/api/v5/market/index-tickers {"quoteCcy":"USD"}']);
  });
});

describe("OKX keys and environments", () => {
  it("the fake signs like OKX's documented example inputs (venue-apis.md §2.2 vectors)", () => {
    const secret = "22582BD0CFF14C41EDBF1AB98506286D";
    expect(okxSignature(secret, "2020-12-08T09:08:57.715ZGET/api/v5/account/balance?ccy=BTC")).toBe("HiZhvSfMtWJA3uUIVXV3a/bSXNPCWvYFXoGCVS8V4zY=");
    expect(okxSignature(secret, '2020-12-08T09:08:57.715ZPOST/api/v5/account/set-leverage{"instId":"BTC-USDT","lever":"5","mgnMode":"isolated"}')).toBe(
      "eCnnCgWLjlQ9XnpUkrcny3qNq3WW/81KNrDr/XR6Xv8=",
    );
  });

  it("accepts a read-only key, reporting its permissions", async () => {
    const t = await connector().testConnection();
    expect(t.permissions).toEqual(["read"]);
    expect(t.accounts).toEqual([
      { accountUid: "trading", name: "OKX Trading account", venue: "okx", kind: "margin" },
      { accountUid: "funding", name: "OKX Funding account", venue: "okx", kind: "funding" },
    ]);
    expect(fake.requests.map((r) => r.path)).toEqual(["/api/v5/account/config"]);
  });

  it("refuses a key with trade or withdraw permission unless the connection allows it", async () => {
    fake.state.accountConfig = (okxFixture("account-config-trading.json") as { data: Array<Record<string, unknown>> }).data;
    const e = await failureOf(connector().testConnection());
    expect(e.kind).toBe("permission");
    expect(e.message).toContain("This API key can trade and withdraw or transfer funds (trade, withdraw)");
    expect(e.message).toContain("OKX: Profile → API keys → Create API key, with only the “Read” permission");
    expect((await connector({ allowTradingKeys: true }).testConnection()).permissions).toEqual(["read", "trade", "withdraw"]);
  });

  it("a wrong passphrase or secret gets OKX's own auth errors, without any secret in them", async () => {
    const wrong = (over: Partial<OkxCredentials>) =>
      new OkxConnector({
        credentials: { ...OKX_TEST_CREDENTIALS, ...over },
        config: okxConfigSchema.parse({}),
        now: () => T1,
        fetchImplementation: fake.fetch,
        enableRateLimit: false,
        marketCache: new MarketCache(),
      });
    const pass = await failureOf(wrong({ passphrase: "not-the-passphrase" }).fetchBalances());
    expect(pass.kind).toBe("auth");
    expect(pass.message).toBe("okx GET /api/v5/account/balance: the venue rejected the API credentials HTTP 401 (venue code 50105: Invalid OK-ACCESS-PASSPHRASE.)");
    const sign = await failureOf(wrong({ secret: "F".repeat(32) }).fetchBalances());
    expect(sign.message).toContain("50113: Invalid Sign.");
    for (const e of [pass, sign]) {
      const shown = inspect(e, { depth: 8 });
      for (const s of [OKX_TEST_CREDENTIALS.apiKey, OKX_TEST_CREDENTIALS.secret, OKX_TEST_CREDENTIALS.passphrase, "not-the-passphrase", "F".repeat(32)]) {
        expect(shown).not.toContain(s);
      }
    }
  });

  it("demo trading sends x-simulated-trading: 1; a demo key on live is refused (50101)", async () => {
    const demo = new OkxConnector({
      credentials: OKX_TEST_CREDENTIALS,
      config: okxConfigSchema.parse({ environment: "demo" }),
      now: () => T1,
      fetchImplementation: demoFake.fetch,
      enableRateLimit: false,
      marketCache: new MarketCache(),
    });
    expect((await demo.testConnection()).permissions).toEqual(["read"]);
    const live = connector({}, { fetchImplementation: demoFake.fetch });
    const e = await failureOf(live.testConnection());
    expect(e.kind).toBe("auth");
    expect(e.message).toContain("50101");
  });

  it("a 200 carrying OKX's rate-limit code 50011 → rate_limited, retry after OKX's 2 s window", async () => {
    fake.injectFault({ kind: "body", raw: '{"code":"50011","msg":"Rate limit reached. Please refer to API documentation and throttle requests accordingly.","data":[]}' }, { path: "/api/v5/account/positions" });
    const e = await failureOf(connector().fetchPositions());
    expect(e.kind).toBe("rate_limited");
    expect(e.retryAfterSeconds).toBe(2);
  });
});

describe("OKX markets and side calls", () => {
  it("loads spot, swap and futures instruments once (no currencies call) and shares them", async () => {
    const cache = new MarketCache();
    await connector({}, { marketCache: cache }).fetchPositions();
    expect(fake.requests.map((r) => `${r.path} ${r.params.instType ?? ""}`.trim()).sort()).toEqual([
      "/api/v5/account/positions",
      "/api/v5/public/instruments FUTURES",
      "/api/v5/public/instruments SPOT",
      "/api/v5/public/instruments SWAP",
    ]);
    fake.clearRequests();
    await connector({}, { marketCache: cache }).fetchPositions();
    expect(fake.requests.map((r) => r.path)).toEqual(["/api/v5/account/positions"]);
  });

  it("keeps ccxt's rate limiter on and verbose logging off by default", () => {
    const c = new OkxConnector({ credentials: OKX_TEST_CREDENTIALS, config: okxConfigSchema.parse({ timeoutMs: 5000 }), now: () => T1 });
    expect(c.exchange.enableRateLimit).toBe(true);
    expect(c.exchange.verbose).toBe(false);
    expect(c.exchange.timeout).toBe(5000);
  });
});
