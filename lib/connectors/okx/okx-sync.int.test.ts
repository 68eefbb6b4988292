import { randomBytes } from "node:crypto";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { ensurePersonalWorkspace } from "@/db/queries/workspaces";
import { balances, connections, fills, orderEvents, orders, portfolioSnapshots, positions, snapshotHoldings, syncBatches } from "@/db/schema";
import { openTestDb } from "@/db/testing";
import { addConnection } from "@/lib/connections/add-connection";
import type { ConnectorBuilder } from "@/lib/connections/input";
import { parseSettings } from "@/lib/connectors/settings";
import { MarketCache } from "@/lib/connectors/ccxt/markets";
import { openCredentials } from "@/lib/connectors/http/credentials";
import { decryptCredentials } from "@/lib/security/credentials";
import { syncConnection } from "@/lib/sync/sync-connection";
import { loadConnectionDetail } from "@/lib/read-models/connection-detail";
import { okxConfigSchema, okxCredentialsSchema } from "./config";
import { FakeOkx, OKX_TEST_CREDENTIALS, okxFixture } from "./fake-okx";
import { OkxConnector } from "./index";

/**
 * End to end against the fake OKX: add the connection (keys tested, sealed, stored), a
 * full sync, an incremental sync that asks only for what is new, and a replay.
 */
const T1 = new Date("2026-11-20T10:00:00Z");
const T2 = new Date("2026-11-20T13:00:00Z");
const HOUR = 3_600_000;
const key = randomBytes(32);
let venueNow = T1.getTime();

let h: DbHandle;
let fake: FakeOkx;
let ownerId: string;
let connectionId: string;
const markets = new MarketCache();

