import { and, eq, like, sql } from "drizzle-orm";
import type { Db } from "../client";
import { CURSOR_STREAMS, syncCursors, type CursorStream } from "../schema";

/**
 * Besides the stream cursors, `sync_cursors` keeps a venue's trade-discovery state under
 * prefixed stream names (no new table: the same key, instant and batch per name):
 * - `held:<ASSET>`: an asset the account has held, at the instant a run first saw it;
 * - `sweep:<MARKET ID>`: a market whose whole trade history a sweep read, through that instant.
 */
const HELD = "held:";
const SWEPT = "sweep:";

/** The connection's cursors, stream → instant known complete. */
export async function readCursors(
  db: Db,
  p: { ownerId: string; connectionId: string },
): Promise<Partial<Record<CursorStream, Date>>> {
  const rows = await db
    .select({ stream: syncCursors.stream, cursorAt: syncCursors.cursorAt })
    .from(syncCursors)
    .where(and(eq(syncCursors.ownerId, p.ownerId), eq(syncCursors.connectionId, p.connectionId)));
  return Object.fromEntries(rows.filter((r) => (CURSOR_STREAMS as readonly string[]).includes(r.stream)).map((r) => [r.stream, r.cursorAt]));
}

/** The assets the connection's accounts have ever held, and each swept market's instant. */
export async function readSweepState(db: Db, p: { ownerId: string; connectionId: string }): Promise<{ heldAssets: string[]; sweptThrough: Record<string, Date> }> {
  const rows = await db
    .select({ stream: syncCursors.stream, cursorAt: syncCursors.cursorAt })
    .from(syncCursors)
    .where(and(eq(syncCursors.ownerId, p.ownerId), eq(syncCursors.connectionId, p.connectionId), sql`(${like(syncCursors.stream, `${HELD}%`)} or ${like(syncCursors.stream, `${SWEPT}%`)})`));
  const heldAssets: string[] = [];
  const sweptThrough: Record<string, Date> = {};
  for (const r of rows) {
    if (r.stream.startsWith(HELD)) heldAssets.push(r.stream.slice(HELD.length));
    else sweptThrough[r.stream.slice(SWEPT.length)] = r.cursorAt;
  }
  return { heldAssets: heldAssets.sort(), sweptThrough };
}

type CursorWrite = { ownerId: string; connectionId: string; batchId: string; cursorAt: Date; at: Date };

/** Adds the assets not yet recorded as held; one already recorded keeps the instant it was first seen. */
export async function recordHeldAssets(tx: Db, p: CursorWrite & { assets: string[] }): Promise<void> {
  if (p.assets.length === 0) return;
  await tx
    .insert(syncCursors)
    .values(p.assets.map((a) => row(p, `${HELD}${a}`)))
    .onConflictDoNothing();
}

/** Moves the sweep cursors of the markets a run swept (forward only, like the stream cursors). */
export async function advanceSweepCursors(tx: Db, p: CursorWrite & { markets: string[] }): Promise<void> {
  await upsertForward(tx, p, p.markets.map((m) => `${SWEPT}${m}`));
}

function row(p: CursorWrite, stream: string) {
  return { connectionId: p.connectionId, stream, ownerId: p.ownerId, cursorAt: p.cursorAt, updatedBatchId: p.batchId, updatedAt: p.at };
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
  await upsertForward(tx, p, p.streams);
}

async function upsertForward(tx: Db, p: CursorWrite, streams: string[]): Promise<void> {
  if (streams.length === 0) return;
  await tx
    .insert(syncCursors)
    .values(streams.map((stream) => row(p, stream)))
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
