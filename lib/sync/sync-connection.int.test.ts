import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { createConnection } from "@/db/queries/connections";
import { ensurePersonalWorkspace } from "@/db/queries/workspaces";
import {
  balances,
  connections,
  fills,
  orderEvents,
  orders,
  portfolioSnapshots,
  positions,
  syncBatches,
  users,
} from "@/db/schema";
import { openTestDb } from "@/db/testing";
import { createDemoConnector } from "@/lib/connectors/demo";
import { ConnectorError } from "@/lib/connectors/errors";
import type { Connector } from "@/lib/connectors/types";
import { SyncFailedError, syncConnection } from "./sync-connection";
import { snapshotRowCount } from "./test-support";

const T1 = new Date("2026-11-20T10:00:00Z");
const T2 = new Date("2026-11-20T13:00:00Z");
/** No reference-price requests and no webhook: nothing leaves the test. */
const offline = { referencePrices: null, webhook: null } as const;

let h: DbHandle;
let ownerId: string;
let connectionId: string;

async function counts() {
  type Counted = typeof balances | typeof positions | typeof orders | typeof orderEvents | typeof fills;
  const c = async (table: Counted | typeof portfolioSnapshots) =>
    (await h.db.select({ n: count() }).from(table))[0]!.n;
  return {
    balances: await c(balances),
    positions: await c(positions),
    orders: await c(orders),
    orderEvents: await c(orderEvents),
    fills: await c(fills),
    snapshots: await c(portfolioSnapshots),
    snapshotRows: await snapshotRowCount(h.db),
  };
}

beforeAll(async () => {
  h = await openTestDb();
  ownerId = (await ensurePersonalWorkspace(h.db)).id;
  connectionId = (await createConnection(h.db, { ownerId, provider: "demo", label: "Demo", config: { seed: "sync-test" } })).id;
});
afterAll(async () => h?.close());

