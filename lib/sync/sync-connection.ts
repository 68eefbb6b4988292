import type { Db } from "@/db/client";
import { getConnection } from "@/db/queries/connections";
import { queueScheduledSyncBatch, queueSyncBatch } from "@/db/queries/sync-batches";
import { runSync } from "./run-sync";
import { SyncSkippedError, type SyncOptions, type SyncResult } from "./sync-types";

export { SyncFailedError, SyncSkippedError, type SyncOptions, type SyncResult } from "./sync-types";

/** A run that has its batch row: the id to follow now, the outcome later. */
export interface StartedSync {
  batchId: string;
  connectionId: string;
  /** True when this request joined a run already in progress in this process. */
  coalesced: boolean;
  /** Resolves with the outcome; rejects with SyncFailedError when the run failed. */
  done: Promise<SyncResult>;
}

// Runs in progress in this process, per database handle and connection. Two handles are
// two writers (two processes, in effect): they are kept apart by the advisory lock instead.
const running = new WeakMap<Db, Map<string, Promise<StartedSync>>>();

/**
 * Starts syncing one connection and resolves as soon as its batch row exists, with the id
 * a caller can follow while the run continues. A request for a connection whose run is
 * still in progress in this process joins that run (same batch) instead of starting one.
 * Rejects only when the connection is not the owner's (NotFoundError), or with
 * SyncSkippedError when another process already took the scheduled run (`scheduledFor`).
 */
export function startSync(db: Db, opts: SyncOptions): Promise<StartedSync> {
  let inProcess = running.get(db);
  if (!inProcess) running.set(db, (inProcess = new Map()));
  const inFlight = inProcess.get(opts.connectionId);
  if (inFlight) return inFlight.then((s) => ({ ...s, coalesced: true }));

  const started = begin(db, opts);
  const registry = inProcess;
  registry.set(opts.connectionId, started);
  const release = () => {
    if (registry.get(opts.connectionId) === started) registry.delete(opts.connectionId);
  };
  // Released when the run ends, whatever its outcome; this also marks `done` as handled,
  // so a caller that only wanted the batch id leaves no unhandled rejection behind.
  started.then((s) => s.done.then(release, release), release);
  return started;
}

async function begin(db: Db, opts: SyncOptions): Promise<StartedSync> {
  const now = opts.now ?? (() => new Date());
  const conn = await getConnection(db, { ownerId: opts.ownerId, connectionId: opts.connectionId });
  const queue = { ownerId: opts.ownerId, connectionId: conn.id, trigger: opts.trigger, at: now() };
  const batchId = opts.scheduledFor ? await queueScheduledSyncBatch(db, { ...queue, dueAt: opts.scheduledFor }) : await queueSyncBatch(db, queue);
  if (batchId === null) throw new SyncSkippedError(conn.id);
  return { batchId, connectionId: conn.id, coalesced: false, done: runSync(db, { conn, batchId, opts: { ...opts, now } }) };
}

/** Syncs one connection as one unit and waits for the outcome. */
export async function syncConnection(db: Db, opts: SyncOptions): Promise<SyncResult> {
  return (await startSync(db, opts)).done;
}
