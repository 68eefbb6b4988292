import type { ProviderId } from "@/lib/connectors/types";

/** Background work that is not a venue sync; each is one lib call `(db, { now })`. */
export const MAINTENANCE_TASKS = ["reap-stale-syncs", "reconcile", "end-of-day-snapshots", "snapshot-gaps", "ibkr-keepalive", "audit-rewalk", "retention", "history-nightly"] as const;
export type MaintenanceTaskId = (typeof MAINTENANCE_TASKS)[number];

export type ScheduleJob =
  /** Sync every interval-venue connection that is due (see `due.ts`). */
  | { kind: "interval-syncs" }
  /** Sync every active connection of one calendar venue. */
  | { kind: "venue-syncs"; provider: ProviderId }
  | { kind: "maintenance"; task: MaintenanceTaskId };

export interface ScheduleDefinition {
  /** Stable: it is the Inngest function id and the in-process job name. */
  id: string;
  /** Five-field cron (minute hour day-of-month month day-of-week), read in `timeZone`. */
  cron: string;
  /** IANA zone the cron is read in: a venue's own clock, so DST never moves it. */
  timeZone: string;
  job: ScheduleJob;
}

/** The interval schedule's tick: due connections are looked for once a minute. */
export const INTERVAL_TICK_MS = 60_000;

/**
 * Every background schedule, run by Inngest (one cron function each) or, without
 * Inngest, by the in-process scheduler (one croner job each). Why each time:
 */
export const SCHEDULES = [
  // Interval venues (crypto, wallets) have per-connection intervals of 1 to 10 minutes;
  // a minute tick dispatches whichever are due within the coming minute.
  { id: "interval-syncs", cron: "* * * * *", timeZone: "UTC", job: { kind: "interval-syncs" } },
  // NSE/BSE close at 15:30 IST and the closing session ends 16:00: holdings and the day's
  // positions are final by then. Weekdays only; on an exchange holiday the run reads
  // unchanged state, which costs one call set and writes nothing new.
  { id: "groww-after-close", cron: "0 16 * * 1-5", timeZone: "Asia/Kolkata", job: { kind: "venue-syncs", provider: "groww" } },
  // 1Token publishes hourly NAV points; ten minutes past the hour leaves the platform
  // time to value the hour just closed, so each run picks up exactly one new point.
  { id: "onetoken-nav", cron: "10 * * * *", timeZone: "UTC", job: { kind: "venue-syncs", provider: "onetoken" } },
  // IBKR Flex Activity statements are regenerated once a day at close of business and
  // are "not suitable for active polling" (venue-apis §6.2). 06:30 New York time is after
  // the overnight processing of the previous trading day and well before the 09:30 open;
  // set in New York time so the run keeps that place across DST. Daily (not Mon–Fri):
  // weekend runs pick up late corrections and cost one statement.
  { id: "ibkr-flex", cron: "30 6 * * *", timeZone: "America/New_York", job: { kind: "venue-syncs", provider: "ibkr" } },
  // Reconciliation: each connection's newest snapshot attributed per strategy (lib/attribution), hourly.
  { id: "reconcile", cron: "0 * * * *", timeZone: "UTC", job: { kind: "maintenance", task: "reconcile" } },
  // Each workspace's day closes at its own local midnight. Every zone in use is a whole
  // number of quarter hours from UTC (+05:30, +05:45, −03:30…), so a run five minutes after
  // each quarter hour closes every workspace's day five minutes after its midnight, once the
  // last syncs of the day landed. A run with nothing to close costs two small reads.
  { id: "end-of-day-snapshots", cron: "5,20,35,50 * * * *", timeZone: "UTC", job: { kind: "maintenance", task: "end-of-day-snapshots" } },
  // Sync runs left "running" by a crashed process are closed as failed.
  { id: "reap-stale-syncs", cron: "*/5 * * * *", timeZone: "UTC", job: { kind: "maintenance", task: "reap-stale-syncs" } },
  // Find (and backfill where a venue allows) missing snapshots; half past, away from reconcile.
  { id: "snapshot-gaps", cron: "30 * * * *", timeZone: "UTC", job: { kind: "maintenance", task: "snapshot-gaps" } },
  // IBKR Client Portal gateways drop an idle session after a few minutes and IBKR asks for
  // a /tickle about once a minute. Only connections configured with a gateway are touched.
  { id: "ibkr-keepalive", cron: "* * * * *", timeZone: "UTC", job: { kind: "maintenance", task: "ibkr-keepalive" } },
  // The full audit re-walk: every account's order-event chain from its first event, each
  // workspace in turn, saving checkpoints and alerting on a break. After-sync checks and the
  // order detail hash only what follows a checkpoint, so an edit to an older event surfaces
  // here, within a day. 03:30 UTC: night in Europe and the Americas, before the Indian
  // session (09:00 IST), and clear of the quarter-hour end-of-day runs.
  { id: "audit-rewalk", cron: "30 3 * * *", timeZone: "UTC", job: { kind: "maintenance", task: "audit-rewalk" } },
  // Bounded growth (lib/retention): thin old per-symbol snapshot detail and prune raw
  // responses, in small batches. Daily is enough: each run thins the one day that aged past
  // a threshold. 04:45 UTC: after the re-walk, clear of the quarter-hour end-of-day runs.
  { id: "retention", cron: "45 4 * * *", timeZone: "UTC", job: { kind: "maintenance", task: "retention" } },
  // History reconstruction (lib/history/reconstruct-when.ts): daily closes are stored for
  // completed UTC days only, and the day just closed has its final candle from 00:00 UTC.
  // 00:40 UTC reads it (one candle read per asset) and rewrites each connection's
  // reconstructed days; clear of the quarter-hour end-of-day runs and the 03:30 re-walk.
  { id: "history-nightly", cron: "40 0 * * *", timeZone: "UTC", job: { kind: "maintenance", task: "history-nightly" } },
] as const satisfies readonly ScheduleDefinition[];

export type ScheduleId = (typeof SCHEDULES)[number]["id"];

/** Inngest's cron syntax carries the zone in the expression: "TZ=Asia/Kolkata 0 16 * * 1-5". */
export function inngestCron(def: Pick<ScheduleDefinition, "cron" | "timeZone">): string {
  return `TZ=${def.timeZone} ${def.cron}`;
}