const build: ConnectorBuilder = (conn, ctx) =>
  new OkxConnector({
    credentials: openCredentials("okx", okxCredentialsSchema, conn.credentialsEncrypted, key),
    config: parseSettings("okx", okxConfigSchema, conn.config),
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

const calls = () => fake.requests.map((r) => {
  const kind = r.params.instType ?? r.params.ordType;
  return `${r.path}${kind ? ` ${kind}` : ""}`;
});

beforeAll(async () => {
  h = await openTestDb();
  fake = await FakeOkx.start({ now: () => venueNow });
  ownerId = (await ensurePersonalWorkspace(h.db)).id;
});
afterAll(async () => {
  await fake?.close();
  await h?.close();
});

describe("OKX end to end", () => {
  it("adds a read-only connection with the passphrase sealed alongside key and secret", async () => {
    const added = await addConnection(
      h.db,
      { ownerId, provider: "okx", label: "OKX", credentials: { ...OKX_TEST_CREDENTIALS }, config: { environment: "live" } },
      { buildConnector: build, credentialsKey: key, now: () => T1 },
    );
    connectionId = added.id;
    expect(added).toMatchObject({ permissions: ["read"], accounts: [{ accountUid: "trading" }, { accountUid: "funding" }] });
    const [row] = await h.db.select().from(connections).where(eq(connections.id, connectionId));
    for (const s of Object.values(OKX_TEST_CREDENTIALS)) expect(row!.credentialsEncrypted).not.toContain(s);
    expect(decryptCredentials(row!.credentialsEncrypted!, key)).toEqual(OKX_TEST_CREDENTIALS);
  });

  it("a full sync writes the trading and funding accounts, positions, orders, fills and a valued snapshot", async () => {
    fake.clearRequests();
    const r = await syncConnection(h.db, { ownerId, connectionId, trigger: "manual", now: () => T1, connector: await connectorFor(T1) });
    expect(r.counts).toMatchObject({ accounts: 2, balances: 6, positions: 5, ordersNew: 10, orderEvents: 10, fills: 8, snapshots: 1, cashFlows: 8 });
    const [inverse] = await h.db.select().from(positions).where(eq(positions.symbol, "BTC/USD:BTC"));
    expect(inverse).toMatchObject({ side: "short", quantity: "-0.008130081301", notional: "-500", settleCurrency: "BTC" });
    const [rebate] = await h.db.select().from(fills).where(eq(fills.venueFillId, "1794741000000000700"));
    expect(rebate).toMatchObject({ fee: "-0.06", quantity: "0.06", symbol: "BTC/USDT:USDT", liquidity: "maker" });

    // OKX publishes USD index prices (USDT-USD included), so the snapshot is fully valued.
    const [snap] = await h.db.select().from(portfolioSnapshots);
    expect(snap!.unpricedAssets).toEqual([]);
    // By hand: spot 25160.5 USDT × 0.99952 + 0.35 BTC × 61480.5 + 0.8 ETH × 3099.1
    // + 20 OKB × 48.25 × 0.99952 = 50110.41476; funding 1000 × 0.99952 + 0.05 × 61480.5 =
    // 4073.545; PnL 500.712 USDT × 0.99952 − 0.00006664 BTC × 61480.5 = 496.37459772.
    expect(snap).toMatchObject({
      spotValue: "50110.41476",
      fundingValue: "4073.545",
      unrealizedPnl: "496.37459772",
      equity: "54680.33435772",
    });
    const [holdings] = await h.db.select().from(snapshotHoldings).where(eq(snapshotHoldings.snapshotId, snap!.id));
    expect(holdings!.rows).not.toHaveLength(0);

    // What it could not read is kept with the run and shown on the connection's page.
    const [batch] = await h.db.select().from(syncBatches).where(eq(syncBatches.id, r.batchId));
    expect(batch!.progress!.notRead).toEqual([
      "3 untriggered algo orders (conditional 1, oco 1, trigger 1): not recorded as orders until they trigger; the order each places then is read.",
      expect.stringMatching(/^Algo order history/),
    ]);
    const detail = await loadConnectionDetail(h.db, { ownerId, connectionId, now: T1 });
    expect(detail.notRead).toEqual({ items: batch!.progress!.notRead, runStartedAt: batch!.startedAt.toISOString() });

    expect(calls()).toEqual([
      "/api/v5/account/balance",
      "/api/v5/asset/balances",
      "/api/v5/account/positions",
      "/api/v5/public/instruments SPOT",
      "/api/v5/public/instruments SWAP",
      "/api/v5/public/instruments FUTURES",
      "/api/v5/trade/orders-pending",
      "/api/v5/trade/orders-algo-pending conditional,oco",
      "/api/v5/trade/orders-algo-pending trigger",
      "/api/v5/trade/orders-algo-pending move_order_stop",
      "/api/v5/trade/orders-algo-pending iceberg",
      "/api/v5/trade/orders-algo-pending twap",
      "/api/v5/trade/orders-algo-pending chase",
      "/api/v5/trade/orders-history SPOT",
      "/api/v5/trade/orders-history MARGIN",
      "/api/v5/trade/orders-history SWAP",
      "/api/v5/trade/orders-history FUTURES",
      "/api/v5/trade/fills-history SPOT",
      "/api/v5/trade/fills-history MARGIN",
      "/api/v5/trade/fills-history SWAP",
      "/api/v5/trade/fills-history FUTURES",
      "/api/v5/asset/deposit-history",
      "/api/v5/asset/withdrawal-history",
      "/api/v5/market/index-tickers",
      "/api/v5/market/tickers SPOT",
    ]);
  });

  it("an incremental sync reads the 3-day fills endpoint from the last success, and asks for orders that left the pending list", async () => {
    const bid = fake.state.orders.find((o) => o.clOrdId === "dcabtc0002")!;
    Object.assign(bid, { state: "filled", accFillSz: "0.05", avgPx: "58000", uTime: String(T1.getTime() + 2 * HOUR) });
    const offer = fake.state.orders.find((o) => o.clOrdId === "swingeth12")!;
    Object.assign(offer, { state: "filled", accFillSz: "0.5", avgPx: "3300", uTime: String(T1.getTime() + 150 * 60_000) });
    const template = (okxFixture("fills.json") as Array<Record<string, unknown>>)[8]!;
    fake.state.fills.push(
      { ...template, instId: "BTC-USDT", side: "buy", ordId: bid.ordId, clOrdId: "dcabtc0002", billId: "1795176000000000700", tradeId: "7951760000", fillPx: "58000", fillSz: "0.05", fee: "-0.00005", feeCcy: "BTC", ts: String(T1.getTime() + 2 * HOUR) },
      { ...template, billId: "1795177800000000700", tradeId: "7951778000", fillSz: "0.3", fee: "-0.198", ts: String(T1.getTime() + 150 * 60_000) },
    );
    venueNow = T2.getTime();

    fake.clearRequests();
    const r = await syncConnection(h.db, { ownerId, connectionId, trigger: "cron", now: () => T2, connector: await connectorFor(T2) });
    expect(r.counts).toMatchObject({ ordersNew: 0, ordersChanged: 2, orderEvents: 4, fills: 2 });

    const since = String(T1.getTime() - HOUR);
    expect(calls()).toEqual([
      "/api/v5/account/balance",
      "/api/v5/asset/balances",
      "/api/v5/account/positions",
      "/api/v5/trade/orders-pending",
      "/api/v5/trade/orders-algo-pending conditional,oco",
      "/api/v5/trade/orders-algo-pending trigger",
      "/api/v5/trade/orders-algo-pending move_order_stop",
      "/api/v5/trade/orders-algo-pending iceberg",
      "/api/v5/trade/orders-algo-pending twap",
      "/api/v5/trade/orders-algo-pending chase",
      "/api/v5/trade/orders-history SPOT",
      "/api/v5/trade/orders-history MARGIN",
      "/api/v5/trade/orders-history SWAP",
      "/api/v5/trade/orders-history FUTURES",
      "/api/v5/trade/order",
      "/api/v5/trade/order",
      "/api/v5/trade/fills",
      "/api/v5/asset/deposit-history",
      "/api/v5/asset/withdrawal-history",
      "/api/v5/market/index-tickers",
      "/api/v5/market/tickers SPOT",
    ]);
    expect(fake.requests.filter((q) => q.path.startsWith("/api/v5/trade/") && (q.path.includes("history") || q.path.endsWith("/fills"))).every((q) => q.params.begin === since)).toBe(true);
    // Flows from their cursor (T1) less OKX's hour of lag, which also covers the deposit
    // (09:20) and withdrawal (09:45) stored as pending: `before` asks for records newer than it.
    const flowReads = fake.requests.filter((q) => q.path.startsWith("/api/v5/asset/") && q.path.endsWith("-history"));
    expect(flowReads.map((q) => q.params.before)).toEqual([String(T1.getTime() - HOUR - 1), String(T1.getTime() - HOUR - 1)]);

    const [row] = await h.db.select().from(orders).where(eq(orders.clientOrderId, "dcabtc0002"));
    expect(row).toMatchObject({ status: "filled", filledQuantity: "0.05", averagePrice: "58000" });
    expect(await table(fills)).toBe(10);
  });

  it("replaying the same sync adds nothing", async () => {
    const before = { fills: await table(fills), events: await table(orderEvents), snaps: await table(portfolioSnapshots) };
    const r = await syncConnection(h.db, { ownerId, connectionId, trigger: "manual", now: () => T2, connector: await connectorFor(T2) });
    expect(r.counts).toMatchObject({ ordersChanged: 0, orderEvents: 0, fills: 0, snapshots: 0 });
    expect({ fills: await table(fills), events: await table(orderEvents), snaps: await table(portfolioSnapshots) }).toEqual(before);
  });
});
