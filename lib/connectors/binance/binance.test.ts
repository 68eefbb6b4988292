import { inspect } from "node:util";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { MarketCache } from "@/lib/connectors/ccxt/markets";
import { ConnectorError } from "@/lib/connectors/errors";
import { binanceConfigSchema } from "./config";
import { BINANCE_EXAMPLE_CREDENTIALS, binanceFixture, binanceSignature, defaultBinanceState, FakeBinance } from "./fake-binance";
import { BinanceConnector, type BinanceConnectorOptions } from "./index";
import { usdmPositionsSchema } from "./schemas";
import { usdmPosition } from "./transform";
import type { MarketInfo } from "@/lib/connectors/ccxt/markets";

const T1 = new Date("2026-11-20T10:00:00Z");
const DAY = 86_400_000;
const SINCE = new Date(T1.getTime() - 7 * DAY);
const { apiKey, secret } = BINANCE_EXAMPLE_CREDENTIALS;

let fake: FakeBinance;

beforeAll(async () => {
  // A pinned minute: weight windows must not roll over in the middle of a test.
  fake = await FakeBinance.start({ weightClock: () => Date.UTC(2026, 10, 20, 10, 0, 42, 500) });
});
afterAll(async () => fake.close());
beforeEach(() => {
  fake.state = defaultBinanceState();
  fake.clearRequests();
  fake.clearFaults();
  fake.resetWeight();
});
afterEach(() => fake.clearFaults());

