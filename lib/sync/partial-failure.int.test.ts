import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { listAlerts } from "@/db/queries/alerts";
import { createConnection } from "@/db/queries/connections";
import { ensurePersonalWorkspace } from "@/db/queries/workspaces";
import { balances, connections, fills, portfolioSnapshots, syncBatches } from "@/db/schema";
import { openTestDb } from "@/db/testing";
import { ConnectorError } from "@/lib/connectors/errors";
import { syncConnection } from "./sync-connection";
import { cursorsOf, dataCounts, demoAt, offline, recordingDemo } from "./test-support";

const T1 = new Date("2026-11-20T10:00:00Z");
const T2 = new Date("2026-11-20T13:00:00Z");
const T3 = new Date("2026-11-20T16:00:00Z");
const HOUR = 3_600_000;

let h: DbHandle;
let ownerId: string;
let connectionId: string;

const fillsDown = () => {
  throw new ConnectorError({ kind: "unavailable", provider: "demo", endpoint: "GET /fills", message: "venue returned 503" });
};

beforeAll(async () => {
  h = await openTestDb();
  ownerId = (await ensurePersonalWorkspace(h.db)).id;
  connectionId = (await createConnection(h.db, { ownerId, provider: "demo", label: "Demo", config: { seed: "sync-test" } })).id;
  await syncConnection(h.db, { ownerId, connectionId, trigger: "manual", now: () => T1, connector: demoAt(T1), ...offline });
});
afterAll(async () => h?.close());

describe("one failing stream does not discard the others", () => {
  it("fills down at T2: batch partial with the reason, holdings/orders/snapshot committed, no fills, fills cursor stays at T1", async () => {
    const before = await dataCounts(h.db);
    const r = await syncConnection(h.db, {
      ownerId,
      connectionId,
      trigger: "cron",
      now: () => T2,
      connector: demoAt(T2, { fetchFills: fillsDown }),
      ...offline,
    });
    const failure = { stream: "fills", kind: "unavailable", message: "demo GET /fills: venue returned 503" };
    expect(r).toMatchObject({ status: "partial", mode: "incremental", failedStreams: [failure] });
    const [batch] = await h.db.select().from(syncBatches).where(eq(syncBatches.id, r.batchId));
    expect(batch).toMatchObject({
      status: "partial",
      failedStreams: [failure],
      errorKind: "unavailable",
      error: "fills: demo GET /fills: venue returned 503",
    });

    const after = await dataCounts(h.db);
    expect(after.fills).toBe(before.fills);
    expect(r.counts.fills).toBe(0);
    expect(r.counts).toMatchObject({ ordersNew: 4, ordersChanged: 1, orderEvents: 6 });
    expect(after.orderEvents).toBe(before.orderEvents + r.counts.orderEvents);
    expect(await h.db.select().from(portfolioSnapshots).where(eq(portfolioSnapshots.capturedAt, T2))).toHaveLength(1);
    const current = await h.db.select({ at: balances.updatedAt, batch: balances.syncBatchId }).from(balances);
    expect(new Set(current.map((b) => `${b.at.toISOString()} ${b.batch}`))).toEqual(new Set([`${T2.toISOString()} ${r.batchId}`]));

    expect(await cursorsOf(h.db, connectionId)).toEqual({ orders: T2, fills: T1, cash_flows: T2 });
    const [conn] = await h.db.select().from(connections).where(eq(connections.id, connectionId));
    expect(conn).toMatchObject({ status: "active", consecutiveFailures: 0, lastSuccessAt: T2, lastError: "partial: fills: demo GET /fills: venue returned 503" });
    const [alert] = await listAlerts(h.db, { ownerId });
    expect(alert).toMatchObject({ kind: "sync_failure", subject: connectionId, title: "Sync partly failed: Demo", message: "fills: demo GET /fills: venue returned 503" });
  });

  it("the next run at T3 reads fills from T1 − 1 h (the unadvanced cursor), orders from T2 − 1 h, catches the fills up and resolves the alert", async () => {
    const before = await dataCounts(h.db);
    const { connector, since } = recordingDemo(T3);
    const r = await syncConnection(h.db, { ownerId, connectionId, trigger: "cron", now: () => T3, connector, ...offline });
    expect(r.status).toBe("succeeded");
    expect(since).toEqual({ orders: new Date(T2.getTime() - HOUR), fills: new Date(T1.getTime() - HOUR) });
    // Fills executed between T1 and T2, missed by the partial run, are stored now.
    const between = await h.db.select({ at: fills.executedAt }).from(fills).where(eq(fills.syncBatchId, r.batchId));
    expect(r.counts.fills).toBe(10);
    expect(between).toHaveLength(10);
    expect(between.filter((f) => f.at > T1 && f.at <= T2)).toHaveLength(7);
    expect((await dataCounts(h.db)).fills).toBe(before.fills + r.counts.fills);
    expect(await cursorsOf(h.db, connectionId)).toEqual({ orders: T3, fills: T3, cash_flows: T3 });
    expect(await listAlerts(h.db, { ownerId })).toEqual([]);
    const [conn] = await h.db.select().from(connections).where(eq(connections.id, connectionId));
    expect(conn).toMatchObject({ lastError: null, consecutiveFailures: 0 });
  });

  it("fills naming an account the venue did not list fail only the fills stream (bad_response), orders still commit", async () => {
    const at = new Date("2026-11-20T19:00:00Z");
    const demo = demoAt(at);
    const orphanFills = demoAt(at, {
      fetchFills: async (p) => {
        const r = await demo.fetchFills(p);
        return { ...r, items: [...r.items, { ...r.items[0]!, accountUid: "ghost", venueFillId: "ghost-1" }] };
      },
    });
    const before = await dataCounts(h.db);
    const r = await syncConnection(h.db, { ownerId, connectionId, trigger: "cron", now: () => at, connector: orphanFills, ...offline });
    expect(r.failedStreams).toEqual([
      { stream: "fills", kind: "bad_response", message: 'sync: data for account "ghost", which the venue did not list among its accounts' },
    ]);
    expect((await dataCounts(h.db)).fills).toBe(before.fills);
    expect(await cursorsOf(h.db, connectionId)).toEqual({ orders: at, fills: T3, cash_flows: at });
  });
});
