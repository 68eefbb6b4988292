import type { Db } from "@/db/client";
import { SyncSkippedError, syncConnection, type SyncResult } from "@/lib/sync/sync-connection";
import { isConnectionActive } from "./scheduled-connections";

export type SyncFn = typeof syncConnection;

export interface ScheduledSyncTarget {
  workspaceId: string;
  connectionId: string;
  /** The due time the schedule planned this run for: another process that already took it makes this one skip. */
  dueAt?: Date;
}

export type ScheduledSyncOutcome = { skipped: "not active" | "already run" } | SyncResult;

/**
 * A background (cron) sync of one connection. The connection is checked again at start:
 * it may have been paused or flagged "needs attention" since the schedule picked it,
 * and a background run must not hammer a venue that already refused the credentials.
 * A failure is recorded by `syncConnection` itself (batch, connection, alert) and thrown.
 */
export async function runScheduledSync(db: Db, target: ScheduledSyncTarget, sync: SyncFn = syncConnection): Promise<ScheduledSyncOutcome> {
  if (!(await isConnectionActive(db, target.connectionId))) return { skipped: "not active" };
  try {
    return await sync(db, { ownerId: target.workspaceId, connectionId: target.connectionId, trigger: "cron", scheduledFor: target.dueAt });
  } catch (e) {
    if (e instanceof SyncSkippedError) return { skipped: "already run" };
    throw e;
  }
}
