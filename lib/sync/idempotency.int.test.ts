import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { createConnection } from "@/db/queries/connections";
import { ensurePersonalWorkspace } from "@/db/queries/workspaces";
import { connections, syncBatches, syncRawResponses } from "@/db/schema";
import { openTestDb } from "@/db/testing";
import { verifyOrderEventChains } from "@/lib/audit/verify-chain";
import { SyncFailedError, syncConnection } from "./sync-connection";
import { cursorsOf, dataCounts, demoAt, offline } from "./test-support";

const T1 = new Date("2026-11-20T10:00:00Z");
const T2 = new Date("2026-11-20T13:00:00Z");

let h: DbHandle;
let ownerId: string;
let connectionId: string;
const run = (at: Date) => syncConnection(h.db, { ownerId, connectionId, trigger: "event", now: () => at, connector: demoAt(at), ...offline });

beforeAll(async () => {
  h = await openTestDb();
  ownerId = (await ensurePersonalWorkspace(h.db)).id;
  connectionId = (await createConnection(h.db, { ownerId, provider: "demo", label: "Demo", config: { seed: "sync-test" } })).id;
});
afterAll(async () => h?.close());

describe("replays and crashes", () => {
  it("the same event delivered twice (same payload, same venue state) adds no order event, fill, snapshot or cursor move the second time", async () => {
    const first = await run(T1);
    expect(first).toMatchObject({ status: "succeeded", mode: "initial" });
    const afterFirst = await dataCounts(h.db);
    expect(afterFirst).toEqual({ balances: 9, positions: 2, orders: 169, orderEvents: 169, fills: 319, snapshots: 1, snapshotRows: 9, cursors: 3, cashFlows: 0 });
    const second = await run(T1);
    expect(second.batchId).not.toBe(first.batchId);
    expect(second).toMatchObject({ status: "succeeded", mode: "incremental" });
    expect(second.counts).toMatchObject({ ordersNew: 0, ordersChanged: 0, orderEvents: 0, fills: 0, snapshots: 0 });
    expect(await dataCounts(h.db)).toEqual(afterFirst);
    expect(await cursorsOf(h.db, connectionId)).toEqual({ orders: T1, fills: T1, cash_flows: T1 });
    expect((await verifyOrderEventChains(h.db, { allWorkspaces: true })).broken).toBeNull();
  });

  it("a crash between the writes (the snapshot insert fails after holdings, orders and fills were written) leaves no partial state and no cursor move", async () => {
    const before = await dataCounts(h.db);
    const rawBefore = (await h.db.select().from(syncRawResponses)).length;
    const [connBefore] = await h.db.select().from(connections).where(eq(connections.id, connectionId));
    await h.db.execute(sql`create function crash_now() returns trigger language plpgsql as $$ begin raise exception 'simulated crash'; end $$`);
    await h.db.execute(sql`create trigger crash_on_snapshot before insert on portfolio_snapshots for each row execute function crash_now()`);
    try {
      const err = await run(T2).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(SyncFailedError);
      expect(err).toMatchObject({ kind: "internal", retryable: false });
      // The database's reason, without the query text and its parameters.
      expect((err as SyncFailedError).message).toBe("simulated crash");
      const [batch] = await h.db.select().from(syncBatches).where(eq(syncBatches.id, (err as SyncFailedError).batchId));
      expect(batch).toMatchObject({ status: "failed", errorKind: "internal", error: "simulated crash" });
    } finally {
      await h.db.execute(sql`drop trigger crash_on_snapshot on portfolio_snapshots`);
      await h.db.execute(sql`drop function crash_now()`);
    }
    expect(await dataCounts(h.db)).toEqual(before);
    expect(await h.db.select().from(syncRawResponses)).toHaveLength(rawBefore);
    expect(await cursorsOf(h.db, connectionId)).toEqual({ orders: T1, fills: T1, cash_flows: T1 });
    const [connAfter] = await h.db.select().from(connections).where(eq(connections.id, connectionId));
    expect(connAfter).toMatchObject({ lastSuccessAt: connBefore!.lastSuccessAt, consecutiveFailures: 1 });
  });

  it("the rerun after the crash commits what the crashed run would have, and moves the cursors to T2", async () => {
    const before = await dataCounts(h.db);
    const r = await run(T2);
    expect(r.status).toBe("succeeded");
    expect(r.counts).toMatchObject({ ordersNew: 4, ordersChanged: 1, orderEvents: 6, fills: 7, snapshots: 1 });
    expect(await dataCounts(h.db)).toMatchObject({ fills: before.fills + r.counts.fills, snapshots: before.snapshots + 1 });
    expect(await dataCounts(h.db)).toEqual({ balances: 9, positions: 2, orders: 173, orderEvents: 175, fills: 326, snapshots: 2, snapshotRows: 18, cursors: 3, cashFlows: 0 });
    expect(await cursorsOf(h.db, connectionId)).toEqual({ orders: T2, fills: T2, cash_flows: T2 });
    expect((await verifyOrderEventChains(h.db, { allWorkspaces: true })).broken).toBeNull();
  });
});