describe("syncConnection against the demo venue", () => {
  it("a first sync writes balances, positions, orders with events, fills and one snapshot", async () => {
    const r = await syncConnection(h.db, { ownerId, connectionId, trigger: "manual", now: () => T1, ...offline });
    expect(r.status).toBe("succeeded");
    const c = await counts();
    expect(c.balances).toBe(9);
    expect(c.positions).toBe(2);
    expect(c.orders).toBe(169);
    expect(c.orderEvents).toBe(c.orders); // first sight of each order: one ORDER_PLACED
    expect(c.fills).toBe(319);
    expect(c.snapshots).toBe(1);
    expect(c.snapshotRows).toBe(7 + 2); // 7 spot assets + 2 perps
    expect(r.counts).toMatchObject({ balances: 9, positions: 2, ordersNew: 169, ordersChanged: 0, orderEvents: 169, fills: 319, snapshots: 1 });
    expect((await h.db.select({ equity: portfolioSnapshots.equity }).from(portfolioSnapshots)).map((s) => s.equity)).toEqual(["302428.545471381746"]);
    const [batch] = await h.db.select().from(syncBatches).where(eq(syncBatches.id, r.batchId));
    expect(batch).toMatchObject({ status: "succeeded", trigger: "manual", error: null });
    // Wall time (performance.now), not the injected clock: only its sign is fixed.
    expect(batch!.durationMs).toBeGreaterThanOrEqual(0);
  });

  it("re-running at the same instant adds no order events, no fills and no snapshot", async () => {
    const before = await counts();
    const r = await syncConnection(h.db, { ownerId, connectionId, trigger: "manual", now: () => T1, ...offline });
    expect(await counts()).toEqual(before);
    expect(r.counts).toMatchObject({ ordersNew: 0, ordersChanged: 0, orderEvents: 0, fills: 0, snapshots: 0 });
  });

  it("three hours later only the changes are appended: new fills and the order events behind them", async () => {
    const before = await counts();
    const r = await syncConnection(h.db, { ownerId, connectionId, trigger: "cron", now: () => T2, ...offline });
    const after = await counts();
    expect(r.counts.fills).toBe(after.fills - before.fills);
    expect(r.counts.orderEvents).toBe(after.orderEvents - before.orderEvents);
    expect(r.counts).toMatchObject({ ordersNew: 4, ordersChanged: 1, orderEvents: 6, fills: 7, snapshots: 1 });
    expect(after).toEqual({ balances: 9, positions: 2, orders: 173, orderEvents: 175, fills: 326, snapshots: 2, snapshotRows: 18 });
    const equity = await h.db.select({ equity: portfolioSnapshots.equity }).from(portfolioSnapshots).where(eq(portfolioSnapshots.capturedAt, T2));
    expect(equity).toEqual([{ equity: "303534.0765530353648" }]);
    // Four orders placed; one already stored both filled more and changed status.
    const events = await h.db.select().from(orderEvents).where(eq(orderEvents.syncBatchId, r.batchId));
    expect(events.map((e) => e.type).sort()).toEqual(["FILLED_QUANTITY_CHANGED", "ORDER_PLACED", "ORDER_PLACED", "ORDER_PLACED", "ORDER_PLACED", "STATUS_CHANGED"]);
  });

  it("a required stream (balances) that throws mid-sync leaves every previous row untouched and a failed batch with the error", async () => {
    const before = await counts();
    const [balanceRowsBefore, positionRowsBefore] = [await h.db.select().from(balances), await h.db.select().from(positions)];
    const demo = createDemoConnector({ seed: "sync-test", now: () => new Date("2026-11-20T15:00:00Z") });
    const failing: Connector = Object.assign(Object.create(Object.getPrototypeOf(demo)), demo, {
      fetchBalances: async () => {
        throw new ConnectorError({ kind: "unavailable", provider: "demo", endpoint: "GET /balances", message: "venue returned 503" });
      },
    });
    const err = await syncConnection(h.db, {
      ownerId,
      connectionId,
      trigger: "manual",
      now: () => new Date("2026-11-20T15:00:00Z"),
      connector: failing,
      ...offline,
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SyncFailedError);
    expect((err as SyncFailedError).retryable).toBe(true);
    expect(await counts()).toEqual(before);
    expect(await h.db.select().from(balances)).toEqual(balanceRowsBefore);
    expect(await h.db.select().from(positions)).toEqual(positionRowsBefore);
    const [batch] = await h.db.select().from(syncBatches).where(eq(syncBatches.id, (err as SyncFailedError).batchId));
    expect(batch).toMatchObject({ status: "failed", errorKind: "unavailable", error: "demo GET /balances: venue returned 503" });
    const [conn] = await h.db.select().from(connections).where(eq(connections.id, connectionId));
    expect(conn).toMatchObject({ consecutiveFailures: 1, lastError: "demo GET /balances: venue returned 503" });
  });

  it("a failure inside the write transaction (a malformed balance) rolls back every write", async () => {
    const before = await counts();
    const at = new Date("2026-11-20T16:00:00Z");
    const demo = createDemoConnector({ seed: "sync-test", now: () => at });
    const broken: Connector = Object.assign(Object.create(Object.getPrototypeOf(demo)), demo, {
      fetchBalances: async () => {
        const r = await demo.fetchBalances();
        return { ...r, items: [...r.items, { ...r.items[0]!, total: "12,5" }] };
      },
    });
    const err = (await syncConnection(h.db, { ownerId, connectionId, trigger: "manual", now: () => at, connector: broken, ...offline }).catch(
      (e: unknown) => e,
    )) as SyncFailedError;
    expect(err.kind).toBe("bad_response");
    expect(err.message).toBe("demo balances: item 9: total not an exact decimal string");
    expect(await counts()).toEqual(before);
  });

  it("the next good sync clears the failure count", async () => {
    await syncConnection(h.db, { ownerId, connectionId, trigger: "manual", now: () => new Date("2026-11-20T17:00:00Z"), ...offline });
    const [conn] = await h.db.select().from(connections).where(eq(connections.id, connectionId));
    expect(conn).toMatchObject({ consecutiveFailures: 0, lastError: null });
  });

  it("a connection of another owner is not found", async () => {
    const [other] = await h.db.insert(users).values({ email: "someone-else@example.com", name: "Other" }).returning();
    await expect(syncConnection(h.db, { ownerId: other!.id, connectionId, trigger: "manual" })).rejects.toThrow(
      "connection not found",
    );
  });
});
