import type { Db } from "@/db/client";
import { insertEndOfDaySnapshots, latestSnapshotsBefore, listConnectionsForEndOfDay } from "@/db/queries/end-of-day";
import { calculateEndOfDay, endedUtcDays, groupConnectionsForEndOfDay, type EndOfDayDraft } from "./end-of-day-calculate";
import { gapThresholdMs } from "./gaps-calculate";

/**
 * Days looked at on each run: the day that just ended and the six before it, so a close
 * missed while the app was down is written on the next run from the snapshots that exist.
 */
export const END_OF_DAY_CATCH_UP_DAYS = 7;

/**
 * Writes the end-of-day snapshot of each portfolio, and of each owner's connections that
 * belong to no single portfolio (see end-of-day-calculate.ts), for the UTC day that just
 * ended (and any of the previous six not written yet). Each connection is carried forward
 * at its latest snapshot before the next midnight; a connection whose snapshot is older
 * than its gap threshold at that point is listed as stale, one with none as missing.
 * Idempotent: one row per (owner, portfolio, day); returns how many rows were new.
 */
export async function captureEndOfDaySnapshots(db: Db, p: { now: Date }): Promise<number> {
  const connections = await listConnectionsForEndOfDay(db);
  if (connections.length === 0) return 0;

  let written = 0;
  for (const day of endedUtcDays(p.now.getTime(), END_OF_DAY_CATCH_UP_DAYS)) {
    // A deleted connection counts at the closes before its deletion, and at none after.
    const counted = connections.filter((c) => c.deletedAt === null || c.deletedAt.getTime() >= day.endMs);
    if (counted.length === 0) continue;
    const groups = groupConnectionsForEndOfDay(counted.map((c) => ({ ...c, staleAfterMs: gapThresholdMs(c) })));
    const latest = new Map((await latestSnapshotsBefore(db, { before: new Date(day.endMs) })).map((s) => [s.connectionId, s]));
    const drafts = groups.map((g) => calculateEndOfDay(g, day, latest)).filter((d): d is EndOfDayDraft => d !== null);
    written += await insertEndOfDaySnapshots(db, drafts);
  }
  return written;
}
