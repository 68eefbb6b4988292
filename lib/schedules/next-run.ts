import { Cron } from "croner";
import type { ConnectionStatus } from "@/db/schema";
import { cadenceOf, intervalSecondsOf, isProvider } from "@/lib/connectors/sync-cadence";
import { SCHEDULES, type ScheduleDefinition } from "./definitions";
import { nextDueAt } from "./due";

/**
 * A connection's background schedule as a person reads it: the interval it is polled at
 * (within its venue's range) or the venue's fixed schedule, and when it next runs. The
 * same rules the schedulers follow (`nextDueAt`, the `venue-syncs` rows of SCHEDULES), so
 * the page never promises a run the scheduler will not make.
 */
export type ConnectionSchedule =
  | { kind: "interval"; seconds: number; minSeconds: number; maxSeconds: number }
  | { kind: "calendar"; scheduleId: string; cron: string; timeZone: string; description: string };

export interface NextRun {
  /** Null when nothing will run by itself; `why` says what stops it. */
  at: Date | null;
  why: string | null;
}

/** What a calendar venue's cron means, in words, for its schedule row. */
const CALENDAR_DESCRIPTIONS: Record<string, string> = {
  "groww-after-close": "Mondays to Fridays at 16:00 Asia/Kolkata, after the NSE/BSE close",
  "onetoken-nav": "Every hour at 10 minutes past (UTC), after 1Token values the hour",
  "ibkr-flex": "Daily at 06:30 America/New_York, after IBKR's overnight statements",
};

function calendarScheduleOf(provider: string): ScheduleDefinition | undefined {
  return (SCHEDULES as readonly ScheduleDefinition[]).find((s) => s.job.kind === "venue-syncs" && s.job.provider === provider);
}

export function scheduleOf(c: { provider: string; syncIntervalSeconds: number }): ConnectionSchedule | null {
  if (!isProvider(c.provider)) return null;
  const cadence = cadenceOf(c.provider);
  if (cadence.kind === "interval") {
    return { kind: "interval", seconds: intervalSecondsOf(c)!, minSeconds: cadence.minSeconds, maxSeconds: cadence.maxSeconds };
  }
  const def = calendarScheduleOf(c.provider);
  if (!def) return null;
  return { kind: "calendar", scheduleId: def.id, cron: def.cron, timeZone: def.timeZone, description: CALENDAR_DESCRIPTIONS[def.id] ?? `${def.cron} (${def.timeZone})` };
}

/**
 * When the next background run starts. `schedulerOn`: whether anything runs schedules in
 * this deployment (Inngest, or the in-process scheduler unless SCHEDULER=off).
 */
export function nextRunOf(
  c: {
    id: string;
    provider: string;
    status: ConnectionStatus;
    syncIntervalSeconds: number;
    lastSyncAt: Date | null;
    retryNotBefore: Date | null;
    createdAt: Date;
  },
  p: { now: Date; schedulerOn: boolean },
): NextRun {
  if (c.status === "paused") return { at: null, why: "Paused: runs only when someone presses Resync" };
  if (c.status === "needs_attention") return { at: null, why: "Stopped until its credentials or permissions are fixed" };
  if (!p.schedulerOn) return { at: null, why: "Background syncs are off on this server (SCHEDULER=off)" };
  const schedule = scheduleOf(c);
  if (!schedule) return { at: null, why: `No schedule for provider "${c.provider}"` };
  if (schedule.kind === "interval") {
    const due = nextDueAt({ ...c, ownerId: "" })!;
    // Overdue runs start at the next minute tick of the interval schedule.
    return { at: due < p.now ? new Date(Math.ceil(p.now.getTime() / 60_000) * 60_000) : due, why: null };
  }
  const next = new Cron(schedule.cron, { timezone: schedule.timeZone, paused: true }).nextRun(p.now);
  if (!next) return { at: null, why: "The venue's schedule has no further run" };
  const at = c.retryNotBefore && c.retryNotBefore > next ? c.retryNotBefore : next;
  return { at, why: null };
}
