import type { Db } from "@/db/client";
import { listConnections } from "@/db/queries/connections";
import type { ResyncResult } from "@/lib/api/dashboard-schemas";
import { syncConnections } from "./sync-active";

/** Where a queued resync goes: Inngest's `send`, or anything with its shape. */
export interface SyncQueue {
  enqueue(targets: Array<{ ownerId: string; connectionId: string }>): Promise<void>;
}

/**
 * "Resync now" for a viewer: their active connections, or the one named. Queued when a
 * queue is given (Inngest carries the syncs), otherwise run inline, one after another.
 */
export async function requestResync(
  db: Db,
  p: { ownerId: string; connectionId?: string; queue?: SyncQueue; now?: () => Date },
): Promise<ResyncResult> {
  const owned = (await listConnections(db, { ownerId: p.ownerId })).filter((c) => c.status === "active");
  const targets = p.connectionId ? owned.filter((c) => c.id === p.connectionId) : owned;
  if (p.connectionId && targets.length === 0) return { ok: false, error: "Connection not found" };
  if (targets.length === 0) return { ok: false, error: "No active connection to sync" };

  if (p.queue) {
    try {
      await p.queue.enqueue(targets.map((c) => ({ ownerId: p.ownerId, connectionId: c.id })));
    } catch (e) {
      return { ok: false, error: `Could not queue the sync: ${e instanceof Error ? e.message : String(e)}` };
    }
    return { ok: true, mode: "queued", syncedAt: null, connections: targets.length };
  }

  const results = await syncConnections(
    db,
    targets.map((c) => ({ id: c.id, ownerId: p.ownerId })),
    "manual",
    p.now,
  );
  const failed = results.filter((r) => !r.ok);
  if (failed.length === results.length) return { ok: false, error: failed.map((f) => f.error).join("; ") };
  const syncedAt = (p.now ?? (() => new Date()))().toISOString();
  return { ok: true, mode: "inline", syncedAt, connections: results.length - failed.length };
}
