import { asc, eq, sql, type SQL } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Db } from "../client";
import {
  auditCheckpoints,
  alertDeliveries,
  alertMutes,
  cashFlowMatches,
  cashFlows,
  unitIssues,
  alertThresholds,
  notificationChannels,
  telegramBots,
  telegramLinkCodes,
  telegramLinks,
  accountHoldings,
  alerts,
  apiKeys,
  connections,
  departments,
  endOfDaySnapshots,
  equityRollups,
  fills,
  historyResiduals,
  historyRuns,
  orderEvents,
  orders,
  portfolioAccounts,
  portfolios,
  portfolioSnapshots,
  rebalanceTargets,
  reconciledPositions,
  reconciliationSummaries,
  retentionMarks,
  snapshotGapChecks,
  snapshotGaps,
  snapshotHoldings,
  strategyEquity,
  syncBatches,
  syncCursors,
  syncRawResponses,
  tradingAccounts,
  valuations,
  workspaces,
} from "../schema";
import { NotFoundError } from "./not-found";

/**
 * Every table with an `owner_id`, each after the tables whose rows point at it (none of their
 * foreign keys cascade, so the order is what lets each DELETE through). A table added with an
 * owner_id and not listed here leaves its rows behind and the deletion fails on the foreign key
 * to the workspace; db/queries/workspace-deletion.int.test.ts finds every such table in the
 * database catalogue and checks that none keeps a row.
 */
const OWNED_TABLES: Array<PgTable & { ownerId: PgColumn }> = [
  telegramLinks,
  telegramLinkCodes,
  telegramBots,
  auditCheckpoints,
  rebalanceTargets,
  cashFlowMatches,
  cashFlows,
  unitIssues,
  orderEvents,
  fills,
  orders,
  accountHoldings,
  valuations,
  reconciledPositions,
  reconciliationSummaries,
  strategyEquity,
  snapshotHoldings,
  portfolioSnapshots,
  endOfDaySnapshots,
  equityRollups,
  alertDeliveries,
  notificationChannels,
  alertMutes,
  alertThresholds,
  alerts,
  snapshotGaps,
  snapshotGapChecks,
  historyResiduals,
  historyRuns,
  syncCursors,
  syncRawResponses,
  portfolioAccounts,
  retentionMarks,
  tradingAccounts,
  syncBatches,
  portfolios,
  departments,
  connections,
];

/**
 * Deletes a workspace and everything it owns, in one transaction: its portfolio data, the
 * append-only order events and fills (migration 0011 lets their trigger pass a DELETE only for
 * the workspace this transaction names), its API keys, and the workspace row, whose members
 * and invitations cascade with it (sessions looking at it fall back to none). A sync of one of
 * its connections that is writing is waited for (its advisory lock); one that starts writing
 * later finds its connection gone and fails.
 */
export async function deleteWorkspace(db: Db, p: { ownerId: string }): Promise<void> {
  await db.transaction(async (tx) => {
    const [ws] = await tx.select({ id: workspaces.id }).from(workspaces).where(eq(workspaces.id, p.ownerId)).for("update");
    if (!ws) throw new NotFoundError("workspace");
    const conns = await tx.select({ id: connections.id }).from(connections).where(eq(connections.ownerId, p.ownerId)).orderBy(asc(connections.id));
    // The same lock a sync writes under (lib/sync/run-sync.ts), taken in id order so two deletions cannot deadlock.
    for (const c of conns) await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${c.id}))`);
    await tx.execute(sql`select set_config('venuefolio.deleting_workspace', ${p.ownerId}, true)`);
    for (const table of OWNED_TABLES) await tx.delete(table).where(eq(table.ownerId, p.ownerId) as SQL);
    await tx.delete(apiKeys).where(eq(apiKeys.referenceId, p.ownerId));
    await tx.delete(workspaces).where(eq(workspaces.id, p.ownerId));
  });
}
