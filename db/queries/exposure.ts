import { and, asc, eq, sql } from "drizzle-orm";
import type { Db } from "../client";
import { balances, connections, positions, tradingAccounts } from "../schema";
import { liveConnection } from "./connections";
import { inIds } from "./id-filter";

/**
 * The current balances and open positions of the given connections, each with the account
 * and connection it sits in: what the exposure page splits by venue and account. The
 * caller passes the connections whose latest snapshot it values them with, and the
 * portfolio selector's accounts (null: every account of those connections).
 */
export async function getExposureHoldings(db: Db, p: { ownerId: string; connectionIds: string[]; accountIds?: readonly string[] | null }) {
  if (p.connectionIds.length === 0) return { balances: [], positions: [] };
  const inConnections = sql`${connections.id} = any(${sql.param(p.connectionIds)}::uuid[])`;
  const account = {
    accountId: tradingAccounts.id,
    accountName: tradingAccounts.name,
    connectionId: connections.id,
    connectionLabel: connections.label,
    provider: connections.provider,
  };
  const [held, open] = await Promise.all([
    db
      .select({ asset: balances.asset, wallet: balances.wallet, total: balances.total, ...account })
      .from(balances)
      .innerJoin(tradingAccounts, eq(tradingAccounts.id, balances.accountId))
      .innerJoin(connections, eq(connections.id, tradingAccounts.connectionId))
      .where(and(eq(balances.ownerId, p.ownerId), eq(connections.ownerId, p.ownerId), liveConnection, inConnections, inIds(tradingAccounts.id, p.accountIds)))
      .orderBy(asc(connections.label), asc(tradingAccounts.name), asc(balances.asset)),
    db
      .select({
        symbol: positions.symbol,
        underlying: positions.underlying,
        quoteCurrency: positions.quoteCurrency,
        instrumentType: positions.instrumentType,
        side: positions.side,
        quantity: positions.quantity,
        markPrice: positions.markPrice,
        notional: positions.notional,
        liquidationPrice: positions.liquidationPrice,
        leverage: positions.leverage,
        marginMode: positions.marginMode,
        ...account,
      })
      .from(positions)
      .innerJoin(tradingAccounts, eq(tradingAccounts.id, positions.accountId))
      .innerJoin(connections, eq(connections.id, tradingAccounts.connectionId))
      .where(and(eq(positions.ownerId, p.ownerId), eq(connections.ownerId, p.ownerId), liveConnection, inConnections, inIds(tradingAccounts.id, p.accountIds)))
      .orderBy(sql`abs(${positions.notional}) desc`, asc(positions.symbol)),
  ]);
  return { balances: held, positions: open };
}
