import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { readSweepState } from "@/db/queries/cursors";
import { accountHoldings, fills, orders, tradingAccounts } from "@/db/schema";
import type { Balance, IncrementalParams } from "@/lib/connectors/types";

/**
 * What a connector cannot know without the database, for its incremental reads: the
 * symbols this connection has traded or ordered before (Binance's history endpoints need
 * a symbol each), and the orders still stored as open (a venue that lists history by
 * creation time never shows an old order that has closed since), the balances the last
 * run stored (a balance that moved with no fill to explain it points at an unread market)
 * and the assets ever held with each swept market's cursor (the periodic sweep).
 */
export async function historyContext(
  db: Db,
  p: { ownerId: string; connectionId: string },
): Promise<Pick<IncrementalParams, "symbols" | "openOrders" | "previousBalances" | "sweep">> {
  const accounts = db
    .select({ id: tradingAccounts.id })
    .from(tradingAccounts)
    .where(and(eq(tradingAccounts.ownerId, p.ownerId), eq(tradingAccounts.connectionId, p.connectionId)));
  const filled = await db
    .selectDistinct({ symbol: fills.symbol })
    .from(fills)
    .where(and(eq(fills.ownerId, p.ownerId), inArray(fills.accountId, accounts)));
  const ordered = await db
    .selectDistinct({ symbol: orders.symbol })
    .from(orders)
    .where(and(eq(orders.ownerId, p.ownerId), inArray(orders.accountId, accounts)));
  const open = await db
    .select({ symbol: orders.symbol, venueOrderId: orders.venueOrderId })
    .from(orders)
    .where(and(eq(orders.ownerId, p.ownerId), inArray(orders.accountId, accounts), inArray(orders.status, ["open", "partially_filled"])));
  const held = await db
    .select({ accountUid: tradingAccounts.accountUid, balances: accountHoldings.balances, at: accountHoldings.updatedAt })
    .from(accountHoldings)
    .innerJoin(tradingAccounts, eq(tradingAccounts.id, accountHoldings.accountId))
    .where(and(eq(accountHoldings.ownerId, p.ownerId), eq(tradingAccounts.connectionId, p.connectionId)));
  const symbols = [...new Set([...filled, ...ordered].map((r) => r.symbol))].sort();
  const previous: Balance[] = held.flatMap((h) => h.balances.map((b) => ({ accountUid: h.accountUid, ...b })));
  // The earliest write among the accounts: fills after it are the ones that can explain a change.
  const at = held.reduce<Date | null>((a, h) => (a === null || h.at < a ? h.at : a), null);
  return {
    symbols,
    openOrders: open,
    ...(at ? { previousBalances: { at, balances: previous } } : {}),
    sweep: await readSweepState(db, p),
  };
}
