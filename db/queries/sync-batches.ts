import { and, desc, eq, gte, inArray, lt, sql } from "drizzle-orm";
import type { Db } from "../client";
import {
  OPEN_SYNC_STATUSES,
  syncBatches,
  type ApiUsage,
  type FailedStream,
  type SyncBatchRow,
  type SyncCounts,
  type SyncMode,
  type SyncProgress,
  type SyncStatus,
  type SyncTrigger,
} from "../schema";
import { NotFoundError } from "./not-found";

/** Records a run about to start; its id is what a caller can follow at once. */
export async function queueSyncBatch(
  db: Db,
  p: { ownerId: string; connectionId: string; trigger: SyncTrigger; at: Date },
): Promise<string> {
  const [row] = await db
    .insert(syncBatches)
    .values({ ownerId: p.ownerId, connectionId: p.connectionId, trigger: p.trigger, status: "queued", startedAt: p.at })
    .returning({ id: syncBatches.id });
  return row!.id;
}

/**
 * Queues a background run planned for `dueAt`, unless a run of the connection was queued at
 * or after it and is open or committed: two processes firing the same schedule at the same
 * second queue one run, and the other gets null. Under the connection's advisory lock, so
 * the check and the insert are one step across processes. A failed or stale run does not
 * count: its retry runs.
 */
export async function queueScheduledSyncBatch(
  db: Db,
  p: { ownerId: string; connectionId: string; trigger: SyncTrigger; at: Date; dueAt: Date },
): Promise<string | null> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${p.connectionId}))`);
    const [taken] = await tx
      .select({ id: syncBatches.id })
      .from(syncBatches)
      .where(
        and(
          eq(syncBatches.connectionId, p.connectionId),
          gte(syncBatches.startedAt, p.dueAt),
          inArray(syncBatches.status, ["queued", "running", "succeeded", "partial"]),
        ),
      )
      .limit(1);
    return taken ? null : queueSyncBatch(tx, p);
  });
}

/** queued → running; a batch the reaper already marked stale keeps saying so until the run ends. */
export async function markSyncBatchRunning(db: Db, p: { batchId: string; mode: SyncMode; progress?: SyncProgress }): Promise<void> {
  await db
    .update(syncBatches)
    .set({
      mode: p.mode,
      status: sql<SyncStatus>`case when ${syncBatches.status} = 'queued' then 'running' else ${syncBatches.status} end`,
      ...(p.progress ? { progress: p.progress } : {}),
    })
    .where(eq(syncBatches.id, p.batchId));
}

/**
 * A running batch's progress. Only while it is open: a late write never overwrites the
 * final record a finished run left (on PostgreSQL the condition is re-checked after any
 * row lock the run's own transaction held).
 */
export async function saveSyncProgress(db: Db, p: { batchId: string; progress: SyncProgress }): Promise<void> {
  await db
    .update(syncBatches)
    .set({ progress: p.progress })
    .where(and(eq(syncBatches.id, p.batchId), inArray(syncBatches.status, [...OPEN_SYNC_STATUSES])));
}

/** What the venue client counted, recorded on success and failure alike. */
export interface BatchApiStats {
  apiCalls: number;
  apiUsage: ApiUsage | null;
}

export async function finishSyncBatch(
  db: Db,
  p: BatchApiStats & {
    batchId: string;
    at: Date;
    durationMs: number;
    counts: SyncCounts;
    failedStreams: FailedStream[];
    progress?: SyncProgress;
  },
): Promise<void> {
  const partial = p.failedStreams.length > 0;
  // Unconditional, so a slow run the reaper marked stale but that did commit says so.
  await db
    .update(syncBatches)
    .set({
      status: partial ? "partial" : "succeeded",
      finishedAt: p.at,
      durationMs: p.durationMs,
      counts: p.counts,
      apiCalls: p.apiCalls,
      apiUsage: p.apiUsage,
      failedStreams: partial ? p.failedStreams : null,
      errorKind: partial ? p.failedStreams.map((f) => f.kind).join(",") : null,
      error: partial ? p.failedStreams.map((f) => `${f.stream}: ${f.message}`).join("; ") : null,
      ...(p.progress ? { progress: p.progress } : {}),
    })
    .where(eq(syncBatches.id, p.batchId));
}

export async function failSyncBatch(
  db: Db,
  p: Partial<BatchApiStats> & { batchId: string; at: Date; durationMs: number; errorKind: string; error: string; progress?: SyncProgress },
): Promise<void> {
  await db
    .update(syncBatches)
    .set({
      status: "failed",
      finishedAt: p.at,
      durationMs: p.durationMs,
      errorKind: p.errorKind,
      error: p.error,
      apiCalls: p.apiCalls ?? null,
      apiUsage: p.apiUsage ?? null,
      ...(p.progress ? { progress: p.progress } : {}),
    })
    .where(eq(syncBatches.id, p.batchId));
}

/** Marks runs still queued or running that started before `before` as stale; returns how many. */
export async function markStaleSyncBatches(db: Db, p: { before: Date; at: Date; reason: string }): Promise<number> {
  const rows = await db
    .update(syncBatches)
    .set({ status: "stale", finishedAt: p.at, errorKind: "stale", error: p.reason })
    .where(and(inArray(syncBatches.status, [...OPEN_SYNC_STATUSES]), lt(syncBatches.startedAt, p.before)))
    .returning({ id: syncBatches.id });
  return rows.length;
}

/** One run of the viewer's; another owner's run is not found. */
export async function getSyncBatch(db: Db, p: { ownerId: string; batchId: string }): Promise<SyncBatchRow> {
  const [row] = await db
    .select()
    .from(syncBatches)
    .where(and(eq(syncBatches.id, p.batchId), eq(syncBatches.ownerId, p.ownerId)));
  if (!row) throw new NotFoundError("sync batch");
  return row;
}

export async function listSyncBatches(db: Db, p: { ownerId: string; connectionId?: string; limit?: number }) {
  return db
    .select()
    .from(syncBatches)
    .where(
      p.connectionId
        ? and(eq(syncBatches.ownerId, p.ownerId), eq(syncBatches.connectionId, p.connectionId))
        : eq(syncBatches.ownerId, p.ownerId),
    )
    .orderBy(desc(syncBatches.startedAt))
    .limit(p.limit ?? 20);
}
