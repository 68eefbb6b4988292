import { randomBytes } from "node:crypto";
import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { ensurePersonalWorkspace } from "@/db/queries/workspaces";
import { balances, connections, fills, orderEvents, orders, portfolioSnapshots, positions } from "@/db/schema";
import { openTestDb } from "@/db/testing";
import { addConnection } from "@/lib/connections/add-connection";
import type { ConnectorBuilder } from "@/lib/connections/input";
import { parseSettings } from "@/lib/connectors/settings";
import { MarketCache } from "@/lib/connectors/ccxt/markets";
import { ConnectorError } from "@/lib/connectors/errors";
import { openCredentials } from "@/lib/connectors/http/credentials";
import { decryptCredentials } from "@/lib/security/credentials";
import { syncConnection } from "@/lib/sync/sync-connection";
import { binanceConfigSchema, binanceCredentialsSchema } from "./config";
import { BINANCE_EXAMPLE_CREDENTIALS, binanceFixture, FakeBinance } from "./fake-binance";
import { BinanceConnector } from "./index";

/**
 * End to end against the fake Binance: add the connection through lib/connections (keys
 * tested, sealed, stored), a full sync into the database, then an incremental one that
 * asks only for what is new, then a replay that adds nothing.
 */
const T1 = new Date("2026-11-20T10:00:00Z");
const T2 = new Date("2026-11-20T13:00:00Z");
const HOUR = 3_600_000;
const key = randomBytes(32);

let h: DbHandle;
let fake: FakeBinance;
let ownerId: string;
let connectionId: string;
const markets = new MarketCache();

const build: ConnectorBuilder = (conn, ctx) =>
  new BinanceConnector({
    credentials: openCredentials("binance", binanceCredentialsSchema, conn.credentialsEncrypted, key),
    config: parseSettings("binance", binanceConfigSchema, conn.config),
    now: ctx.now,
    fetchImplementation: fake.fetch,
    enableRateLimit: false,
    marketCache: markets,
  });

async function connectorFor(now: Date) {
  const [conn] = await h.db.select().from(connections).where(eq(connections.id, connectionId));
  return build(conn!, { now: () => now });
}

async function table(t: typeof balances | typeof positions | typeof orders | typeof orderEvents | typeof fills | typeof portfolioSnapshots) {
  return (await h.db.select({ n: count() }).from(t))[0]!.n;
}

const paths = () => fake.requests.map((r) => r.path);
/** Requests the fake saw and their weight as Binance documents it (see bench/exchange-sync-cost.md). */
const weightOfSync = () => ({ requests: fake.requests.length, weight: fake.totalWeight() });

beforeAll(async () => {
  h = await openTestDb();
  fake = await FakeBinance.start();
  ownerId = (await ensurePersonalWorkspace(h.db)).id;
});
afterAll(async () => {
  await fake?.close();
  await h?.close();
});

