import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { accountHoldings, type HeldBalance, type HeldPosition } from "@/db/schema";
import type { Balance, Position } from "@/lib/connectors/types";

/**
 * Replaces the current balances and positions of the connection's accounts with what
 * the venue reported now: one holdings document per account, so an account that now
 * holds nothing is written empty, and a position the venue no longer lists is gone.
 */
export async function replaceHoldings(
  tx: Db,
  p: {
    ownerId: string;
    batchId: string;
    at: Date;
    accountIds: Map<string, string>;
    balances: Balance[];
    positions: Position[];
  },
): Promise<void> {
  if (p.accountIds.size === 0) return;
  const byAccount = new Map<string, { balances: HeldBalance[]; positions: HeldPosition[] }>();
  for (const id of p.accountIds.values()) byAccount.set(id, { balances: [], positions: [] });
  const of = (uid: string) => byAccount.get(p.accountIds.get(uid)!)!;
  for (const b of p.balances) {
    of(b.accountUid).balances.push({ asset: b.asset, wallet: b.wallet, free: b.free, locked: b.locked, total: b.total });
  }
  for (const pos of p.positions) {
    of(pos.accountUid).positions.push({
      symbol: pos.symbol,
      underlying: pos.underlying,
      quote_currency: pos.quoteCurrency,
      settle_currency: pos.settleCurrency,
      instrument_type: pos.instrumentType,
      side: pos.side,
      quantity: pos.quantity,
      entry_price: pos.entryPrice,
      mark_price: pos.markPrice,
      notional: pos.notional,
      unrealized_pnl: pos.unrealizedPnl,
      liquidation_price: pos.liquidationPrice ?? null,
      leverage: pos.leverage ?? null,
      margin_mode: pos.marginMode ?? null,
    });
  }
  // Built by the query builder, not as JSON rows: each document is then one json
  // parameter, read once, instead of JSON inside JSON read twice.
  await tx
    .insert(accountHoldings)
    .values(
      [...byAccount].map(([accountId, held]) => ({
        accountId,
        ownerId: p.ownerId,
        balances: held.balances,
        positions: held.positions,
        syncBatchId: p.batchId,
        updatedAt: p.at,
      })),
    )
    .onConflictDoUpdate({
      target: accountHoldings.accountId,
      set: {
        balances: sql`excluded.balances`,
        positions: sql`excluded.positions`,
        syncBatchId: sql`excluded.sync_batch_id`,
        updatedAt: sql`excluded.updated_at`,
      },
    });
}