function connector(config: Record<string, unknown> = {}, extra: Partial<BinanceConnectorOptions> = {}) {
  return new BinanceConnector({
    credentials: BINANCE_EXAMPLE_CREDENTIALS,
    config: binanceConfigSchema.parse(config),
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

describe("Binance balances and positions", () => {
  it("reads spot, funding, USDⓈ-M and COIN-M wallets with exact amounts", async () => {
    const { items, raw } = await connector().fetchBalances();
    expect(items).toEqual([
      { accountUid: "spot", asset: "BTC", wallet: "spot", free: "0.52", locked: "0", total: "0.52" },
      { accountUid: "spot", asset: "ETH", wallet: "spot", free: "4.25", locked: "0.3", total: "4.55" },
      { accountUid: "spot", asset: "USDT", wallet: "spot", free: "12500.5", locked: "5800", total: "18300.5" },
      { accountUid: "spot", asset: "BNB", wallet: "spot", free: "3.1", locked: "0", total: "3.1" },
      { accountUid: "spot", asset: "USDC", wallet: "spot", free: "1500", locked: "0", total: "1500" },
      { accountUid: "funding", asset: "USDT", wallet: "funding", free: "2500", locked: "0", total: "2500" },
      // locked + freeze + withdrawing
      { accountUid: "funding", asset: "BTC", wallet: "funding", free: "0.01", locked: "0.002", total: "0.012" },
      // wallet balance (without unrealized PnL); free = what may be withdrawn
      { accountUid: "usdm", asset: "USDT", wallet: "futures", free: "7700.2", locked: "2550.13", total: "10250.33" },
      { accountUid: "coinm", asset: "BTC", wallet: "futures", free: "0.2331", locked: "0.0169", total: "0.25" },
    ]);
    expect(raw.map((r) => r.endpoint)).toEqual([
      "GET /api/v3/account",
      "POST /sapi/v1/asset/get-funding-asset",
      "GET /fapi/v3/account",
      "GET /dapi/v1/account",
    ]);
    // The raw answer is the venue's, untouched: margin balance and PnL stay available.
    expect(raw[2]!.body).toMatchObject({ totalMarginBalance: "10600.73000000", totalUnrealizedProfit: "350.40000000" });
    expect(requestsTo("/api/v3/account")[0]!.params.omitZeroBalances).toBe("true");
  });

  it("reads USDⓈ-M and COIN-M positions with signed sizes and notionals", async () => {
    const { items } = await connector().fetchPositions();
    expect(items).toEqual([
      {
        accountUid: "usdm",
        symbol: "BTC/USDT:USDT",
        underlying: "BTC",
        quoteCurrency: "USDT",
        settleCurrency: "USDT",
        instrumentType: "perpetual",
        side: "long",
        quantity: "0.1",
        entryPrice: "60000",
        markPrice: "61500",
        notional: "6150",
        unrealizedPnl: "150",
        liquidationPrice: "54321.5",
        leverage: "10",
        marginMode: "cross",
      },
      {
        accountUid: "usdm",
        symbol: "ETH/USDT:USDT",
        underlying: "ETH",
        quoteCurrency: "USDT",
        settleCurrency: "USDT",
        instrumentType: "perpetual",
        side: "short",
        quantity: "-2",
        entryPrice: "3200.2",
        markPrice: "3100",
        notional: "-6200",
        unrealizedPnl: "200.4",
        liquidationPrice: "4350.12",
        leverage: "5",
        marginMode: "isolated",
      },
      {
        // 10 contracts of 100 USD: notional in USD, size in BTC as Binance states it
        accountUid: "coinm",
        symbol: "BTC/USD:BTC",
        underlying: "BTC",
        quoteCurrency: "USD",
        settleCurrency: "BTC",
        instrumentType: "perpetual",
        side: "short",
        quantity: "-0.01626016",
        entryPrice: "61000",
        markPrice: "61500",
        notional: "-1000",
        unrealizedPnl: "-0.00013328",
        liquidationPrice: "112500.12",
        leverage: "10",
        marginMode: "cross",
      },
    ]);
  });

  it("reads Position Information V3, with leverage and margin mode from the symbol configuration", async () => {
    const { raw } = await connector().fetchPositions();
    expect(raw.map((r) => r.endpoint)).toEqual(["GET /fapi/v3/positionRisk", "GET /fapi/v1/symbolConfig", "GET /dapi/v1/positionRisk"]);
    expect(requestsTo("/fapi/v2/positionRisk")).toEqual([]);
    // The V3 body has no leverage: the figures above came from symbolConfig.
    expect(raw[0]!.body).not.toEqual(expect.arrayContaining([expect.objectContaining({ leverage: expect.anything() })]));
  });

  it("leaves leverage and margin mode out when no configuration names the symbol, never guessing", async () => {
    fake.state.usdmSymbolConfig = [];
    fake.state.coinmPositions = [];
    const { items } = await connector().fetchPositions();
    expect(items.map((p) => [p.symbol, p.leverage, p.marginMode])).toEqual([
      ["BTC/USDT:USDT", undefined, undefined],
      ["ETH/USDT:USDT", undefined, undefined],
    ]);
  });

  it("parses both versions of positionRisk: a V2 row's own leverage is the fallback", async () => {
    const v2 = usdmPositionsSchema.parse(binanceFixture("position-risk-usdm-v2.json"));
    const v3 = usdmPositionsSchema.parse(binanceFixture("position-risk-usdm.json"));
    const m = { symbol: "ETH/USDT:USDT", base: "ETH", quote: "USDT", settle: "USDT" } as MarketInfo;
    const fromV2 = usdmPosition(v2[1]!, m);
    const fromV3 = usdmPosition(v3[1]!, m, { symbol: "ETHUSDT", marginType: "ISOLATED", leverage: 5 });
    expect(fromV2).toEqual(fromV3);
    expect(fromV3).toMatchObject({ leverage: "5", marginMode: "isolated", quantity: "-2", notional: "-6200" });
    expect(v3[1]!.marginAsset).toBe("USDT");
  });

  it("a portfolio-margin account is named as not read; a classic account reports nothing missing", async () => {
    const classic = connector();
    await classic.fetchBalances();
    expect(requestsTo("/papi/v1/account")).toHaveLength(1);
    expect(classic.readCoverage()).toEqual({});

    fake.state.portfolioMargin = { uniMMR: "5239.47961525", accountEquity: "122607.35137903", actualEquity: "73.47428058", accountMaintMargin: "23.72469206", accountStatus: "NORMAL" };
    const pm = connector();
    const { items } = await pm.fetchBalances();
    // The wallets it can read are still read.
    expect(items.some((b) => b.accountUid === "spot")).toBe(true);
    expect(pm.readCoverage().notRead).toEqual([expect.stringMatching(/^Portfolio margin account \(status NORMAL\): .*\/papi/)]);
  });

  it("reports each futures asset's published margin: initialMargin used, maintMargin, availableBalance (USDⓈ-M USDT, COIN-M BTC)", async () => {
    const { margins } = await connector().fetchBalances();
    expect(margins).toEqual([
      { accountUid: "usdm", currency: "USDT", used: "1895.08", maintenance: "76.35", available: "7700.2" },
      { accountUid: "coinm", currency: "BTC", used: "0.00162602", maintenance: "0.0004065", available: "0.2331" },
    ]);
  });

  it("demo and testnet have no /papi: not probed", async () => {
    await connector({ environment: "testnet" }).fetchBalances();
    expect(requestsTo("/papi/v1/account")).toEqual([]);
  });

  it("in hedge mode reads a long and a short of one symbol, signed by positionSide", async () => {
    const row = (positionSide: string, positionAmt: string, notional: string) => ({
      ...(binanceFixture("position-risk-usdm.json") as Array<Record<string, unknown>>)[0]!,
      positionSide,
      positionAmt,
      notional,
    });
    fake.state.usdmPositions = [row("LONG", "0.5", "30750"), row("SHORT", "-0.2", "-12300"), row("SHORT", "0", "0")];
    fake.state.coinmPositions = [];
    const { items } = await connector().fetchPositions();
    expect(items.map((p) => [p.symbol, p.side, p.quantity, p.notional])).toEqual([
      ["BTC/USDT:USDT", "long", "0.5", "30750"],
      ["BTC/USDT:USDT", "short", "-0.2", "-12300"],
    ]);
  });
});

describe("Binance orders and fills", () => {
  it("reads open orders of every market and the history of the derived symbols only", async () => {
    const c = connector({ knownSymbols: ["SOL/USDT"] });
    const { items } = await c.fetchOrders({ since: SINCE });
    const ids = items.map((o) => `${o.accountUid}:${o.symbol}:${o.venueOrderId}:${o.status}`).sort();
    expect(ids).toEqual(
      [
        "coinm:BTC/USD:BTC:2100:filled",
        "spot:BTC/USDT:28457:filled",
        "spot:BTC/USDT:28501:filled",
        "spot:BTC/USDT:28533:open",
        "spot:BTC/USDT:28560:cancelled",
        "spot:ETH/BTC:771:filled",
        "spot:ETH/USDT:9180:filled",
        "spot:ETH/USDT:9201:partially_filled",
        "spot:SOL/USDT:5501:filled",
        "spot:SOL/USDT:5502:filled",
        "usdm:BTC/USDT:USDT:8389765519:filled",
        "usdm:ETH/USDT:USDT:8389765600:filled",
        "usdm:ETH/USDT:USDT:8389765711:open",
      ].sort(),
    );
    // Order 27000 (10 Nov) is older than `since`.
    expect(items.some((o) => o.venueOrderId === "27000")).toBe(false);
    const market = items.find((o) => o.venueOrderId === "28501")!;
    expect(market).toMatchObject({ type: "market", price: undefined, quantity: "0.02", filledQuantity: "0.02", averagePrice: "61850.12" });
    expect(market.raw).toEqual((binanceFixture("orders-spot.json") as unknown[])[2]);
    // Symbols come from balances (paired with USDT/USDC/FDUSD/BTC where a market
    // exists), positions, open orders and known symbols — never every market.
    const spotSymbols = new Set(requestsTo("/api/v3/allOrders").map((r) => r.params.symbol));
    expect([...spotSymbols].sort()).toEqual(["BNBUSDT", "BTCUSDC", "BTCUSDT", "ETHBTC", "ETHUSDT", "SOLUSDT", "USDCUSDT"]);
    expect(new Set(requestsTo("/fapi/v1/allOrders").map((r) => r.params.symbol))).toEqual(new Set(["BTCUSDT", "ETHUSDT"]));
    expect(new Set(requestsTo("/dapi/v1/allOrders").map((r) => r.params.symbol))).toEqual(new Set(["BTCUSD_PERP"]));
  });

  it("without the symbol among balances, positions or known symbols, its history is not read", async () => {
    const { items } = await connector().fetchOrders({ since: SINCE });
    expect(items.some((o) => o.symbol === "SOL/USDT")).toBe(false);
    // Orders read the planned markets' trades too (the balance check needs them): a second read in this pinned minute would wait for the next.
    fake.resetWeight();
    const withKnown = await connector().fetchOrders({ since: SINCE, symbols: ["SOL/USDT"] });
    expect(withKnown.items.filter((o) => o.symbol === "SOL/USDT").map((o) => o.venueOrderId)).toEqual(["5501", "5502"]);
  });

  it("a spot range longer than a day starts with one read of the latest trades: a page that holds the whole range is all it reads", async () => {
    const { items } = await connector().fetchFills({ since: SINCE });
    const btc = requestsTo("/api/v3/myTrades").filter((r) => r.params.symbol === "BTCUSDT");
    expect(btc.map((r) => r.params)).toEqual([{ symbol: "BTCUSDT", limit: "1000", timestamp: expect.any(String), recvWindow: expect.any(String) }]);
    const spot = items.filter((f) => f.accountUid === "spot");
    expect(spot.length).toBeGreaterThan(0);
    for (const f of spot) expect(f.executedAt.getTime()).toBeGreaterThanOrEqual(SINCE.getTime());

    // A year (a first sync asked to read 365 days): still one request, not 365 one-day windows.
    fake.clearRequests();
    const year = await connector().fetchFills({ since: new Date(T1.getTime() - 365 * DAY) });
    expect(requestsTo("/api/v3/myTrades").filter((r) => r.params.symbol === "BTCUSDT")).toHaveLength(1);
    expect(year.items.filter((f) => f.accountUid === "spot").length).toBeGreaterThanOrEqual(spot.length);
  });

  it("queries history in windows Binance accepts: 24 h on spot (before the latest page's oldest trade), under 7 days on futures, covering since..now", async () => {
    const base = (binanceFixture("trades-spot.json") as Array<Record<string, unknown>>)[1]!;
    const recent = T1.getTime() - 20 * 3_600_000;
    fake.state.trades.spot = Array.from({ length: 1500 }, (_, i) => ({ ...base, id: 5_000_000 + i, time: recent + i * 1000 }));
    const { items } = await connector().fetchFills({ since: SINCE });
    expect(items.filter((f) => f.symbol === "BTC/USDT")).toHaveLength(1500);
    const btc = requestsTo("/api/v3/myTrades").filter((r) => r.params.symbol === "BTCUSDT");
    // The latest 1000 start 500 s after `recent`: a full page inside the range, so the windows before it are read.
    expect(btc[0]!.params.startTime).toBeUndefined();
    const spans = btc.filter((r) => r.params.startTime !== undefined).map((r) => [Number(r.params.startTime), Number(r.params.endTime)] as const);
    expect(spans).toHaveLength(7);
    expect(spans[0]![0]).toBe(SINCE.getTime());
    expect(spans.at(-1)![1]).toBe(recent + 500 * 1000);
    for (const [i, [s, e]] of spans.entries()) {
      expect(e - s).toBeLessThanOrEqual(DAY);
      if (i > 0) expect(s).toBe(spans[i - 1]![1] + 1);
    }
    expect(
      requestsTo("/fapi/v1/userTrades")
        .filter((r) => r.params.symbol === "ETHUSDT")
        .map((r) => [Number(r.params.startTime), Number(r.params.endTime)]),
    ).toEqual([[SINCE.getTime(), T1.getTime()]]);
  });

  it("a full page continues from the last trade id instead of the time range", async () => {
    const base = (binanceFixture("trades-spot.json") as Array<Record<string, unknown>>)[1]!;
    const start = T1.getTime() - 20 * 3_600_000;
    fake.state.trades.spot = Array.from({ length: 1500 }, (_, i) => ({ ...base, id: 5_000_000 + i, time: start + i * 1000 }));
    const { items } = await connector().fetchFills({ since: new Date(T1.getTime() - 23 * 3_600_000) });
    expect(items.filter((f) => f.symbol === "BTC/USDT")).toHaveLength(1500);
    const pages = requestsTo("/api/v3/myTrades").filter((r) => r.params.symbol === "BTCUSDT");
    expect(pages.map((r) => r.params.fromId ?? `${r.params.startTime}-${r.params.endTime}`)).toEqual([
      `${T1.getTime() - 23 * 3_600_000}-${T1.getTime()}`,
      "5001000",
    ]);
  });

  it("fills carry the client order id of their order, so strategy tags survive", async () => {
    const c = connector();
    await c.fetchOrders({ since: SINCE });
    const { items } = await c.fetchFills({ since: SINCE });
    const f = items.find((x) => x.venueFillId === "BTCUSDT:4012001")!;
    expect(f).toMatchObject({
      accountUid: "spot",
      venueOrderId: "28457",
      clientOrderId: "dca:btc-0001",
      side: "buy",
      price: "60100",
      quantity: "0.03",
      fee: "0.00003",
      feeCurrency: "BTC",
      liquidity: "maker",
      executedAt: new Date("2026-11-14T08:15:40Z"),
    });
    expect(items.find((x) => x.venueFillId === "BTCUSD_PERP:77001")).toMatchObject({ accountUid: "coinm", side: "sell", quantity: "10" });
  });

  it("an order stored as open that left the open list is asked for by id", async () => {
    const order = fake.state.orders.spot.find((o) => o.orderId === 28533)!;
    Object.assign(order, { status: "FILLED", executedQty: "0.10000000", cummulativeQuoteQty: "5800.00000000", updateTime: T1.getTime() + 2 * 3_600_000 });
    const later = new Date(T1.getTime() + 3 * 3_600_000);
    const c = new BinanceConnector({
      credentials: BINANCE_EXAMPLE_CREDENTIALS,
      config: binanceConfigSchema.parse({}),
      now: () => later,
      fetchImplementation: fake.fetch,
      enableRateLimit: false,
      marketCache: new MarketCache(),
    });
    const { items } = await c.fetchOrders({
      since: new Date(T1.getTime() - 3_600_000),
      openOrders: [
        { symbol: "BTC/USDT", venueOrderId: "28533" },
        { symbol: "BTC/USDT", venueOrderId: "1" },
      ],
    });
    expect(items.find((o) => o.venueOrderId === "28533")).toMatchObject({ status: "filled", filledQuantity: "0.1", averagePrice: "58000" });
    // "1" is unknown to Binance (-2013): nothing to update, no failure.
    expect(requestsTo("/api/v3/order").map((r) => r.params.orderId)).toEqual(["28533", "1"]);
  });
});

describe("Binance prices", () => {
  it("prices assets on spot tickers in one request; USDT and USD are left unpriced", async () => {
    const { items } = await connector().fetchQuotes(["BTC", "ETH", "USDT", "BNB", "USDC", "USD"]);
    expect(items.map((q) => [q.base, q.quote, q.price])).toEqual([
      ["BTC", "USDT", "61500"],
      ["ETH", "USDT", "3100"],
      ["BNB", "USDT", "590.1"],
      ["USDC", "USDT", "0.9998"],
    ]);
    expect(items.every((q) => q.at.getTime() === T1.getTime())).toBe(true);
    const tickers = requestsTo("/api/v3/ticker/price");
    expect(tickers).toHaveLength(1);
    expect(JSON.parse(tickers[0]!.params.symbols!)).toEqual(["BNBUSDT", "BTCUSDT", "ETHUSDT", "USDCUSDT"]);
  });
});

describe("Binance keys and environments", () => {
  it("the fake signs like Binance's published HMAC example (rest-api.md, POST /api/v3/order)", () => {
    const payload = "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559";
    expect(binanceSignature(secret, payload)).toBe("c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71");
  });

  it("ccxt's signed requests pass the fake's check: query carries timestamp and recvWindow, the key rides in X-MBX-APIKEY", async () => {
    await connector().fetchBalances();
    const funding = requestsTo("/sapi/v1/asset/get-funding-asset")[0]!;
    expect(funding).toMatchObject({ method: "POST", status: 200 });
    expect(Object.keys(funding.params).sort()).toEqual(["recvWindow", "timestamp"]);
  });

  it("accepts a read-only key and reports its permissions", async () => {
    const t = await connector().testConnection();
    expect(t.permissions).toEqual(["read"]);
    expect(t.accounts.map((a) => a.accountUid)).toEqual(["spot", "funding", "usdm", "coinm"]);
    expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual(["GET /sapi/v1/account/apiRestrictions"]);
  });

  it("refuses a key that can trade or withdraw, saying why and how to make a read-only one", async () => {
    fake.state.apiRestrictions = binanceFixture("api-restrictions-trading.json") as Record<string, unknown>;
    const e = await failureOf(connector().testConnection());
    expect(e.kind).toBe("permission");
    expect(e.message).toContain("can trade and withdraw or transfer funds (spot_margin_trade, futures_trade, withdraw)");
    expect(e.message).toContain("Edit restrictions: tick only “Enable Reading”");
    expect(e.message).toContain("Allow trading keys");
    const allowed = await connector({ allowTradingKeys: true }).testConnection();
    expect(allowed.permissions).toEqual(["read", "spot_margin_trade", "futures_trade", "withdraw"]);
  });

  it("refuses a key that cannot read", async () => {
    fake.state.apiRestrictions = { ...fake.state.apiRestrictions, enableReading: false };
    const e = await failureOf(connector().testConnection());
    expect(e.kind).toBe("bad_response");
    expect(e.message).toContain("no read permission");
  });

  it("a wrong secret gets Binance's signature error, mapped to auth, with no secret in sight", async () => {
    const c = new BinanceConnector({
      credentials: { apiKey, secret: "0".repeat(64) },
      config: binanceConfigSchema.parse({}),
      now: () => T1,
      fetchImplementation: fake.fetch,
      enableRateLimit: false,
      marketCache: new MarketCache(),
    });
    const e = await failureOf(c.fetchBalances());
    expect(e.kind).toBe("auth");
    expect(e.message).toBe(
      "binance GET /api/v3/account: the venue rejected the API credentials HTTP 400 (venue code -1022: Signature for this request is not valid.)",
    );
    expect(requestsTo("/api/v3/account")[0]!.status).toBe(400);
    const shown = inspect(e, { depth: 8 }) + JSON.stringify(e);
    for (const s of [apiKey, secret, "0".repeat(64)]) expect(shown).not.toContain(s);
    expect(shown).not.toMatch(/signature=/);
  });

  it("an unknown API key gets -2015 → auth", async () => {
    const c = new BinanceConnector({
      credentials: { apiKey: "x".repeat(64), secret },
      config: binanceConfigSchema.parse({}),
      now: () => T1,
      fetchImplementation: fake.fetch,
      enableRateLimit: false,
      marketCache: new MarketCache(),
    });
    const e = await failureOf(c.testConnection());
    expect(e.kind).toBe("auth");
    expect(e.message).toContain("-2015");
  });

  it("a clock the venue rejects (-1021) says to check the clock", async () => {
    const c = connector();
    c.exchange.milliseconds = () => Date.now() - 120_000;
    const e = await failureOf(c.fetchBalances());
    expect(e.kind).toBe("auth");
    expect(e.message).toContain("check this machine's clock");
  });

  it("testnet reads the Spot Test Network and futures testnet, without /sapi", async () => {
    const c = connector({ environment: "testnet" });
    const t = await c.testConnection();
    expect(t.accounts.map((a) => a.accountUid)).toEqual(["spot", "usdm", "coinm"]);
    expect(t.permissions).toEqual(["read"]);
    await c.fetchBalances();
    expect(fake.requests.map((r) => `${r.host}${r.path}`)).toEqual([
      "testnet.binance.vision/api/v3/account",
      "testnet.binance.vision/api/v3/account",
      "testnet.binancefuture.com/fapi/v3/account",
      "testnet.binancefuture.com/dapi/v1/account",
    ]);
  });

  it("demo mode reads demo-api, demo-fapi and demo-dapi", async () => {
    const c = connector({ environment: "demo" });
    await c.fetchBalances();
    expect(fake.requests.map((r) => r.host)).toEqual(["demo-api.binance.com", "demo-fapi.binance.com", "demo-dapi.binance.com"]);
  });
});

describe("Binance request budget and side calls", () => {
  it("loads markets once (three exchangeInfo, no currency or margin side calls) and shares them across connectors", async () => {
    const cache = new MarketCache();
    await connector({}, { marketCache: cache }).fetchQuotes(["BTC"]);
    const seen = fake.requests.map((r) => `${r.host}${r.path}`);
    expect(seen.slice(0, 3).sort()).toEqual([
      "api.binance.com/api/v3/exchangeInfo",
      "dapi.binance.com/dapi/v1/exchangeInfo",
      "fapi.binance.com/fapi/v1/exchangeInfo",
    ]);
    expect(seen.slice(3)).toEqual(["api.binance.com/api/v3/ticker/price"]);
    fake.clearRequests();
    await connector({}, { marketCache: cache }).fetchQuotes(["BTC"]);
    expect(fake.requests.map((r) => r.path)).toEqual(["/api/v3/ticker/price"]);
  });

  it("keeps ccxt's rate limiter on and its verbose logging off by default", () => {
    const c = new BinanceConnector({ credentials: BINANCE_EXAMPLE_CREDENTIALS, config: binanceConfigSchema.parse({}), now: () => T1 });
    expect(c.exchange.enableRateLimit).toBe(true);
    expect(c.exchange.verbose).toBe(false);
    expect(c.exchange.timeout).toBe(15_000);
  });

  it("waits for the next minute once the configured share of the weight budget is used", async () => {
    const sleeps: number[] = [];
    let clock = Date.UTC(2026, 10, 20, 10, 0, 42, 500);
    const sleep = async (ms: number) => {
      sleeps.push(ms);
      // The minute rolls over while we wait: the venue's counter starts again.
      clock += ms;
      fake.resetWeight();
    };
    const c = connector({ weightBudgetShare: 0.5 }, { budgetClock: () => clock, sleep });
    // Other clients on this IP have used 2990 of 6000 this minute; our share is 3000.
    fake.setUsedWeight("spot", 2990);
    await c.fetchBalances();
    expect(sleeps).toEqual([]);
    await c.fetchOrders({ since: new Date(T1.getTime() - 3_600_000) });
    // After /api/v3/account (20) Binance reported 3010 ≥ 3000: the next spot call waited
    // until the next minute (17.5 s + a 250 ms margin), once.
    expect(sleeps).toEqual([17_750]);
    expect(c.requestStats().waitedForBudgetMs).toBe(17_750);
  });

  it("a request held for the weight budget is signed after the wait, not before (held past recvWindow, Binance refuses it with -1021)", async () => {
    let clock = Date.UTC(2026, 10, 20, 10, 0, 42, 500);
    let wokeAt = 0;
    const sleep = async (ms: number) => {
      await new Promise((r) => setTimeout(r, 30));
      wokeAt = Date.now();
      clock += ms;
      fake.resetWeight();
    };
    const c = connector({ weightBudgetShare: 0.5 }, { budgetClock: () => clock, sleep });
    fake.setUsedWeight("spot", 2990);
    await c.fetchBalances();
    fake.clearRequests();
    await c.fetchOrders({ since: new Date(T1.getTime() - 3_600_000) });
    expect(wokeAt).toBeGreaterThan(0);
    const waited = fake.requests.find((r) => r.path.startsWith("/api/"))!;
    expect(Number(waited.params.timestamp)).toBeGreaterThanOrEqual(wokeAt);
  });

  it("a 429 for a spent minute carries Binance's Retry-After", async () => {
    fake.setUsedWeight("spot", 5990);
    const e = await failureOf(connector().fetchBalances());
    expect(e.kind).toBe("rate_limited");
    // 17.5 s left in the minute: Binance rounds the rest of it up.
    expect(e.retryAfterSeconds).toBe(18);
    expect(e.message).toContain("-1003");
  });

  it("logs one line per response with path, status and used weight, never a secret", async () => {
    const lines: string[] = [];
    await connector({}, { logger: (l) => lines.push(l) }).fetchBalances();
    expect(lines).toEqual([
      "binance GET /api/v3/account 200 weight 20/6000",
      // The portfolio-margin probe: a classic account is refused (see assumptions.ts).
      "binance GET /papi/v1/account 401",
      "binance POST /sapi/v1/asset/get-funding-asset 200 weight 1/12000",
      "binance GET /fapi/v3/account 200 weight 5/2400",
      "binance GET /dapi/v1/account 200 weight 5/2400",
    ]);
  });
});
