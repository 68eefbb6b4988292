import { and, desc, eq } from "drizzle-orm";
import type { Db } from "../client";
import { syncBatches, type SyncCounts, type SyncTrigger } from "../schema";

export async function startSyncBatch(
  db: Db,
  p: { ownerId: string; connectionId: string; trigger: SyncTrigger; at: Date },
): Promise<string> {
  const [row] = await db
    .insert(syncBatches)
    .values({ ownerId: p.ownerId, connectionId: p.connectionId, trigger: p.trigger, status: "running", startedAt: p.at })
    .returning({ id: syncBatches.id });
  return row!.id;
}

export async function finishSyncBatch(
  db: Db,
  p: { batchId: string; at: Date; durationMs: number; counts: SyncCounts },
): Promise<void> {
  await db
    .update(syncBatches)
    .set({ status: "succeeded", finishedAt: p.at, durationMs: p.durationMs, counts: p.counts })
    .where(eq(syncBatches.id, p.batchId));
}

export async function failSyncBatch(
  db: Db,
  p: { batchId: string; at: Date; durationMs: number; errorKind: string; error: string },
): Promise<void> {
  await db
    .update(syncBatches)
    .set({ status: "failed", finishedAt: p.at, durationMs: p.durationMs, errorKind: p.errorKind, error: p.error })
    .where(eq(syncBatches.id, p.batchId));
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
