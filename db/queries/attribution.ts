import { and, asc, desc, eq, gte, inArray, lte, sql } from "drizzle-orm";
import type { Db } from "../client";
import {
  connections,
  fills,
  portfolioSnapshots,
  reconciledPositions,
  reconciliationSummaries,
  snapshotHoldings,
  strategyEquity,
  tradingAccounts,
  type ReconciledPositionRow,
  type ReconciliationSummaryRow,
  type StrategyEquityRow,
} from "../schema";
import { chunk } from "@/db/chunk";
import { liveConnection } from "./connections";

/**
 * The newest snapshot (at or before `asOf`) of every owner's active connections that has
 * not been reconciled yet: the hourly job's work list. One index probe per connection.
 */
export async function listSnapshotsToReconcile(db: Db, p: { asOf: Date }): Promise<Array<{ snapshotId: string; ownerId: string; connectionId: string }>> {
  const latest = db
    .select({ id: portfolioSnapshots.id })
    .from(portfolioSnapshots)
    .where(and(eq(portfolioSnapshots.connectionId, connections.id), lte(portfolioSnapshots.capturedAt, p.asOf)))
    .orderBy(desc(portfolioSnapshots.capturedAt))
    .limit(1)
    .as("latest");
  const rows = await db
    .select({ snapshotId: latest.id, ownerId: connections.ownerId, connectionId: connections.id })
    .from(connections)
    .innerJoinLateral(latest, sql`true`)
    .leftJoin(reconciliationSummaries, eq(reconciliationSummaries.snapshotId, latest.id))
    .where(and(eq(connections.status, "active"), sql`${reconciliationSummaries.snapshotId} is null`))
    .orderBy(asc(connections.createdAt));
  return rows;
}

/**
 * The newest snapshot (at or before `asOf`) of each of one owner's active connections,
 * reconciled or not: what "Run now" reconciles. One index probe per connection.
 */
export async function listOwnerLatestSnapshots(db: Db, p: { ownerId: string; asOf: Date }): Promise<Array<{ snapshotId: string; connectionId: string }>> {
  const latest = db
    .select({ id: portfolioSnapshots.id })
    .from(portfolioSnapshots)
    .where(and(eq(portfolioSnapshots.connectionId, connections.id), lte(portfolioSnapshots.capturedAt, p.asOf)))
    .orderBy(desc(portfolioSnapshots.capturedAt))
    .limit(1)
    .as("latest");
  return db
    .select({ snapshotId: latest.id, connectionId: connections.id })
    .from(connections)
    .innerJoinLateral(latest, sql`true`)
    .where(and(eq(connections.ownerId, p.ownerId), eq(connections.status, "active"), liveConnection))
    .orderBy(asc(connections.createdAt));
}

/**
 * Removes a snapshot's reconciliation (summary, rows and strategy points) so it can be
 * written again with the fills stored since: a run now replaces, never doubles.
 */
export async function deleteReconciliation(tx: Db, p: { ownerId: string; snapshotId: string }): Promise<void> {
  await tx.delete(strategyEquity).where(and(eq(strategyEquity.ownerId, p.ownerId), eq(strategyEquity.snapshotId, p.snapshotId)));
  await tx.delete(reconciledPositions).where(and(eq(reconciledPositions.ownerId, p.ownerId), eq(reconciledPositions.snapshotId, p.snapshotId)));
  await tx.delete(reconciliationSummaries).where(and(eq(reconciliationSummaries.ownerId, p.ownerId), eq(reconciliationSummaries.snapshotId, p.snapshotId)));
}

/** One snapshot with its per-symbol rows; null when it is not the owner's. */
export async function getSnapshotWithRows(db: Db, p: { ownerId: string; snapshotId: string }) {
  const [snapshot] = await db
    .select()
    .from(portfolioSnapshots)
    .where(and(eq(portfolioSnapshots.id, p.snapshotId), eq(portfolioSnapshots.ownerId, p.ownerId)));
  if (!snapshot) return null;
  const [holdings] = await db
    .select({ rows: snapshotHoldings.rows })
    .from(snapshotHoldings)
    .where(and(eq(snapshotHoldings.snapshotId, p.snapshotId), eq(snapshotHoldings.ownerId, p.ownerId)));
  return { snapshot, rows: holdings?.rows ?? [] };
}

