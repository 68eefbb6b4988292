import { and, asc, desc, eq, gte, isNull, lte, or, sql } from "drizzle-orm";
import type { Db } from "../client";
import { connections, portfolioSnapshots, snapshotGapChecks, snapshotGaps, type SnapshotGapRow } from "../schema";

/** Every owner's active connections with where their gap check stopped: the job's work list. */
export async function listConnectionsForGapCheck(db: Db) {
  return db
    .select({
      id: connections.id,
      ownerId: connections.ownerId,
      provider: connections.provider,
      label: connections.label,
      config: connections.config,
      credentialsEncrypted: connections.credentialsEncrypted,
      syncIntervalSeconds: connections.syncIntervalSeconds,
      checkedThrough: snapshotGapChecks.checkedThrough,
    })
    .from(connections)
    .leftJoin(snapshotGapChecks, eq(snapshotGapChecks.connectionId, connections.id))
    .where(eq(connections.status, "active"))
    .orderBy(asc(connections.createdAt));
}

/** The connection's snapshot instants in [from, to], oldest first (served by its (connection, time) unique index). */
export async function listSnapshotInstants(db: Db, p: { ownerId: string; connectionId: string; from: Date; to: Date }): Promise<Date[]> {
  const rows = await db
    .select({ at: portfolioSnapshots.capturedAt })
    .from(portfolioSnapshots)
    .where(
      and(
        eq(portfolioSnapshots.ownerId, p.ownerId),
        eq(portfolioSnapshots.connectionId, p.connectionId),
        gte(portfolioSnapshots.capturedAt, p.from),
        lte(portfolioSnapshots.capturedAt, p.to),
      ),
    )
    .orderBy(asc(portfolioSnapshots.capturedAt));
  return rows.map((r) => r.at);
}

/** The connection's newest snapshot instant at or before `asOf`, or null. */
export async function latestSnapshotInstant(db: Db, p: { ownerId: string; connectionId: string; asOf: Date }): Promise<Date | null> {
  const [row] = await db
    .select({ at: portfolioSnapshots.capturedAt })
    .from(portfolioSnapshots)
    .where(
      and(eq(portfolioSnapshots.ownerId, p.ownerId), eq(portfolioSnapshots.connectionId, p.connectionId), lte(portfolioSnapshots.capturedAt, p.asOf)),
    )
    .orderBy(desc(portfolioSnapshots.capturedAt))
    .limit(1);
  return row?.at ?? null;
}

export async function saveGapCheck(db: Db, p: { ownerId: string; connectionId: string; checkedThrough: Date; at: Date }): Promise<void> {
  await db
    .insert(snapshotGapChecks)
    .values({ connectionId: p.connectionId, ownerId: p.ownerId, checkedThrough: p.checkedThrough, checkedAt: p.at })
    .onConflictDoUpdate({
      target: snapshotGapChecks.connectionId,
      set: { checkedThrough: sql`greatest(${snapshotGapChecks.checkedThrough}, excluded.checked_through)`, checkedAt: sql`excluded.checked_at` },
    });
}

interface GapInput {
  ownerId: string;
  connectionId: string;
  fromAt: Date;
  toAt: Date | null;
  detectedAt: Date;
}

/**
 * Records a hole nothing could fill. The same hole found again (same start) keeps its row;
 * an open-ended one gets its end once a snapshot closes it. True when the row is new.
 */
export async function recordOpenGap(db: Db, g: GapInput): Promise<boolean> {
  const [row] = await db
    .insert(snapshotGaps)
    .values({ ...g, status: "open" })
    .onConflictDoUpdate({
      target: [snapshotGaps.connectionId, snapshotGaps.fromAt],
      set: { toAt: sql`coalesce(${snapshotGaps.toAt}, excluded.to_at)` },
    })
    .returning({ inserted: sql<boolean>`(xmax = 0)` });
  return row?.inserted === true;
}

