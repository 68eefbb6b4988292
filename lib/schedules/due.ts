import type { ProviderId } from "@/lib/connectors/types";
import { intervalSecondsOf, isProvider } from "@/lib/connectors/sync-cadence";
import { jitterSeconds } from "./jitter";

/** What the interval schedule needs to know about a connection. */
export interface ScheduledConnection {
  id: string;
  ownerId: string;
  provider: string;
  syncIntervalSeconds: number;
  /** End of the last run, failed or not: a failing venue is not retried faster than its interval. */
  lastSyncAt: Date | null;
  /** The venue's Retry-After as an instant (set by the sync's failure policy): no background sync before it. */
  retryNotBefore: Date | null;
  createdAt: Date;
}

export type DueConnection = ScheduledConnection & { provider: ProviderId; dueAt: Date };

/**
 * When the connection's next background sync is due: `lastSyncAt + interval + jitter`,
 * or later if the venue asked for a pause (Retry-After). A connection never synced is due
 * from its creation, a fixed instant, so the same due time (and the same dedupe key) is
 * computed on every tick until its first run ends.
 */
export function nextDueAt(c: ScheduledConnection): Date | null {
  const interval = intervalSecondsOf(c);
  if (interval === null) return null;
  const due = c.lastSyncAt ? c.lastSyncAt.getTime() + (interval + jitterSeconds(c.id, interval)) * 1000 : c.createdAt.getTime();
  return new Date(Math.max(due, c.retryNotBefore?.getTime() ?? due));
}

export function isDue(c: ScheduledConnection, now: Date): boolean {
  const due = nextDueAt(c);
  return due !== null && due.getTime() <= now.getTime();
}

/**
 * The interval connections due by `now + withinMs`, earliest first. A scheduler that
 * ticks once a minute passes its tick length: a connection due 20 s after this tick is
 * dispatched now, to start at its due time, instead of waiting for the next tick (which
 * would stretch every 5-minute interval to 6 minutes, since a run always ends a few
 * seconds after the tick that started it).
 */
export function dueConnections(rows: readonly ScheduledConnection[], now: Date, withinMs = 0): DueConnection[] {
  const horizon = now.getTime() + withinMs;
  const out: DueConnection[] = [];
  for (const row of rows) {
    const dueAt = nextDueAt(row);
    if (dueAt === null || dueAt.getTime() > horizon || !isProvider(row.provider)) continue;
    out.push({ ...row, provider: row.provider, dueAt });
  }
  return out.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || a.id.localeCompare(b.id));
}

/**
 * A calendar venue's run syncs all its connections now, except that one the venue asked
 * to leave alone (Retry-After) starts when allowed instead: skipping it would miss the
 * day's only run.
 */
export function calendarSyncs(rows: readonly ScheduledConnection[], now: Date): DueConnection[] {
  const out: DueConnection[] = [];
  for (const row of rows) {
    if (!isProvider(row.provider)) continue;
    const dueAt = row.retryNotBefore && row.retryNotBefore > now ? row.retryNotBefore : now;
    out.push({ ...row, provider: row.provider, dueAt });
  }
  return out;
}