/** Every fill of the connection's accounts executed at or before `until`, in time order. */
export async function listConnectionFills(db: Db, p: { ownerId: string; connectionId: string; until: Date }) {
  const accounts = db
    .select({ id: tradingAccounts.id })
    .from(tradingAccounts)
    .where(and(eq(tradingAccounts.ownerId, p.ownerId), eq(tradingAccounts.connectionId, p.connectionId)));
  return db
    .select({
      symbol: fills.symbol,
      side: fills.side,
      price: fills.price,
      quantity: fills.quantity,
      fee: fills.fee,
      feeCurrency: fills.feeCurrency,
      executedAt: fills.executedAt,
      strategy: fills.strategy,
      venueFillId: fills.venueFillId,
    })
    .from(fills)
    .where(and(eq(fills.ownerId, p.ownerId), inArray(fills.accountId, accounts), lte(fills.executedAt, p.until)))
    .orderBy(asc(fills.executedAt), asc(fills.recordedAt), asc(fills.venueFillId));
}

export type ReconciliationSummaryInsert = typeof reconciliationSummaries.$inferInsert;
export type ReconciledPositionInsert = Omit<typeof reconciledPositions.$inferInsert, "ownerId" | "snapshotId">;
export type StrategyEquityInsert = Omit<typeof strategyEquity.$inferInsert, "ownerId" | "connectionId" | "snapshotId" | "at">;

/**
 * Writes a snapshot's reconciliation as one unit: the summary first, as the snapshot's
 * claim; when another run already wrote it, nothing else is written. True when written.
 */
export async function insertReconciliation(
  tx: Db,
  p: { summary: ReconciliationSummaryInsert; rows: ReconciledPositionInsert[]; strategies: StrategyEquityInsert[] },
): Promise<boolean> {
  const { ownerId, snapshotId, connectionId, capturedAt } = p.summary;
  const claimed = await tx.insert(reconciliationSummaries).values(p.summary).onConflictDoNothing().returning({ id: reconciliationSummaries.snapshotId });
  if (claimed.length === 0) return false;
  for (const part of chunk(p.rows, 1000)) {
    await tx.insert(reconciledPositions).values(part.map((r) => ({ ...r, ownerId, snapshotId }))).onConflictDoNothing();
  }
  if (p.strategies.length > 0) {
    await tx
      .insert(strategyEquity)
      .values(p.strategies.map((s) => ({ ...s, ownerId, connectionId, snapshotId, at: capturedAt })))
      .onConflictDoNothing();
  }
  return true;
}

export async function getReconciliationSummary(db: Db, p: { ownerId: string; snapshotId: string }): Promise<ReconciliationSummaryRow | null> {
  const [row] = await db
    .select()
    .from(reconciliationSummaries)
    .where(and(eq(reconciliationSummaries.snapshotId, p.snapshotId), eq(reconciliationSummaries.ownerId, p.ownerId)));
  return row ?? null;
}

/** A snapshot's reconciled rows: per symbol, the strategies (by name) then the residual. */
export async function listReconciledPositions(db: Db, p: { ownerId: string; snapshotId: string }): Promise<ReconciledPositionRow[]> {
  return db
    .select()
    .from(reconciledPositions)
    .where(and(eq(reconciledPositions.ownerId, p.ownerId), eq(reconciledPositions.snapshotId, p.snapshotId)))
    .orderBy(asc(reconciledPositions.symbol), sql`${reconciledPositions.strategy} asc nulls last`);
}

/** Strategy PnL points over a range, oldest first; one strategy or all of them. */
export async function listStrategyEquity(
  db: Db,
  p: { ownerId: string; strategy?: string; connectionId?: string; from?: Date; to?: Date },
): Promise<StrategyEquityRow[]> {
  return db
    .select()
    .from(strategyEquity)
    .where(
      and(
        eq(strategyEquity.ownerId, p.ownerId),
        p.strategy !== undefined ? eq(strategyEquity.strategy, p.strategy) : undefined,
        p.connectionId !== undefined ? eq(strategyEquity.connectionId, p.connectionId) : undefined,
        p.from ? gte(strategyEquity.at, p.from) : undefined,
        p.to ? lte(strategyEquity.at, p.to) : undefined,
      ),
    )
    .orderBy(asc(strategyEquity.at), asc(strategyEquity.strategy), asc(strategyEquity.connectionId));
}
