import type { Db } from "@/db/client";
import { listConnections } from "@/db/queries/connections";
import type { ResyncResult } from "@/lib/read-models/dashboard-schemas";
import { reconstructAfterSync } from "@/lib/history/reconstruct-when";
import { redact } from "@/lib/security/redact";
import { startSync, type StartedSync, type SyncOptions } from "@/lib/sync/sync-connection";

/** Where a queued resync goes: Inngest's `send`, or anything with its shape. */
export interface SyncQueue {
  enqueue(targets: Array<{ ownerId: string; connectionId: string; provider: string }>): Promise<void>;
}

export interface ResyncRequest {
  result: ResyncResult;
  /**
   * Resolves when every inline run has ended, with the reconstruction of its connection's past
   * where the run reached back before it (lib/history/reconstruct-when.ts: a first sync, a
   * backfill). Never rejects: outcomes are on the batches and the history runs.
   */
  settled: Promise<void>;
}

const nothingRunning = Promise.resolve();

/**
 * "Resync now" for a viewer: their connections that are active or were stopped by the
 * failure policy, or the one named (whatever its status: a person asking for one
 * connection is checking that it works again). A successful run lifts the policy's stop.
 * Queued when a queue is given (Inngest carries the syncs, and its sync function the
 * reconstruction); otherwise started here, and answered as soon as each run has its batch,
 * so the caller can follow the runs by id.
 *
 * A venue's Retry-After is honoured even here: pressing the button during a ban would
 * only lengthen it.
 */
export async function requestResync(
  db: Db,
  p: {
    ownerId: string;
    connectionId?: string;
    queue?: SyncQueue;
    now?: () => Date;
    /** Passed to each run (tests inject a connector, no reference prices, no webhook). */
    syncOptions?: Omit<SyncOptions, "ownerId" | "connectionId" | "trigger" | "now">;
  },
): Promise<ResyncRequest> {
  const now = (p.now ?? (() => new Date()))();
  const owned = await listConnections(db, { ownerId: p.ownerId });
  // "All" is every connection not paused by a person: one the failure policy stopped is
  // exactly what someone pressing Resync after fixing its key wants tried again.
  const candidates = p.connectionId
    ? owned.filter((c) => c.id === p.connectionId)
    : owned.filter((c) => c.status === "active" || c.statusSetByPolicyAt !== null);
  if (p.connectionId && candidates.length === 0) return done({ ok: false, error: "Connection not found" });
  if (candidates.length === 0) return done({ ok: false, error: "No active connection to sync" });
  const targets = candidates.filter((c) => !c.retryNotBefore || c.retryNotBefore <= now);
  if (targets.length === 0) {
    const until = Math.min(...candidates.flatMap((c) => (c.retryNotBefore ? [c.retryNotBefore.getTime()] : [])));
    return done({ ok: false, error: `The venue asked us to wait until ${new Date(until).toISOString()}; try again then` });
  }

  if (p.queue) {
    try {
      await p.queue.enqueue(targets.map((c) => ({ ownerId: p.ownerId, connectionId: c.id, provider: c.provider })));
    } catch (e) {
      return done({ ok: false, error: `Could not queue the sync: ${redact(e instanceof Error ? e.message : String(e))}` });
    }
    return done({ ok: true, mode: "queued", syncedAt: null, connections: targets.length, batchIds: [] });
  }

  const started: StartedSync[] = [];
  for (const c of targets) {
    started.push(
      await startSync(db, { ...p.syncOptions, ownerId: p.ownerId, connectionId: c.id, trigger: "manual", now: p.now }),
    );
  }
  const clock = p.now ?? (() => new Date());
  // A run this request only joined is followed by its starter's reconstruction, not a second one.
  const followed = started.map((s) =>
    s.coalesced ? s.done : s.done.then((r) => reconstructAfterSync(db, { ownerId: p.ownerId, connectionId: s.connectionId, earliestNewAt: r.earliestNewAt, now: clock() })),
  );
  const settled = Promise.allSettled(followed).then(() => undefined);
  return {
    result: { ok: true, mode: "inline", syncedAt: null, connections: started.length, batchIds: started.map((s) => s.batchId) },
    settled,
  };
}

function done(result: ResyncResult): ResyncRequest {
  return { result, settled: nothingRunning };
}
