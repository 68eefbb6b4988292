// The sync vocabulary as plain values, free of drizzle, so browser code (API schemas)
// can import it without pulling the table definitions into its bundle.

export const SYNC_TRIGGERS = ["cron", "manual", "event", "backfill", "startup"] as const;
export type SyncTrigger = (typeof SYNC_TRIGGERS)[number];
/**
 * queued → running → succeeded | partial | failed. `stale` is set by the reaper on a run
 * open far too long: its process most likely died, and then it wrote nothing (the run's
 * writes are one transaction). A run that was only slow and commits after all overwrites
 * `stale` with its real outcome.
 */
export const SYNC_STATUSES = ["queued", "running", "succeeded", "partial", "failed", "stale"] as const;
export type SyncStatus = (typeof SYNC_STATUSES)[number];
/** Statuses of a run that has not ended (yet): what the reaper and a poller look at. */
export const OPEN_SYNC_STATUSES = ["queued", "running"] as const satisfies readonly SyncStatus[];
/**
 * initial: no cursor yet, reads the history window; incremental: from the cursors;
 * backfill: an explicit older window; repair: re-reads the history window to fill holes.
 */
export const SYNC_MODES = ["initial", "incremental", "backfill", "repair"] as const;
export type SyncMode = (typeof SYNC_MODES)[number];
/** Streams that may fail on their own without discarding the run (holdings may not). */
export const INDEPENDENT_STREAMS = ["orders", "fills", "nav", "cash_flows"] as const;
export type IndependentStream = (typeof INDEPENDENT_STREAMS)[number];
