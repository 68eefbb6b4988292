import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../client";
import { accountHoldings, portfolios, portfolioSnapshots, tradingAccounts, valuations } from "../schema";

/** What the page of one connection reads besides the connection row; all owner-scoped. */

/** Its venue accounts with their portfolio and current holdings (null before the first sync wrote them). */
export async function listConnectionAccounts(db: Db, p: { ownerId: string; connectionId: string }) {
  return db
    .select({
      id: tradingAccounts.id,
      accountUid: tradingAccounts.accountUid,
      name: tradingAccounts.name,
      alias: tradingAccounts.alias,
      venue: tradingAccounts.venue,
      kind: tradingAccounts.kind,
      balanceUsd: tradingAccounts.balanceUsd,
      portfolioName: portfolios.name,
      portfolioAlias: portfolios.alias,
      balances: accountHoldings.balances,
      positions: accountHoldings.positions,
      holdingsAt: accountHoldings.updatedAt,
    })
    .from(tradingAccounts)
    .leftJoin(portfolios, eq(portfolios.id, tradingAccounts.portfolioId))
    .leftJoin(accountHoldings, eq(accountHoldings.accountId, tradingAccounts.id))
    .where(and(eq(tradingAccounts.ownerId, p.ownerId), eq(tradingAccounts.connectionId, p.connectionId)))
    .orderBy(asc(tradingAccounts.name), asc(tradingAccounts.accountUid));
}

/** The connection's newest snapshots, newest first (served by its (connection, time) unique index). */
export async function recentSnapshots(db: Db, p: { ownerId: string; connectionId: string; limit: number }) {
  return db
    .select({
      id: portfolioSnapshots.id,
      capturedAt: portfolioSnapshots.capturedAt,
      baseCurrency: portfolioSnapshots.baseCurrency,
      equity: portfolioSnapshots.equity,
      spotValue: portfolioSnapshots.spotValue,
      fundingValue: portfolioSnapshots.fundingValue,
      futuresWalletBalance: portfolioSnapshots.futuresWalletBalance,
      unrealizedPnl: portfolioSnapshots.unrealizedPnl,
      grossExposure: portfolioSnapshots.grossExposure,
      unpricedAssets: portfolioSnapshots.unpricedAssets,
      reconstructed: portfolioSnapshots.reconstructed,
    })
    .from(portfolioSnapshots)
    .where(and(eq(portfolioSnapshots.ownerId, p.ownerId), eq(portfolioSnapshots.connectionId, p.connectionId)))
    .orderBy(desc(portfolioSnapshots.capturedAt))
    .limit(p.limit);
}

/** Each account's newest NAV points (venues that value accounts themselves: IBKR, 1Token), newest first. */
export async function recentAccountValuations(db: Db, p: { ownerId: string; accountIds: string[]; perAccount: number }) {
  if (p.accountIds.length === 0) return [];
  const ranked = db
    .select({
      accountId: valuations.accountId,
      at: valuations.at,
      currency: valuations.currency,
      netAssets: valuations.netAssets,
      navPerUnit: valuations.navPerUnit,
      rank: sql<number>`row_number() over (partition by ${valuations.accountId} order by ${valuations.at} desc)`.as("rank"),
    })
    .from(valuations)
    .where(and(eq(valuations.ownerId, p.ownerId), inArray(valuations.accountId, p.accountIds)))
    .as("ranked");
  return db
    .select({ accountId: ranked.accountId, at: ranked.at, currency: ranked.currency, netAssets: ranked.netAssets, navPerUnit: ranked.navPerUnit })
    .from(ranked)
    .where(sql`${ranked.rank} <= ${p.perAccount}`)
    .orderBy(asc(ranked.accountId), desc(ranked.at));
}
