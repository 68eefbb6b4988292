import type { Db } from "@/db/client";
import { syncConnection, type SyncResult } from "@/lib/sync/sync-connection";
import { isConnectionActive } from "./scheduled-connections";

export type SyncFn = typeof syncConnection;

export interface ScheduledSyncTarget {
  workspaceId: string;
  connectionId: string;
}

export type ScheduledSyncOutcome = { skipped: "not active" } | SyncResult;

/**
 * A background (cron) sync of one connection. The connection is checked again at start:
 * it may have been paused or flagged "needs attention" since the schedule picked it,
 * and a background run must not hammer a venue that already refused the credentials.
 * A failure is recorded by `syncConnection` itself (batch, connection, alert) and thrown.
 */
export async function runScheduledSync(db: Db, target: ScheduledSyncTarget, sync: SyncFn = syncConnection): Promise<ScheduledSyncOutcome> {
  if (!(await isConnectionActive(db, target.connectionId))) return { skipped: "not active" };
  return sync(db, { ownerId: target.workspaceId, connectionId: target.connectionId, trigger: "cron" });
}
