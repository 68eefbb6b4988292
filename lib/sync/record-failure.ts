import { DrizzleQueryError } from "drizzle-orm/errors";
import type { Db } from "@/db/client";
import type { SyncProgress } from "@/db/schema";
import { lockConnectionHealth, saveConnectionHealth, type ConnectionHealth } from "@/db/queries/connections";
import { failSyncBatch, type BatchApiStats } from "@/db/queries/sync-batches";
import { isConnectorError } from "@/lib/connectors/errors";
import { redact } from "@/lib/security/redact";
import { healthAfterFailure } from "./connection-health";
import { alertSyncFailure, type AlertContext } from "./sync-alerts";
import { SyncFailedError } from "./sync-types";

export interface FailureDescription {
  kind: string;
  message: string;
  retryable: boolean;
  retryAfterSeconds?: number;
}

/**
 * Any error as what the batch records (and the dashboard shows). Connector messages are
 * redacted at the source. A failed query is reported by the database's own reason: the
 * query text and its parameters (venue payloads) stay out of the batch and the browser.
 */
export function describeFailure(e: unknown): FailureDescription {
  if (isConnectorError(e)) return { kind: e.kind, message: e.message, retryable: e.retryable, retryAfterSeconds: e.retryAfterSeconds };
  const reason = e instanceof DrizzleQueryError ? (e.cause ?? new Error("database query failed")) : e;
  const message = redact(reason instanceof Error ? reason.message : String(reason));
  // Not a venue error: a bug or the database. Retrying the same code on the same data rarely helps.
  return { kind: "internal", message, retryable: false };
}

/** How long recording a failure may wait for the database before the run gives up on it. */
export const RECORD_FAILURE_DEADLINE_MS = 20_000;

/**
 * Records a failed run: the batch, then the connection's health under the failure policy
 * (one transaction, the connection row locked), then the alerts. Returns the error to
 * throw, carrying what a retrying caller (Inngest) needs.
 *
 * The failure is often the database itself (restarted, shutting down), so recording it may
 * fail too, or never answer: postgres.js 3.4.9 can leave a query on a connection opened
 * while the server restarts unsettled for good, with no timer behind it. Either way the run
 * still ends, with the original reason, and says the batch was not recorded: the reaper
 * closes it later (lib/sync/reaper.ts). Without the deadline a CLI run exits silently
 * (status 13, an unsettled await) and a server keeps the run "in progress" in this process,
 * so every later Sync of the connection would join a run that never ends.
 */
export async function recordFailure(
  db: Db,
  p: { error: unknown; alert: Omit<AlertContext, "db">; durationMs: number; api: BatchApiStats | undefined; progress?: SyncProgress; deadlineMs?: number },
): Promise<SyncFailedError> {
  const failure = describeFailure(p.error);
  const { at, batchId, connectionId } = p.alert;
  let health: ConnectionHealth;
  try {
    health = await withDeadline(
      db.transaction(async (tx) => {
        await failSyncBatch(tx, { batchId, at, durationMs: p.durationMs, errorKind: failure.kind, error: failure.message, progress: p.progress, ...p.api });
        const change = healthAfterFailure(await lockConnectionHealth(tx, { connectionId }), {
          kind: failure.kind,
          at,
          retryAfterSeconds: failure.retryAfterSeconds,
        });
        await saveConnectionHealth(tx, { connectionId, health: change.health, at, succeeded: false, lastError: failure.message });
        return change.health;
      }),
      p.deadlineMs ?? RECORD_FAILURE_DEADLINE_MS,
    );
  } catch (e) {
    const why = describeFailure(e).message;
    console.error(`[sync] batch ${batchId} failed (${failure.message}) and the failure could not be recorded (${why}); the reaper closes the batch`);
    return new SyncFailedError(batchId, failure.kind, failure.retryable, `${failure.message} (not recorded: ${why})`, failure.retryAfterSeconds);
  }
  await alertSyncFailure({ ...p.alert, db }, { ...failure, health });
  return new SyncFailedError(batchId, failure.kind, failure.retryable, failure.message, failure.retryAfterSeconds);
}

function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the database did not answer within ${ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`}`)), ms);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}
