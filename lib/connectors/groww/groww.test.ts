import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ConnectorError } from "../errors";
import { createGrowwConnector } from "./index";
import type { GrowwCredentials } from "./settings";
import { FAKE_GROWW, type FakeGroww, startFakeGroww } from "./testing/fake-groww";
import type { CachedToken, TokenCache } from "./token";

const T1 = new Date("2026-11-20T06:00:00Z");
let now = T1;
let fake: FakeGroww;
let cache: TokenCache;

beforeAll(async () => {
  fake = await startFakeGroww({ now: () => now });
});
afterAll(() => fake.close());
beforeEach(() => {
  now = T1;
  fake.received.length = 0;
  fake.approved = true;
  fake.server.clearFaults();
  fake.server.clearRequests();
  cache = new Map<string, CachedToken>();
});

const ACCESS: GrowwCredentials = { mode: "access_token", accessToken: FAKE_GROWW.accessToken };
const APPROVAL: GrowwCredentials = { mode: "approval", apiKey: FAKE_GROWW.approvalKey, apiSecret: FAKE_GROWW.approvalSecret };

function connector(credentials: GrowwCredentials = ACCESS) {
  return createGrowwConnector({
    credentials,
    config: { baseUrl: fake.baseUrl, segments: ["CASH", "FNO"] },
    now: () => now,
    http: { sleep: async () => {}, timeoutMs: 500 },
    tokenCache: cache,
  });
}

async function failure(p: Promise<unknown>): Promise<ConnectorError> {
  const e = await p.then(() => undefined, (err: unknown) => err);
  expect(e).toBeInstanceOf(ConnectorError);
  return e as ConnectorError;
}