/** Records a hole filled from the venue's history (or an open one now filled). True when the row is new. */
export async function recordBackfilledGap(db: Db, g: GapInput & { snapshots: number }): Promise<boolean> {
  const [row] = await db
    .insert(snapshotGaps)
    .values({ ownerId: g.ownerId, connectionId: g.connectionId, fromAt: g.fromAt, toAt: g.toAt, detectedAt: g.detectedAt, status: "backfilled", backfilledSnapshots: g.snapshots })
    .onConflictDoUpdate({
      target: [snapshotGaps.connectionId, snapshotGaps.fromAt],
      set: {
        status: sql`'backfilled'`,
        toAt: sql`coalesce(excluded.to_at, ${snapshotGaps.toAt})`,
        backfilledSnapshots: sql`${snapshotGaps.backfilledSnapshots} + excluded.backfilled_snapshots`,
      },
    })
    .returning({ inserted: sql<boolean>`(xmax = 0)` });
  return row?.inserted === true;
}

/**
 * The owner's open gaps that overlap [from, to], oldest first: what a chart of that range
 * must show as breaks. An open-ended gap overlaps everything after its start.
 */
export async function listOpenGaps(db: Db, p: { ownerId: string; from: Date; to: Date; connectionId?: string }): Promise<SnapshotGapRow[]> {
  return db
    .select()
    .from(snapshotGaps)
    .where(
      and(
        eq(snapshotGaps.ownerId, p.ownerId),
        eq(snapshotGaps.status, "open"),
        p.connectionId ? eq(snapshotGaps.connectionId, p.connectionId) : undefined,
        lte(snapshotGaps.fromAt, p.to),
        or(isNull(snapshotGaps.toAt), gte(snapshotGaps.toAt, p.from)),
      ),
    )
    .orderBy(asc(snapshotGaps.fromAt));
}

/** Every recorded gap of one connection, newest first (open and backfilled). */
export async function listConnectionGaps(db: Db, p: { ownerId: string; connectionId: string; limit?: number }): Promise<SnapshotGapRow[]> {
  return db
    .select()
    .from(snapshotGaps)
    .where(and(eq(snapshotGaps.ownerId, p.ownerId), eq(snapshotGaps.connectionId, p.connectionId)))
    .orderBy(desc(snapshotGaps.fromAt))
    .limit(p.limit ?? 100);
}

/**
 * The connection's closed gaps with no measured snapshot inside: holes the history
 * reconstruction may fill (lib/history/write-reconstructed.ts). A gap the venue's own history
 * filled holds measured snapshots and is left alone (measured wins); an open-ended gap is
 * left too: the run that closes it reads the fills and flows of the silent time first.
 */
export async function gapsToReconstruct(db: Db, p: { ownerId: string; connectionId: string }): Promise<Array<{ id: string; fromAt: Date; toAt: Date }>> {
  const rows = await db
    .select({ id: snapshotGaps.id, fromAt: snapshotGaps.fromAt, toAt: snapshotGaps.toAt })
    .from(snapshotGaps)
    .where(
      and(
        eq(snapshotGaps.ownerId, p.ownerId),
        eq(snapshotGaps.connectionId, p.connectionId),
        sql`${snapshotGaps.toAt} is not null`,
        sql`not exists (select 1 from ${portfolioSnapshots} s where s.connection_id = ${snapshotGaps.connectionId} and not s.reconstructed
              and s.captured_at > ${snapshotGaps.fromAt} and s.captured_at < ${snapshotGaps.toAt})`,
      ),
    )
    .orderBy(asc(snapshotGaps.fromAt));
  return rows.map((r) => ({ id: r.id, fromAt: r.fromAt, toAt: r.toAt! }));
}

/** A gap filled by the reconstruction: `snapshots` days written into it (set, not added: a re-run writes them again). */
export async function markGapReconstructed(db: Db, p: { ownerId: string; gapId: string; snapshots: number }): Promise<void> {
  await db
    .update(snapshotGaps)
    .set({ status: "backfilled", backfilledSnapshots: p.snapshots })
    .where(and(eq(snapshotGaps.ownerId, p.ownerId), eq(snapshotGaps.id, p.gapId)));
}
