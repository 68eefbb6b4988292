import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ConnectorError } from "../errors";
import { createIbkrConnector } from "./index";
import type { IbkrConfig } from "./settings";
import { FAKE_IBKR, type FakeIbkr, startFakeIbkr } from "./testing/fake-ibkr";

const now = new Date("2026-11-20T12:00:00Z");
let fake: FakeIbkr;
let sleeps: number[];

beforeAll(async () => {
  fake = await startFakeIbkr();
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.received.length = 0;
  fake.notReadyPolls = 2;
  fake.statementUrl = undefined;
  fake.gateway.loggedIn = true;
  fake.gateway.brokerage = true;
  sleeps = [];
});

function connector(over: Partial<IbkrConfig> = {}, token: string = FAKE_IBKR.token) {
  return createIbkrConnector({
    credentials: { flexToken: token },
    config: {
      flexQueryId: FAKE_IBKR.queryId,
      flexBaseUrl: fake.flexBaseUrl,
      flexTimeZone: "America/New_York",
      pollIntervalMs: 2500,
      maxPolls: 5,
      ...over,
    },
    now: () => now,
    http: {
      timeoutMs: 1000,
      sleep: async (ms) => {
        sleeps.push(ms);
      },
    },
  });
}

async function failure(p: Promise<unknown>): Promise<ConnectorError> {
  const e = await p.then(() => undefined, (err: unknown) => err);
  expect(e).toBeInstanceOf(ConnectorError);
  return e as ConnectorError;
}

