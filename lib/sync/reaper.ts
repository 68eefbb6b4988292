import type { Db } from "@/db/client";
import { markStaleSyncBatches } from "@/db/queries/sync-batches";

/** A run open longer than this has almost certainly lost its process (a normal run takes seconds to minutes). */
export const DEFAULT_STALE_AFTER_MS = 15 * 60_000;

/**
 * Marks runs still queued or running `staleAfterMs` after they were queued as stale, so a
 * crashed process does not leave a run "running" forever on the dashboard. Their data was
 * never half-written: a run's writes are one transaction. Returns how many were marked.
 */
export async function reapStaleSyncBatches(db: Db, p: { now: Date; staleAfterMs?: number }): Promise<number> {
  const staleAfterMs = p.staleAfterMs ?? DEFAULT_STALE_AFTER_MS;
  return markStaleSyncBatches(db, {
    before: new Date(p.now.getTime() - staleAfterMs),
    at: p.now,
    reason: `still open after ${Math.round(staleAfterMs / 60_000)} min: the process running it stopped or lost the database`,
  });
}
