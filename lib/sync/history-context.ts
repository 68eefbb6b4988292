import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { fills, orders, tradingAccounts } from "@/db/schema";
import type { IncrementalParams } from "@/lib/connectors/types";

/**
 * What a connector cannot know without the database, for its incremental reads: the
 * symbols this connection has traded or ordered before (Binance's history endpoints need
 * a symbol each), and the orders still stored as open (a venue that lists history by
 * creation time never shows an old order that has closed since).
 */
export async function historyContext(
  db: Db,
  p: { ownerId: string; connectionId: string },
): Promise<Pick<IncrementalParams, "symbols" | "openOrders">> {
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
  const symbols = [...new Set([...filled, ...ordered].map((r) => r.symbol))].sort();
  return { symbols, openOrders: open };
}