describe("IBKR Flex Web Service", () => {
  it("requests a statement, polls while it is generated, and reads every account of the XML", async () => {
    const accounts = (await connector().fetchAccounts()).items;
    expect(accounts).toEqual([
      { accountUid: "U1234567", name: "U1234567", alias: "Main", venue: "ibkr", kind: "broker" },
      { accountUid: "U7654321", name: "U7654321", alias: "J&T Holdings GmbH", venue: "ibkr", kind: "broker" },
    ]);
    const calls = fake.received.map((r) => r.path.split("/").pop());
    expect(calls).toEqual(["SendRequest", "GetStatement", "GetStatement", "GetStatement"]);
    expect(sleeps).toEqual([2500, 2500]);
    expect(fake.received.every((r) => r.query.t === FAKE_IBKR.token && r.query.v === "3" && (r.headers["user-agent"] ?? "").includes("/"))).toBe(true);
    expect(fake.received[1]!.query.q).toBe(fake.received[2]!.query.q);
  });

  it("maps cash, shares, options and futures of both accounts, ignoring lot-level rows", async () => {
    const c = connector();
    expect((await c.fetchBalances()).items).toEqual([
      { accountUid: "U1234567", asset: "USD", wallet: "spot", free: "50000.5", locked: "0", total: "50000.5" },
      { accountUid: "U1234567", asset: "EUR", wallet: "spot", free: "-1200.25", locked: "0", total: "-1200.25" },
      { accountUid: "U1234567", asset: "AAPL", wallet: "spot", free: "100", locked: "0", total: "100" },
      { accountUid: "U7654321", asset: "EUR", wallet: "spot", free: "12000", locked: "0", total: "12000" },
      { accountUid: "U7654321", asset: "SAP", wallet: "spot", free: "300", locked: "0", total: "300" },
    ]);
    expect((await c.fetchPositions()).items).toEqual([
      {
        accountUid: "U1234567",
        symbol: "AAPL 261218C00250000",
        underlying: "AAPL",
        quoteCurrency: "USD",
        settleCurrency: "USD",
        instrumentType: "option",
        side: "short",
        quantity: "-200",
        entryPrice: "5.1",
        markPrice: "4.35",
        notional: "-870",
        unrealizedPnl: "150",
      },
      {
        accountUid: "U1234567",
        symbol: "ESZ6",
        underlying: "ES",
        quoteCurrency: "USD",
        settleCurrency: "USD",
        instrumentType: "future",
        side: "long",
        quantity: "50",
        entryPrice: "5990",
        markPrice: "6010.25",
        notional: "300512.5",
        unrealizedPnl: "1012.5",
      },
    ]);
    // One statement serves every stream of the run.
    expect(fake.received.filter((r) => r.path.endsWith("/SendRequest"))).toHaveLength(1);
  });

  it("reads executions with orderReference as the strategy, in units, fees positive, times from New York", async () => {
    const fills = (await connector().fetchFills({})).items;
    expect(fills.map((f) => [f.accountUid, f.venueFillId, f.venueOrderId, f.symbol, f.side, f.quantity, f.price, f.fee, f.feeCurrency, f.strategy, f.executedAt.toISOString()])).toEqual([
      ["U1234567", "0000e0d5.6579a1b2.01.01", "3001", "AAPL", "buy", "50", "229.1", "1", "USD", "momentum", "2026-11-18T15:30:15.000Z"],
      ["U1234567", "0000e0d5.6579a1b2.02.01", "3002", "AAPL 261218C00250000", "sell", "200", "5.1", "1.3", "USD", "vol-sell", "2026-11-17T20:45:00.000Z"],
      ["U7654321", "0000f1a2.657a0000.01.01", "4101", "SAP", "buy", "300", "220", "3.5", "EUR", undefined, "2026-11-19T14:05:00.000Z"],
    ]);
    const recent = (await connector().fetchFills({ since: new Date("2026-11-18T00:00:00Z") })).items;
    expect(recent.map((f) => f.venueFillId)).toEqual(["0000e0d5.6579a1b2.01.01", "0000f1a2.657a0000.01.01"]);
  });

  it("reads daily NAV per account from the last stored point", async () => {
    const c = connector();
    expect((await c.fetchNav({})).items.map((p) => [p.snapshotId, p.accountUid, p.at.toISOString(), p.netAssets, p.currency, p.navPerUnit])).toEqual([
      ["U1234567:2026-11-17", "U1234567", "2026-11-17T00:00:00.000Z", "250000.12", "USD", undefined],
      ["U1234567:2026-11-18", "U1234567", "2026-11-18T00:00:00.000Z", "251234.5", "USD", undefined],
      ["U1234567:2026-11-19", "U1234567", "2026-11-19T00:00:00.000Z", "249876.05", "USD", undefined],
      ["U7654321:2026-11-19", "U7654321", "2026-11-19T00:00:00.000Z", "79830", "EUR", undefined],
    ]);
    const incremental = await c.fetchNav({ lastBySeries: { U1234567: new Date("2026-11-19T00:00:00Z"), U7654321: new Date("2026-11-19T00:00:00Z") } });
    expect(incremental.items.map((p) => p.snapshotId)).toEqual(["U1234567:2026-11-19", "U7654321:2026-11-19"]);
  });

  it("prices holdings and currencies from the statement's own marks and rates", async () => {
    const quotes = (await connector().fetchQuotes(["AAPL", "SAP", "EUR", "USD", "ES"])).items;
    expect(quotes.map((q) => [q.base, q.quote, q.price])).toEqual([
      ["EUR", "USD", "1.0842"],
      ["AAPL", "USD", "231.5"],
      ["SAP", "EUR", "226.1"],
    ]);
  });

  it("gives up polling after maxPolls with a retryable error", async () => {
    fake.notReadyPolls = 10;
    const e = await failure(connector({ maxPolls: 3 }).fetchAccounts());
    expect(e).toMatchObject({ kind: "unavailable", retryable: true, endpoint: "GET FlexWebService/GetStatement" });
    expect(e.message).toContain("still being generated after 3 polls");
    expect(sleeps).toEqual([2500, 2500]);
  });

  it("maps Flex error codes: expired token → auth, bad query → invalid_request; the token never shows", async () => {
    const expired = await failure(connector({}, FAKE_IBKR.expiredToken).testConnection());
    expect(expired).toMatchObject({ kind: "auth", message: "ibkr GET FlexWebService/SendRequest: Flex Fail 1012: Token has expired." });
    const badQuery = await failure(connector({ flexQueryId: "111" }).testConnection());
    expect(badQuery).toMatchObject({ kind: "invalid_request" });
    for (const e of [expired, badQuery]) expect(`${e.message} ${e.stack}`).not.toContain(FAKE_IBKR.expiredToken);
  });

  it("refuses to send the token to a statement URL that is not IBKR's", async () => {
    fake.statementUrl = "https://collector.example.com/GetStatement";
    const e = await failure(connector().testConnection());
    expect(e).toMatchObject({ kind: "bad_response", message: "ibkr GET FlexWebService/SendRequest: refusing to send the Flex token to https://collector.example.com" });
    expect(fake.received.map((r) => r.path.split("/").pop())).toEqual(["SendRequest"]);
  });
});