describe("Binance end to end", () => {
  it("refuses to store a key that can trade, and stores nothing", async () => {
    fake.state.apiRestrictions = binanceFixture("api-restrictions-trading.json") as Record<string, unknown>;
    const err = await addConnection(
      h.db,
      { ownerId, provider: "binance", label: "Binance bot", credentials: { ...BINANCE_EXAMPLE_CREDENTIALS }, config: {} },
      { buildConnector: build, credentialsKey: key, now: () => T1 },
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConnectorError);
    expect((err as ConnectorError).kind).toBe("permission");
    expect(await h.db.select().from(connections)).toEqual([]);
    fake.state.apiRestrictions = binanceFixture("api-restrictions-read-only.json") as Record<string, unknown>;
  });

  it("adds a read-only connection: keys tested, credentials sealed at rest, no secret returned", async () => {
    const added = await addConnection(
      h.db,
      {
        ownerId,
        provider: "binance",
        label: "Binance main",
        credentials: { ...BINANCE_EXAMPLE_CREDENTIALS },
        config: { knownSymbols: ["SOL/USDT"] },
      },
      { buildConnector: build, credentialsKey: key, now: () => T1 },
    );
    connectionId = added.id;
    expect(added.permissions).toEqual(["read"]);
    expect(added.accounts.map((a) => a.accountUid)).toEqual(["spot", "funding", "usdm", "coinm"]);
    expect(JSON.stringify(added)).not.toContain(BINANCE_EXAMPLE_CREDENTIALS.secret);
    const [row] = await h.db.select().from(connections).where(eq(connections.id, added.id));
    expect(row!.credentialsEncrypted).not.toContain(BINANCE_EXAMPLE_CREDENTIALS.secret);
    expect(row!.credentialsEncrypted).not.toContain(BINANCE_EXAMPLE_CREDENTIALS.apiKey);
    expect(decryptCredentials(row!.credentialsEncrypted!, key)).toEqual(BINANCE_EXAMPLE_CREDENTIALS);
    expect(row!.config).toEqual({ knownSymbols: ["SOL/USDT"] });
  });

  it("a full sync writes balances, positions, orders with their events, fills and a snapshot", async () => {
    fake.clearRequests();
    const r = await syncConnection(h.db, { ownerId, connectionId, trigger: "manual", now: () => T1, connector: await connectorFor(T1) });
    // cashFlows: the fixtures' 10 deposits and withdrawals less the one older than 90 days.
    expect(r.counts).toMatchObject({ accounts: 4, balances: 9, positions: 3, ordersNew: 13, orderEvents: 13, fills: 13, snapshots: 1, cashFlows: 9 });
    expect(await table(balances)).toBe(9);
    expect(await table(fills)).toBe(13);

    const [eth] = await h.db.select().from(positions).where(eq(positions.symbol, "ETH/USDT:USDT"));
    expect(eth).toMatchObject({ side: "short", quantity: "-2", notional: "-6200", entryPrice: "3200.2", unrealizedPnl: "200.4", marginMode: "isolated" });
    const [usdm] = await h.db.select().from(balances).where(and(eq(balances.asset, "USDT"), eq(balances.wallet, "futures")));
    expect(usdm).toMatchObject({ total: "10250.33", free: "7700.2", locked: "2550.13" });
    const [fill] = await h.db.select().from(fills).where(eq(fills.venueFillId, "BTCUSDT:4012001"));
    expect(fill).toMatchObject({ clientOrderId: "dca:btc-0001", strategy: "dca", price: "60100", quantity: "0.03", fee: "0.00003", feeCurrency: "BTC" });

    // Binance quotes in USDT and has no USD market: USDT (and so everything) stays
    // unpriced in USD until the app supplies a USDT/USD rate.
    const [snap] = await h.db.select().from(portfolioSnapshots);
    expect(snap!.unpricedAssets).toContain("USDT");
    // The futures wallets' published margin is stored with the snapshot; unpriced here, so kept unvalued and out of the sums.
    expect(snap!.marginDetail).toEqual([
      { accountUid: "usdm", currency: "USDT", used: "1895.08", maintenance: "76.35", available: "7700.2", usedBase: null, availableBase: null },
      { accountUid: "coinm", currency: "BTC", used: "0.00162602", maintenance: "0.0004065", available: "0.2331", usedBase: null, availableBase: null },
    ]);
    expect(snap).toMatchObject({ marginUsed: "0", marginAvailable: "0" });

    // Cost of a first sync: markets, wallets, positions, open orders, 7 days of history for
    // the derived symbols (each one read of its latest trades and orders, which hold the
    // whole week here; 7 one-day windows each before), one price request, and the deposit and
    // withdrawal histories from just under 90 days back (no flows cursor yet): one window
    // each, inside Binance's 90-day limit, the withdrawal window costing 18,000 of the UID
    // weight (two windows, 36,000, when the default reached a millisecond past the limit).
    expect(paths().filter((p) => p.endsWith("/exchangeInfo"))).toHaveLength(3);
    expect(paths().filter((p) => p === "/api/v3/myTrades")).toHaveLength(7);
    expect(paths().filter((p) => p === "/api/v3/allOrders")).toHaveLength(7);
    expect(paths().filter((p) => p === "/sapi/v1/capital/deposit/hisrec")).toHaveLength(1);
    expect(paths().filter((p) => p === "/sapi/v1/capital/withdraw/history")).toHaveLength(1);
    // Issue 17: + GET /fapi/v1/symbolConfig (5: leverage after positionRisk V3) and the /papi/v1/account probe (20).
    // Issue 18: 124 requests and 20,299 weight before the latest-page read (84 one-day windows fewer).
    expect(weightOfSync()).toEqual({ requests: 40, weight: 18619 });
  });

  it("an incremental sync asks only for what is new, and records what changed", async () => {
    // Since T1: the open BTC bid filled, the ETH offer filled its rest; SOL is no longer
    // configured (its fills are stored, so it is still read).
    const spot = fake.state.orders.spot;
    Object.assign(spot.find((o) => o.orderId === 28533)!, {
      status: "FILLED",
      executedQty: "0.10000000",
      cummulativeQuoteQty: "5800.00000000",
      updateTime: T1.getTime() + 2 * HOUR,
    });
    Object.assign(spot.find((o) => o.orderId === 9201)!, {
      status: "FILLED",
      executedQty: "0.50000000",
      cummulativeQuoteQty: "1650.00000000",
      updateTime: T1.getTime() + 150 * 60_000,
    });
    const trade = (binanceFixture("trades-spot.json") as Array<Record<string, unknown>>)[1]!;
    fake.state.trades.spot.push(
      { ...trade, id: 4013500, orderId: 28533, price: "58000.00000000", qty: "0.10000000", commission: "0.00010000", time: T1.getTime() + 2 * HOUR },
      {
        ...trade,
        symbol: "ETHUSDT",
        id: 1801500,
        orderId: 9201,
        price: "3300.00000000",
        qty: "0.30000000",
        commission: "0.99000000",
        commissionAsset: "USDT",
        isBuyer: false,
        time: T1.getTime() + 150 * 60_000,
      },
    );
    await h.db.update(connections).set({ config: {} }).where(eq(connections.id, connectionId));
    const eventsBefore = await table(orderEvents);

    fake.clearRequests();
    const r = await syncConnection(h.db, { ownerId, connectionId, trigger: "cron", now: () => T2, connector: await connectorFor(T2) });
    expect(r.counts).toMatchObject({ ordersNew: 0, ordersChanged: 2, orderEvents: 4, fills: 2, snapshots: 1 });

    // Only the window since the last success (minus the 1 h lookback), one window per
    // symbol; markets come from the cache; the two orders that left the open list are
    // asked for by id.
    const since = String(T1.getTime() - HOUR);
    const history = fake.requests.filter((q) => /allOrders|myTrades|userTrades/.test(q.path));
    expect(history.every((q) => q.params.startTime === since && q.params.endTime === String(T2.getTime()))).toBe(true);
    expect(paths().some((p) => p.endsWith("/exchangeInfo"))).toBe(false);
    expect(new Set(fake.requests.filter((q) => q.path === "/api/v3/myTrades").map((q) => q.params.symbol))).toContain("SOLUSDT");
    expect(fake.requests.filter((q) => q.path === "/api/v3/order").map((q) => q.params.orderId).sort()).toEqual(["28533", "9201"]);
    // Flows from their cursor (T1) less Binance's hour of lag: one window of each history.
    const walletHistory = fake.requests.filter((q) => q.path.startsWith("/sapi/v1/capital/"));
    expect(walletHistory.map((q) => [q.path, q.params.startTime])).toEqual([
      ["/sapi/v1/capital/deposit/hisrec", since],
      ["/sapi/v1/capital/withdraw/history", since],
    ]);
    expect(weightOfSync()).toEqual({ requests: 36, weight: 18575 });

    const [bid] = await h.db.select().from(orders).where(eq(orders.venueOrderId, "28533"));
    expect(bid).toMatchObject({ status: "filled", filledQuantity: "0.1", averagePrice: "58000" });
    const bidEvents = await h.db.select().from(orderEvents).where(eq(orderEvents.venueOrderId, "28533"));
    expect(bidEvents.map((e) => [e.type, e.statusBefore, e.statusAfter, e.filledBefore, e.filledAfter])).toEqual([
      ["ORDER_PLACED", null, "open", null, "0"],
      ["FILLED_QUANTITY_CHANGED", "open", "open", "0", "0.1"],
      ["STATUS_CHANGED", "open", "filled", "0.1", "0.1"],
    ]);
    expect((await table(orderEvents)) - eventsBefore).toBe(4);
    expect(await table(fills)).toBe(15);
  });

  it("replaying the same sync adds no fills, no order events and no snapshot", async () => {
    const before = { fills: await table(fills), events: await table(orderEvents), snaps: await table(portfolioSnapshots) };
    const r = await syncConnection(h.db, { ownerId, connectionId, trigger: "manual", now: () => T2, connector: await connectorFor(T2) });
    expect(r.counts).toMatchObject({ ordersNew: 0, ordersChanged: 0, orderEvents: 0, fills: 0, snapshots: 0 });
    expect({ fills: await table(fills), events: await table(orderEvents), snaps: await table(portfolioSnapshots) }).toEqual(before);
  });
});
