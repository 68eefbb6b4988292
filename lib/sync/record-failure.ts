import { DrizzleQueryError } from "drizzle-orm/errors";
import type { Db } from "@/db/client";
import type { SyncProgress } from "@/db/schema";
import { lockConnectionHealth, saveConnectionHealth } from "@/db/queries/connections";
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

/**
 * Records a failed run: the batch, then the connection's health under the failure policy
 * (one transaction, the connection row locked), then the alerts. Returns the error to
 * throw, carrying what a retrying caller (Inngest) needs.
 */
export async function recordFailure(
  db: Db,
  p: { error: unknown; alert: Omit<AlertContext, "db">; durationMs: number; api: BatchApiStats | undefined; progress?: SyncProgress },
): Promise<SyncFailedError> {
  const failure = describeFailure(p.error);
  const { at, batchId, connectionId } = p.alert;
  const health = await db.transaction(async (tx) => {
    await failSyncBatch(tx, { batchId, at, durationMs: p.durationMs, errorKind: failure.kind, error: failure.message, progress: p.progress, ...p.api });
    const change = healthAfterFailure(await lockConnectionHealth(tx, { connectionId }), {
      kind: failure.kind,
      at,
      retryAfterSeconds: failure.retryAfterSeconds,
    });
    await saveConnectionHealth(tx, { connectionId, health: change.health, at, succeeded: false, lastError: failure.message });
    return change.health;
  });
  await alertSyncFailure({ ...p.alert, db }, { ...failure, health });
  return new SyncFailedError(batchId, failure.kind, failure.retryable, failure.message, failure.retryAfterSeconds);
}
