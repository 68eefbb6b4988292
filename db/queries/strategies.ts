import { and, asc, count, desc, eq, gte, inArray, max, min, sql } from "drizzle-orm";
import type { Db } from "../client";
import { connections, fills, reconciledPositions, reconciliationSummaries, strategyEquity, tradingAccounts, type ReconciledPositionRow, type ReconciliationSummaryRow, type StrategyEquityRow } from "../schema";
import { liveConnection } from "./connections";
import { inIds } from "./id-filter";

/**
 * Reads behind /strategies: the newest reconciliation of each of the owner's connections,
 * its rows, the strategies' stored PnL points, and the fills attributed per strategy tag.
 * Every read takes the owner; nothing here writes.
 */

export interface LatestReconciliation {
  connectionId: string;
  connectionLabel: string;
  provider: string;
  /** Null when the connection has no reconciled snapshot yet. */
  summary: ReconciliationSummaryRow | null;
}

/** Each live connection of the owner (one, when named) with its newest reconciliation summary: one index probe per connection, then the summaries by key. */
export async function listLatestReconciliations(db: Db, p: { ownerId: string; connectionId?: string; connectionIds?: readonly string[] | null }): Promise<LatestReconciliation[]> {
  const latest = db
    .select({ snapshotId: reconciliationSummaries.snapshotId })
    .from(reconciliationSummaries)
    .where(and(eq(reconciliationSummaries.ownerId, p.ownerId), eq(reconciliationSummaries.connectionId, connections.id)))
    .orderBy(desc(reconciliationSummaries.capturedAt))
    .limit(1)
    .as("latest");
  const rows = await db
    .select({ connectionId: connections.id, connectionLabel: connections.label, provider: connections.provider, snapshotId: latest.snapshotId })
    .from(connections)
    .leftJoinLateral(latest, sql`true`)
    .where(and(eq(connections.ownerId, p.ownerId), liveConnection, p.connectionId ? eq(connections.id, p.connectionId) : undefined, inIds(connections.id, p.connectionIds)))
    .orderBy(asc(connections.label), asc(connections.id));
  const ids = rows.flatMap((r) => (r.snapshotId ? [r.snapshotId] : []));
  const summaries =
    ids.length === 0
      ? []
      : await db
          .select()
          .from(reconciliationSummaries)
          .where(and(eq(reconciliationSummaries.ownerId, p.ownerId), inArray(reconciliationSummaries.snapshotId, ids)));
  const byId = new Map(summaries.map((s) => [s.snapshotId, s]));
  return rows.map(({ snapshotId, ...r }) => ({ ...r, summary: (snapshotId && byId.get(snapshotId)) || null }));
}

/** The reconciled rows of several snapshots of the owner, by symbol then strategy (the residual last). */
export async function listReconciledRows(db: Db, p: { ownerId: string; snapshotIds: string[] }): Promise<ReconciledPositionRow[]> {
  if (p.snapshotIds.length === 0) return [];
  return db
    .select()
    .from(reconciledPositions)
    .where(and(eq(reconciledPositions.ownerId, p.ownerId), inArray(reconciledPositions.snapshotId, p.snapshotIds)))
    .orderBy(asc(reconciledPositions.snapshotId), asc(reconciledPositions.symbol), sql`${reconciledPositions.strategy} asc nulls last`);
}

/** The strategies' stored PnL points since `from` (one per reconciled snapshot), oldest first. */
export async function listStrategyPoints(db: Db, p: { ownerId: string; from: Date; connectionId?: string; connectionIds?: readonly string[] | null }): Promise<StrategyEquityRow[]> {
  return db
    .select()
    .from(strategyEquity)
    .where(and(eq(strategyEquity.ownerId, p.ownerId), gte(strategyEquity.at, p.from), p.connectionId ? eq(strategyEquity.connectionId, p.connectionId) : undefined, inIds(strategyEquity.connectionId, p.connectionIds)))
    .orderBy(asc(strategyEquity.at), asc(strategyEquity.strategy), asc(strategyEquity.connectionId));
}

export interface StrategyFillCount {
  /** Null for fills whose order carried no tag. */
  strategy: string | null;
  fills: number;
  firstAt: Date | null;
  lastAt: Date | null;
}

/** Fills per strategy tag (null: untagged) over the owner's fills (one connection's, when named; of `accountIds` when given), with the first and last execution. */
export async function countFillsByStrategy(db: Db, p: { ownerId: string; connectionId?: string; accountIds?: readonly string[] | null }): Promise<StrategyFillCount[]> {
  const ofConnection = p.connectionId
    ? inArray(
        fills.accountId,
        db
          .select({ id: tradingAccounts.id })
          .from(tradingAccounts)
          .where(and(eq(tradingAccounts.ownerId, p.ownerId), eq(tradingAccounts.connectionId, p.connectionId))),
      )
    : undefined;
  const rows = await db
    .select({ strategy: fills.strategy, fills: count(), firstAt: min(fills.executedAt), lastAt: max(fills.executedAt) })
    .from(fills)
    .where(and(eq(fills.ownerId, p.ownerId), ofConnection, inIds(fills.accountId, p.accountIds)))
    .groupBy(fills.strategy)
    .orderBy(sql`${fills.strategy} asc nulls last`);
  return rows.map((r) => ({ ...r, fills: Number(r.fills) }));
}

/** Whether the owner has any live connection at all (the page's first empty state). */
export async function hasLiveConnection(db: Db, p: { ownerId: string }): Promise<boolean> {
  const [row] = await db
    .select({ id: connections.id })
    .from(connections)
    .where(and(eq(connections.ownerId, p.ownerId), liveConnection))
    .limit(1);
  return row !== undefined;
}
