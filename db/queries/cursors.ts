import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../client";
import { syncCursors, type CursorStream } from "../schema";

/** The connection's cursors, stream → instant known complete. */
export async function readCursors(
  db: Db,
  p: { ownerId: string; connectionId: string },
): Promise<Partial<Record<CursorStream, Date>>> {
  const rows = await db
    .select({ stream: syncCursors.stream, cursorAt: syncCursors.cursorAt })
    .from(syncCursors)
    .where(and(eq(syncCursors.ownerId, p.ownerId), eq(syncCursors.connectionId, p.connectionId)));
  return Object.fromEntries(rows.map((r) => [r.stream, r.cursorAt]));
}

/**
 * Moves the cursors of the streams a run read completely to `cursorAt`. Forward only: a
 * backfill or a slow run that started earlier never pulls a cursor back. Call it inside
 * the run's transaction, so the cursor moves exactly when the data commits.
 */
export async function advanceCursors(
  tx: Db,
  p: { ownerId: string; connectionId: string; batchId: string; streams: CursorStream[]; cursorAt: Date; at: Date },
): Promise<void> {
  if (p.streams.length === 0) return;
  await tx
    .insert(syncCursors)
    .values(
      p.streams.map((stream) => ({
        connectionId: p.connectionId,
        stream,
        ownerId: p.ownerId,
        cursorAt: p.cursorAt,
        updatedBatchId: p.batchId,
        updatedAt: p.at,
      })),
    )
    .onConflictDoUpdate({
      target: [syncCursors.connectionId, syncCursors.stream],
      set: {
        cursorAt: sql`excluded.cursor_at`,
        updatedBatchId: sql`excluded.updated_batch_id`,
        updatedAt: sql`excluded.updated_at`,
      },
      setWhere: sql`"sync_cursors"."cursor_at" < excluded.cursor_at`,
    });
}
