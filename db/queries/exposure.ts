import { and, asc, eq, sql } from "drizzle-orm";
import type { Db } from "../client";
import { accountHoldings, connections, tradingAccounts } from "../schema";
import { liveConnection } from "./connections";
import { inIds } from "./id-filter";

/** Code-point order, the same on both drivers whatever the database's collation. */
const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The current balances and open positions of the given connections, each with the account
 * and connection it sits in: what the exposure page splits by venue and account. The
 * caller passes the connections whose latest snapshot it values them with, and the
 * portfolio selector's accounts (null: every account of those connections).
 *
 * Reads each account's holdings documents whole (one row per account), not the `balances`
 * and `positions` views: unpacking 500 positions into typed rows cost the database 5 ms and
 * the driver twice that to decode cell by cell (bench:pages, /api/exposure), where the
 * document is one native JSON.parse. The documents hold the same exact decimal strings the
 * views cast. Balances come by connection, account and asset; positions by connection and
 * account, in the venue's order within one (the caller orders what it shows).
 */
export async function getExposureHoldings(db: Db, p: { ownerId: string; connectionIds: string[]; accountIds?: readonly string[] | null }) {
  if (p.connectionIds.length === 0) return { balances: [], positions: [] };
  const docs = await db
    .select({
      balances: accountHoldings.balances,
      positions: accountHoldings.positions,
      accountId: tradingAccounts.id,
      accountName: tradingAccounts.name,
      connectionId: connections.id,
      connectionLabel: connections.label,
      provider: connections.provider,
    })
    .from(accountHoldings)
    .innerJoin(tradingAccounts, eq(tradingAccounts.id, accountHoldings.accountId))
    .innerJoin(connections, eq(connections.id, tradingAccounts.connectionId))
    .where(
      and(
        eq(accountHoldings.ownerId, p.ownerId),
        eq(connections.ownerId, p.ownerId),
        liveConnection,
        sql`${connections.id} = any(${sql.param(p.connectionIds)}::uuid[])`,
        inIds(tradingAccounts.id, p.accountIds),
      ),
    )
    .orderBy(asc(connections.label), asc(tradingAccounts.name), asc(tradingAccounts.id));

  const balances = docs.flatMap(({ balances: held, positions: _, ...account }) =>
    [...held].sort((a, b) => byCode(a.asset, b.asset)).map((b) => ({ asset: b.asset, wallet: b.wallet, total: b.total, ...account })),
  );
  const positions = docs.flatMap(({ balances: _, positions: open, ...account }) =>
    open.map((x) => ({
      symbol: x.symbol,
      underlying: x.underlying,
      quoteCurrency: x.quote_currency,
      instrumentType: x.instrument_type,
      side: x.side,
      quantity: x.quantity,
      markPrice: x.mark_price,
      notional: x.notional,
      liquidationPrice: x.liquidation_price ?? null,
      leverage: x.leverage ?? null,
      marginMode: x.margin_mode ?? null,
      ...account,
    })),
  );
  return { balances, positions };
}