describe("Groww connector against the fake API", () => {
  it("reads holdings with pledged/locked split and the INR cash balance", async () => {
    expect((await connector().fetchBalances()).items).toEqual([
      { accountUid: "groww", asset: "RELIANCE", wallet: "spot", free: "7", locked: "3", total: "10" },
      { accountUid: "groww", asset: "INFY", wallet: "spot", free: "25", locked: "0", total: "25" },
      { accountUid: "groww", asset: "TCS", wallet: "spot", free: "3", locked: "0", total: "3" },
      { accountUid: "groww", asset: "INR", wallet: "spot", free: "50000.75", locked: "0", total: "50000.75" },
    ]);
    expect(fake.received.every((r) => r.headers.authorization === `Bearer ${FAKE_GROWW.accessToken}` && r.headers["x-api-version"] === "1.0")).toBe(true);
  });

  it("reads intraday and F&O positions marked at the last traded price; delivery and closed positions stay out", async () => {
    const positions = (await connector().fetchPositions()).items;
    expect(positions).toEqual([
      {
        accountUid: "groww",
        symbol: "SBIN",
        underlying: "SBIN",
        quoteCurrency: "INR",
        settleCurrency: "INR",
        instrumentType: "equity",
        side: "long",
        quantity: "100",
        entryPrice: "812.4",
        markPrice: "815.15",
        notional: "81515",
        unrealizedPnl: "275",
      },
      {
        accountUid: "groww",
        symbol: "NIFTY25N2724000CE",
        underlying: "NIFTY",
        quoteCurrency: "INR",
        settleCurrency: "INR",
        instrumentType: "option",
        side: "short",
        quantity: "-75",
        entryPrice: "120.5",
        markPrice: "98.35",
        notional: "-7376.25",
        unrealizedPnl: "1661.25",
      },
      {
        accountUid: "groww",
        symbol: "BANKNIFTY25NOVFUT",
        underlying: "BANKNIFTY",
        quoteCurrency: "INR",
        settleCurrency: "INR",
        instrumentType: "future",
        side: "long",
        quantity: "30",
        entryPrice: "51200",
        markPrice: "51350",
        notional: "1540500",
        unrealizedPnl: "4500",
      },
    ]);
    const ltp = fake.received.filter((r) => r.path === "/v1/live-data/ltp").map((r) => [r.query.segment, r.query.exchange_symbols]);
    expect(ltp).toEqual([
      ["CASH", "NSE_SBIN,NSE_TCS"],
      ["FNO", "NSE_NIFTY25N2724000CE,NSE_BANKNIFTY25NOVFUT,NSE_FINNIFTY25N2523500PE"],
    ]);
  });

  it("reads today's orders across segments, completing a partial list row from the order detail", async () => {
    const c = connector();
    const orders = (await c.fetchOrders({})).items;
    expect(orders.map((o) => [o.venueOrderId, o.symbol, o.side, o.type, o.status, o.quantity, o.filledQuantity, o.price, o.averagePrice, o.clientOrderId])).toEqual([
      ["GMK39038RDT490CCVR1", "RELIANCE", "buy", "limit", "filled", "10", "10", "2450", "2450.5", "mom-in:0001"],
      ["GMK39038RDT490CCVR2", "SBIN", "buy", "market", "filled", "100", "100", undefined, "812.4", "Ab-654321234-1628190"],
      ["GMK39038RDT490CCVR3", "INFY", "sell", "limit", "open", "25", "0", "1550", undefined, "mm-infy:77a"],
      ["GMK39038RDT490CCVR4", "TATAMOTORS", "buy", "limit", "open", "5", "0", "900", undefined, undefined],
      ["GMK39038RDT490CCVR5", "NIFTY25N2724000CE", "sell", "limit", "filled", "75", "75", "120.5", "120.5", "vol-sell:n27"],
    ]);
    // IST wall times without a zone: 09:20:11 IST is 03:50:11 UTC; the last trade dates the update.
    expect(orders[0]).toMatchObject({ createdAt: new Date("2026-11-20T03:50:11Z"), updatedAt: new Date("2026-11-20T03:51:40Z") });
    expect(fake.received.filter((r) => r.path.startsWith("/v1/order/detail/")).map((r) => r.path)).toEqual(["/v1/order/detail/GMK39038RDT490CCVR4"]);

    const fills = (await c.fetchFills({})).items;
    expect(fills.map((f) => [f.venueFillId, f.venueOrderId, f.side, f.price, f.quantity, f.fee, f.feeCurrency, f.executedAt.toISOString(), f.clientOrderId])).toEqual([
      ["TRD-1001", "GMK39038RDT490CCVR1", "buy", "2450", "6", "0", "INR", "2026-11-20T03:50:12.000Z", "mom-in:0001"],
      ["TRD-1002", "GMK39038RDT490CCVR1", "buy", "2451.25", "4", "0", "INR", "2026-11-20T03:51:40.000Z", "mom-in:0001"],
      ["TRD-2001", "GMK39038RDT490CCVR2", "buy", "812.4", "100", "0", "INR", "2026-11-20T04:00:00.000Z", "Ab-654321234-1628190"],
      ["TRD-5001", "GMK39038RDT490CCVR5", "sell", "120.5", "75", "0", "INR", "2026-11-20T09:45:00.000Z", "vol-sell:n27"],
    ]);
    // Orders and fills come from one read of the book.
    expect(fake.received.filter((r) => r.path === "/v1/order/list")).toHaveLength(2);
  });

  it("prices holdings in INR from the cash-segment LTP; unknown symbols and INR itself are left out", async () => {
    const quotes = (await connector().fetchQuotes(["RELIANCE", "INR", "NIFTY", "UNLISTEDCO"])).items;
    expect(quotes.map((q) => [q.base, q.quote, q.price])).toEqual([
      ["NIFTY", "INR", "24210.5"],
      ["RELIANCE", "INR", "2501.25"],
    ]);
  });

  it("says plainly that a pasted access token died at 06:00 IST and how to fix it", async () => {
    now = new Date("2026-11-21T00:31:00Z");
    const e = await failure(connector().fetchBalances());
    expect(e.kind).toBe("auth");
    expect(e.message).toContain("Access tokens expire daily at 06:00 IST");
    expect(e.message).not.toContain(FAKE_GROWW.accessToken);
    expect(fake.minted).toHaveLength(0);
  });

  it("mints the day's token from key + secret (checksum), reuses it, and mints anew after 06:00 IST", async () => {
    const before = fake.minted.length;
    await connector(APPROVAL).fetchBalances();
    await connector(APPROVAL).fetchBalances();
    expect(fake.minted.length - before).toBe(1);
    const first = fake.minted.at(-1)!;
    expect(fake.received.filter((r) => r.path === "/v1/holdings/user").every((r) => r.headers.authorization === `Bearer ${first}`)).toBe(true);

    now = new Date("2026-11-21T00:29:30Z"); // inside the refresh margin before 06:00 IST
    await connector(APPROVAL).fetchBalances();
    expect(fake.minted.length - before).toBe(2);

    now = new Date("2026-11-21T00:30:05Z"); // 06:00:05 IST: yesterday's tokens are dead
    await connector(APPROVAL).fetchBalances();
    expect(fake.minted.length - before).toBe(3);
    expect(fake.server.requests.filter((q) => q.status === 401)).toHaveLength(0);
  });

  it("renews a minted token Groww refuses early, once, and carries on", async () => {
    const c = connector(APPROVAL);
    await c.testConnection();
    fake.revoke(fake.minted.at(-1)!);
    const r = await c.fetchBalances();
    expect(r.items).toHaveLength(4);
    expect(fake.server.requests.filter((q) => q.status === 401)).not.toHaveLength(0);
  });

  it("reports a key without today's approval as needing a human, with the page to go to", async () => {
    fake.approved = false;
    const e = await failure(connector(APPROVAL).fetchBalances());
    expect(e).toMatchObject({ kind: "auth", endpoint: "POST /v1/token/api/access" });
    expect(e.message).toContain("needs today's approval on https://groww.in/trade-api/api-keys");
    expect(e.message).toContain("GA005 API key is not approved for today");
    for (const secret of [FAKE_GROWW.approvalKey, FAKE_GROWW.approvalSecret]) expect(e.message).not.toContain(secret);
  });

  it("mints with a TOTP code computed from the stored secret", async () => {
    const before = fake.minted.length;
    const r = await connector({ mode: "totp", apiKey: FAKE_GROWW.totpKey, totpSecret: FAKE_GROWW.totpSecret }).testConnection();
    expect(r.accounts).toEqual([{ accountUid: "groww", name: "Groww", venue: "groww", kind: "broker" }]);
    expect(fake.minted.length - before).toBe(1);
  });
});
