import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { createConnection } from "@/db/queries/connections";
import { createUser, ensureLocalOwner } from "@/db/queries/users";
import { connections, syncBatches } from "@/db/schema";
import { openTestDb } from "@/db/testing";
import { requestResync, type SyncQueue } from "./request-resync";

let h: DbHandle;
let ownerId: string;
let connectionId: string;
const NOW = new Date("2026-11-20T09:00:00Z");

beforeAll(async () => {
  h = await openTestDb();
  ownerId = (await ensureLocalOwner(h.db)).id;
  connectionId = (await createConnection(h.db, { ownerId, provider: "demo", label: "Demo", config: { seed: "r" } })).id;
});
afterAll(async () => h?.close());

describe("requestResync", () => {
  it("embedded: syncs inline and reports when", async () => {
    const r = await requestResync(h.db, { ownerId, now: () => NOW });
    expect(r).toEqual({ ok: true, mode: "inline", syncedAt: NOW.toISOString(), connections: 1 });
    const batches = await h.db.select().from(syncBatches).where(eq(syncBatches.connectionId, connectionId));
    expect(batches).toEqual([expect.objectContaining({ trigger: "manual", status: "succeeded" })]);
  });

  it("with Inngest: queues one event per active connection and syncs nothing here", async () => {
    const queued: unknown[] = [];
    const queue: SyncQueue = { enqueue: async (t) => void queued.push(...t) };
    const r = await requestResync(h.db, { ownerId, queue });
    expect(r).toEqual({ ok: true, mode: "queued", syncedAt: null, connections: 1 });
    expect(queued).toEqual([{ ownerId, connectionId }]);
    expect(await h.db.select().from(syncBatches)).toHaveLength(1);
  });

  it("an unreachable queue is a clear error, not a crash", async () => {
    const queue: SyncQueue = {
      enqueue: async () => {
        throw new Error("connect ECONNREFUSED 127.0.0.1:8288");
      },
    };
    expect(await requestResync(h.db, { ownerId, queue })).toEqual({
      ok: false,
      error: "Could not queue the sync: connect ECONNREFUSED 127.0.0.1:8288",
    });
  });

  it("another owner's connection is not found; a paused connection is not synced", async () => {
    const stranger = await createUser(h.db, { email: "stranger@example.com", name: "Stranger" });
    expect(await requestResync(h.db, { ownerId: stranger.id, connectionId })).toEqual({ ok: false, error: "Connection not found" });
    await h.db.update(connections).set({ status: "paused" }).where(eq(connections.id, connectionId));
    expect(await requestResync(h.db, { ownerId })).toEqual({ ok: false, error: "No active connection to sync" });
  });
});
