import type { Db } from "@/db/client";
import { insertEndOfDaySnapshots, latestSnapshotsBefore, listClosedDays, listConnectionsForEndOfDay } from "@/db/queries/end-of-day";
import { calculateEndOfDay, endedLocalDays, groupConnectionsForEndOfDay, type EndOfDayDraft } from "./end-of-day-calculate";
import { gapThresholdMs } from "./gaps-calculate";

/**
 * Days looked at on each run: the day that just ended and the six before it, so a close
 * missed while the app was down is written on the next run from the snapshots that exist.
 */
export const END_OF_DAY_CATCH_UP_DAYS = 7;

/**
 * Writes the end-of-day snapshot of each portfolio, and of each owner's connections that
 * belong to no single portfolio (see end-of-day-calculate.ts), for the local day that just
 * ended in the workspace's time zone (and any of the previous six not written yet). The
 * schedule runs this several times an hour, so each workspace's day is closed soon after its
 * own midnight. Each connection is carried forward at its latest snapshot (in the
 * workspace's base currency) before that midnight; a connection whose snapshot is older
 * than its gap threshold at that point is listed as stale, one with none as missing.
 * Idempotent: one row per (owner, portfolio, day), and a day already closed is not
 * recomputed; returns how many rows were new.
 */
export async function captureEndOfDaySnapshots(db: Db, p: { now: Date }): Promise<number> {
  const connections = await listConnectionsForEndOfDay(db);
  if (connections.length === 0) return 0;
  const byZone = new Map<string, typeof connections>();
  for (const c of connections) byZone.set(c.timeZone, [...(byZone.get(c.timeZone) ?? []), c]);
  const daysByZone = new Map([...byZone.keys()].map((zone) => [zone, endedLocalDays(p.now.getTime(), END_OF_DAY_CATCH_UP_DAYS, zone)]));
  const fromDay = [...daysByZone.values()].map((days) => days[0]!.day).sort()[0]!;
  const key = (ownerId: string, portfolioId: string | null, day: string) => `${ownerId}/${portfolioId ?? ""}/${day}`;
  const closed = new Set((await listClosedDays(db, { fromDay })).map((r) => key(r.ownerId, r.portfolioId, r.day)));

  let written = 0;
  for (const [zone, zoneConnections] of byZone) {
    for (const day of daysByZone.get(zone)!) {
      // A deleted connection counts at the closes before its deletion, and at none after.
      const counted = zoneConnections.filter((c) => c.deletedAt === null || c.deletedAt.getTime() >= day.endMs);
      const groups = groupConnectionsForEndOfDay(counted.map((c) => ({ ...c, staleAfterMs: gapThresholdMs(c) })));
      const open = groups.filter((g) => !closed.has(key(g.ownerId, g.portfolioId, day.day)));
      if (open.length === 0) continue;
      const ownerIds = [...new Set(open.map((g) => g.ownerId))];
      const latest = new Map((await latestSnapshotsBefore(db, { before: new Date(day.endMs), ownerIds })).map((s) => [s.connectionId, s]));
      const drafts = open.map((g) => calculateEndOfDay(g, day, latest)).filter((d): d is EndOfDayDraft => d !== null);
      written += await insertEndOfDaySnapshots(db, drafts);
    }
  }
  return written;
}
