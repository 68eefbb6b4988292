import { and, asc, eq, sql } from "drizzle-orm";
import type { Db } from "../client";
import { balances, connections, tradingAccounts } from "../schema";
import { liveConnection } from "./connections";

/**
 * The current balances of the workspace's live connections, each with its account,
 * connection and provider: what /rebalance splits into legs per venue. `accountIds` narrows
 * to a portfolio's accounts (null = the whole workspace), so any selection the portfolio
 * resolver turns into a set of accounts reads the same way.
 */
export async function getRebalanceBalances(db: Db, p: { ownerId: string; accountIds: string[] | null }) {
  if (p.accountIds !== null && p.accountIds.length === 0) return [];
  const inAccounts = p.accountIds === null ? undefined : sql`${tradingAccounts.id} = any(${sql.param(p.accountIds)}::uuid[])`;
  return db
    .select({
      asset: balances.asset,
      total: balances.total,
      accountId: tradingAccounts.id,
      accountUid: tradingAccounts.accountUid,
      accountName: tradingAccounts.name,
      connectionId: connections.id,
      connectionLabel: connections.label,
      provider: connections.provider,
    })
    .from(balances)
    .innerJoin(tradingAccounts, eq(tradingAccounts.id, balances.accountId))
    .innerJoin(connections, eq(connections.id, tradingAccounts.connectionId))
    .where(and(eq(balances.ownerId, p.ownerId), eq(connections.ownerId, p.ownerId), liveConnection, inAccounts))
    .orderBy(asc(connections.label), asc(tradingAccounts.name), asc(balances.asset));
}

/** The ids of one connection's accounts (the connection is checked to be the owner's first). */
export async function listConnectionAccountIds(db: Db, p: { ownerId: string; connectionId: string }): Promise<string[]> {
  const rows = await db
    .select({ id: tradingAccounts.id })
    .from(tradingAccounts)
    .where(and(eq(tradingAccounts.ownerId, p.ownerId), eq(tradingAccounts.connectionId, p.connectionId)));
  return rows.map((r) => r.id);
}