describe("IBKR Client Portal gateway (optional intraday)", () => {
  const live = () => connector({ gatewayUrl: fake.gatewayUrl });

  it("reads live cash and positions, account values, and keeps the session alive", async () => {
    const c = live();
    expect(c.capabilities).toContain("orders");
    expect((await c.fetchBalances()).items.map((b) => [b.accountUid, b.asset, b.total])).toEqual([
      ["U1234567", "USD", "38544.5"],
      ["U1234567", "EUR", "-1200.25"],
      ["U1234567", "AAPL", "150"],
      ["U7654321", "EUR", "12000"],
      ["U7654321", "SAP", "300"],
    ]);
    expect((await c.fetchPositions()).items).toEqual([
      {
        accountUid: "U1234567",
        symbol: "AAPL DEC2026 250 C [AAPL 261218C00250000 100]",
        underlying: "AAPL",
        quoteCurrency: "USD",
        settleCurrency: "USD",
        instrumentType: "option",
        side: "short",
        quantity: "-200",
        entryPrice: "5.1",
        markPrice: "4.1",
        notional: "-820",
        unrealizedPnl: "200",
      },
      {
        accountUid: "U1234567",
        symbol: "ES DEC2026",
        underlying: "ES",
        quoteCurrency: "USD",
        settleCurrency: "USD",
        instrumentType: "future",
        side: "long",
        quantity: "50",
        entryPrice: "5990",
        markPrice: "6012.5",
        notional: "300625",
        unrealizedPnl: "1125",
      },
    ]);
    expect((await c.fetchAccounts()).items.map((a) => [a.accountUid, a.balanceUsd])).toEqual([
      ["U1234567", "251006.38"],
      ["U7654321", undefined],
    ]);
    expect(await c.keepAlive()).toBe(true);
    expect(fake.received.filter((r) => r.path === "/v1/api/tickle").length).toBeGreaterThanOrEqual(2);
  });

  it("reads live orders after the pre-flight, and adds today's share executions to Flex's", async () => {
    const c = live();
    const orders = (await c.fetchOrders()).items;
    expect(orders.map((o) => [o.venueOrderId, o.symbol, o.side, o.status, o.quantity, o.filledQuantity, o.price, o.clientOrderId])).toEqual([
      ["1422078321", "AAPL", "buy", "partially_filled", "50", "20", "232", "momentum"],
      ["1422078322", "AAPL", "sell", "cancelled", "10", "0", "240", undefined],
    ]);
    const fills = (await c.fetchFills({ since: new Date("2026-11-16T00:00:00Z") })).items;
    expect(fills.map((f) => [f.venueFillId, f.quantity, f.fee, f.feeCurrency, f.strategy])).toEqual([
      ["0000e0d5.6579a1b2.01.01", "50", "1", "USD", "momentum"],
      ["0000e0d5.6579a1b2.02.01", "200", "1.3", "USD", "vol-sell"],
      ["0000f1a2.657a0000.01.01", "300", "3.5", "EUR", undefined],
      ["0000e0d5.657b0001.01.01", "20", "1", "USD", "momentum"],
    ]);
  });

  it("says to log in at the gateway when no one is, and when the brokerage session is down", async () => {
    fake.gateway.loggedIn = false;
    const e = await failure(live().fetchBalances());
    expect(e.kind).toBe("auth");
    expect(e.message).toContain(`log in at ${new URL(fake.gatewayUrl).origin} in a browser`);
    fake.gateway.loggedIn = true;
    fake.gateway.brokerage = false;
    const o = await failure(live().fetchOrders());
    expect(o).toMatchObject({ kind: "auth", endpoint: "GET /iserver/account/orders" });
    expect(o.message).toContain("brokerage session is not authenticated");
  });
});
