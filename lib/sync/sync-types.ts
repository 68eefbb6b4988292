import { CANCELLED_BY_DELETE } from "@/db/queries/connection-lifecycle";
import type { FailedStream, SyncCounts, SyncMode, SyncTrigger } from "@/db/schema";
import type { WebhookConfig } from "@/lib/alerts/notify";
import type { Connector } from "@/lib/connectors/types";
import type { ReferencePriceSource } from "@/lib/prices/reference";


export interface SyncOptions {
  ownerId: string;
  connectionId: string;
  trigger: SyncTrigger;
  /** The clock of this run (and of the demo venue). */
  now?: () => Date;
  /** Injected connector, for tests; otherwise built from the stored connection. */
  connector?: Connector;
  /**
   * Prices for what the venue cannot price itself (USDT, INR in USD). Undefined: the
   * process default (`defaultReferencePrices`); null: none, so no request leaves the run.
   */
  referencePrices?: ReferencePriceSource | null;
  /** Re-read an older window instead of reading from the cursors. */
  mode?: "backfill" | "repair";
  /** Start of a backfill; the connection's history window when absent. */
  backfillFrom?: Date;
  /** Where new alerts go. Undefined: the webhook from the environment; null: none. */
  webhook?: WebhookConfig | null;
  /** Operator log lines (a reference price source that failed); console.warn when absent. */
  log?: (line: string) => void;
  /**
   * A background run planned for this due time: it is skipped (SyncSkippedError) when a run
   * of the connection was already queued at or after it, open or committed (another
   * process fired the same schedule). The check and the queueing are one step under the
   * connection's advisory lock. Absent: the run always starts.
   */
  scheduledFor?: Date;
}

export interface SyncResult {
  batchId: string;
  /** `partial`: holdings and a snapshot committed, and `failedStreams` did not. */
  status: "succeeded" | "partial";
  mode: SyncMode;
  counts: SyncCounts;
  failedStreams: FailedStream[];
  /** Assets the snapshot could not value in the base currency. */
  unpriced: string[];
  durationMs: number;
  snapshotId: string | null;
  finishedAt: Date;
  /** Order events hashed by the run's audit check: the new ones only (from each account's checkpoint). */
  auditedEvents: number;
  /** The earliest time among the fills and cash flows this run stored for the first time (null if none). */
  earliestNewAt: Date | null;
}

/**
 * A sync that failed; already recorded on its batch and connection, and alerted. `kind` is
 * the ConnectorError kind ("internal" for anything else); `retryable` says whether trying
 * again later can help; `retryAfterSeconds` is the venue's own Retry-After, when it sent one.
 */
export class SyncFailedError extends Error {
  constructor(
    readonly batchId: string,
    readonly kind: string,
    readonly retryable: boolean,
    message: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = "SyncFailedError";
  }
}

/** Another process already took this scheduled run (SyncOptions.scheduledFor): no batch, nothing read. */
export class SyncSkippedError extends Error {
  constructor(readonly connectionId: string) {
    super("already run: another process took this scheduled run");
    this.name = "SyncSkippedError";
  }
}

/** The connection was deleted while the run was reading the venue: the run saves nothing. */
export class SyncCancelledError extends Error {
  constructor() {
    super(CANCELLED_BY_DELETE);
    this.name = "SyncCancelledError";
  }
}
