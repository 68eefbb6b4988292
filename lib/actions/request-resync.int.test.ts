import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { createConnection } from "@/db/queries/connections";
import { getSyncBatch } from "@/db/queries/sync-batches";
import { createWorkspace, ensurePersonalWorkspace } from "@/db/queries/workspaces";
import { connections, syncBatches } from "@/db/schema";
import { openTestDb } from "@/db/testing";
import { syncBatchSchema } from "@/lib/read-models/dashboard-schemas";
import { toSyncBatchView } from "@/lib/read-models/sync-batch-view";
import { requestResync, type SyncQueue } from "./request-resync";
import { demoAt, offline } from "@/lib/sync/test-support";

let h: DbHandle;
let ownerId: string;
let connectionId: string;
const NOW = new Date("2026-11-20T09:00:00Z");
const syncOptions = { ...offline, connector: demoAt(NOW, {}, "r") };

beforeAll(async () => {
  h = await openTestDb();
  ownerId = (await ensurePersonalWorkspace(h.db)).id;
  connectionId = (await createConnection(h.db, { ownerId, provider: "demo", label: "Demo", config: { seed: "r" } })).id;
});
afterAll(async () => h?.close());

describe("requestResync", () => {
  it("embedded: answers with the batch id before the run ends; the run then succeeds and the connection shows when", async () => {
    const { result, settled } = await requestResync(h.db, { ownerId, now: () => NOW, syncOptions });
    expect(result).toEqual({ ok: true, mode: "inline", syncedAt: null, connections: 1, batchIds: [expect.any(String)] });
    const batchId = result.ok ? result.batchIds[0]! : "";
    expect(["queued", "running"]).toContain((await getSyncBatch(h.db, { ownerId, batchId })).status);
    await settled;
    const batch = await getSyncBatch(h.db, { ownerId, batchId });
    expect(batch).toMatchObject({ trigger: "manual", status: "succeeded", mode: "initial" });
    const [conn] = await h.db.select().from(connections).where(eq(connections.id, connectionId));
    expect(conn!.lastSyncAt).toEqual(NOW);
  });

  it("a second press while the first run is in progress joins it: the same batch id, one batch row", async () => {
    const before = (await h.db.select().from(syncBatches)).length;
    const first = await requestResync(h.db, { ownerId, now: () => NOW, syncOptions });
    const second = await requestResync(h.db, { ownerId, now: () => NOW, syncOptions });
    expect(second.result).toEqual(first.result);
    await Promise.all([first.settled, second.settled]);
    expect(await h.db.select().from(syncBatches)).toHaveLength(before + 1);
  });

  it("the batch reads back through the API contract for its owner only", async () => {
    const [latest] = await h.db.select().from(syncBatches).where(eq(syncBatches.connectionId, connectionId));
    const view = syncBatchSchema.parse(toSyncBatchView(await getSyncBatch(h.db, { ownerId, batchId: latest!.id })));
    expect(view).toMatchObject({ id: latest!.id, connectionId, status: "succeeded", failedStreams: [], counts: { balances: 9, positions: 2 } });
    const stranger = await createWorkspace(h.db, { name: "Peek", slug: "peek" });
    await expect(getSyncBatch(h.db, { ownerId: stranger.id, batchId: latest!.id })).rejects.toThrow("sync batch not found");
  });

  it("with Inngest: queues one event per active connection and syncs nothing here", async () => {
    const before = (await h.db.select().from(syncBatches)).length;
    const queued: unknown[] = [];
    const queue: SyncQueue = { enqueue: async (t) => void queued.push(...t) };
    const { result } = await requestResync(h.db, { ownerId, queue });
    expect(result).toEqual({ ok: true, mode: "queued", syncedAt: null, connections: 1, batchIds: [] });
    expect(queued).toEqual([{ ownerId, connectionId, provider: "demo" }]);
    expect(await h.db.select().from(syncBatches)).toHaveLength(before);
  });

  it("an unreachable queue is a clear error, not a crash", async () => {
    const queue: SyncQueue = {
      enqueue: async () => {
        throw new Error("connect ECONNREFUSED 127.0.0.1:8288");
      },
    };
    expect((await requestResync(h.db, { ownerId, queue })).result).toEqual({
      ok: false,
      error: "Could not queue the sync: connect ECONNREFUSED 127.0.0.1:8288",
    });
  });

  it("a connection the policy flagged (needs_attention) is tried again by 'all', and its successful run reactivates it", async () => {
    await h.db.update(connections).set({ status: "needs_attention", statusSetByPolicyAt: NOW }).where(eq(connections.id, connectionId));
    const { result, settled } = await requestResync(h.db, { ownerId, now: () => NOW, syncOptions });
    expect(result).toMatchObject({ ok: true, mode: "inline", connections: 1 });
    await settled;
    const [conn] = await h.db.select().from(connections).where(eq(connections.id, connectionId));
    expect(conn).toMatchObject({ status: "active", statusSetByPolicyAt: null });
  });

  it("another owner's connection is not found; a connection a person paused is left out of 'all', but runs when named", async () => {
    const stranger = await createWorkspace(h.db, { name: "Stranger", slug: "stranger" });
    expect((await requestResync(h.db, { ownerId: stranger.id, connectionId })).result).toEqual({ ok: false, error: "Connection not found" });
    await h.db.update(connections).set({ status: "paused" }).where(eq(connections.id, connectionId));
    expect((await requestResync(h.db, { ownerId })).result).toEqual({ ok: false, error: "No active connection to sync" });
    const named = await requestResync(h.db, { ownerId, connectionId, now: () => NOW, syncOptions });
    expect(named.result).toMatchObject({ ok: true, mode: "inline", connections: 1 });
    await named.settled;
  });
});
