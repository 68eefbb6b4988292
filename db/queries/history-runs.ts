import { and, asc, count, eq, inArray, min } from "drizzle-orm";
import type { Db } from "../client";
import { connections, historyResiduals, historyRuns, portfolioSnapshots, type HistoryResidualRow } from "../schema";
import { liveConnection } from "./connections";

/**
 * The workspaces that hold a live connection of one of `providers` (the venues history can
 * be reconstructed for), by id: the nightly reconstruction then works through each
 * workspace's own connections, scoped to it.
 */
export async function workspacesWithProviders(db: Db, providers: readonly string[]): Promise<string[]> {
  if (providers.length === 0) return [];
  const rows = await db
    .selectDistinct({ ownerId: connections.ownerId })
    .from(connections)
    .where(and(inArray(connections.provider, [...providers]), liveConnection))
    .orderBy(asc(connections.ownerId));
  return rows.map((r) => r.ownerId);
}

/** One workspace's live connections of `providers`, oldest first. */
export async function connectionsOfProviders(db: Db, p: { ownerId: string; providers: readonly string[] }): Promise<Array<{ id: string; provider: string }>> {
  if (p.providers.length === 0) return [];
  return db
    .select({ id: connections.id, provider: connections.provider })
    .from(connections)
    .where(and(eq(connections.ownerId, p.ownerId), inArray(connections.provider, [...p.providers]), liveConnection))
    .orderBy(asc(connections.createdAt), asc(connections.id));
}

type Scope = { ownerId: string; connectionId: string };

/** The connection's first observed (measured, not reconstructed) snapshot: reconstruction stops before it. */
export async function firstObservedAt(db: Db, p: Scope): Promise<Date | null> {
  const [row] = await db
    .select({ first: min(portfolioSnapshots.capturedAt) })
    .from(portfolioSnapshots)
    .where(and(eq(portfolioSnapshots.ownerId, p.ownerId), eq(portfolioSnapshots.connectionId, p.connectionId), eq(portfolioSnapshots.reconstructed, false)));
  return row?.first ?? null;
}

export type ResidualInsert = Omit<HistoryResidualRow, "id" | "ownerId" | "connectionId">;

/**
 * A successful run's record (in the transaction that wrote its snapshots): its residuals
 * replace the previous run's, and the connection's run row says when, how many days, and
 * clears a previous failure.
 */
export async function recordHistorySuccess(
  tx: Db,
  p: Scope & { at: Date; days: number; firstDay: string | null; lastDay: string | null; gapDays: number; gapsFilled: number; residuals: readonly ResidualInsert[] },
): Promise<void> {
  await tx.delete(historyResiduals).where(and(eq(historyResiduals.ownerId, p.ownerId), eq(historyResiduals.connectionId, p.connectionId)));
  const rows = p.residuals.map((r) => ({ ...r, ownerId: p.ownerId, connectionId: p.connectionId }));
  for (let i = 0; i < rows.length; i += 1_000) await tx.insert(historyResiduals).values(rows.slice(i, i + 1_000));
  const run = { outcome: "succeeded" as const, ranAt: p.at, succeededAt: p.at, days: p.days, firstDay: p.firstDay, lastDay: p.lastDay, gapDays: p.gapDays, gapsFilled: p.gapsFilled, error: null };
  await tx
    .insert(historyRuns)
    .values({ ownerId: p.ownerId, connectionId: p.connectionId, ...run })
    .onConflictDoUpdate({ target: historyRuns.connectionId, set: run, where: eq(historyRuns.ownerId, p.ownerId) });
}

/**
 * A failed run: when and why, beside the figures of the last run that wrote (kept, as its
 * history is). Nothing is recorded for a connection that is not the workspace's.
 */
export async function recordHistoryFailure(db: Db, p: Scope & { at: Date; error: string }): Promise<void> {
  const [own] = await db
    .select({ id: connections.id })
    .from(connections)
    .where(and(eq(connections.ownerId, p.ownerId), eq(connections.id, p.connectionId)));
  if (!own) return;
  await db
    .insert(historyRuns)
    .values({ ownerId: p.ownerId, connectionId: p.connectionId, outcome: "failed", ranAt: p.at, error: p.error })
    .onConflictDoUpdate({ target: historyRuns.connectionId, set: { outcome: "failed", ranAt: p.at, error: p.error }, where: eq(historyRuns.ownerId, p.ownerId) });
}

export interface HistoryStatus {
  run: typeof historyRuns.$inferSelect | null;
  /** The residuals in day order, at most `limit` of them. */
  residuals: HistoryResidualRow[];
  residualCount: number;
}

/** A connection's reconstruction, for its page: the last run and its residuals. */
export async function getHistoryStatus(db: Db, p: Scope & { limit: number }): Promise<HistoryStatus> {
  const ofConnection = and(eq(historyResiduals.ownerId, p.ownerId), eq(historyResiduals.connectionId, p.connectionId));
  const [[run], residuals, [counted]] = await Promise.all([
    db
      .select()
      .from(historyRuns)
      .where(and(eq(historyRuns.ownerId, p.ownerId), eq(historyRuns.connectionId, p.connectionId))),
    db.select().from(historyResiduals).where(ofConnection).orderBy(asc(historyResiduals.day), asc(historyResiduals.asset), asc(historyResiduals.id)).limit(p.limit),
    db.select({ n: count() }).from(historyResiduals).where(ofConnection),
  ]);
  return { run: run ?? null, residuals, residualCount: counted?.n ?? 0 };
}
