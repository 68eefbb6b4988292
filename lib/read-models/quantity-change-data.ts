import type { Db } from "@/db/client";
import { decodeCursor } from "@/db/queries/keyset";
import { listOrderSymbols, listQuantityChanges } from "@/db/queries/quantity-changes";
import type { KeysetPage, KeysetPageRequest } from "./keyset-page";
import { quantityChangeQuerySchema, type QuantityChangeView } from "./quantity-change-schemas";
import { filterValues, type SearchInput } from "./trade-filters";

/** The symbol a query string asks for; missing or not a symbol's format is refused, naming `symbol`. */
export function parseQuantityChangeQuery(search: SearchInput) {
  const { symbol } = filterValues(search);
  return quantityChangeQuerySchema.safeParse({ symbol });
}

/**
 * One page of every QUANTITY_ADDED and QUANTITY_REMOVED event of one symbol across the
 * workspace's accounts, in time order (occurred at, then the order it was recorded in).
 */
export async function loadQuantityChanges(db: Db, p: { ownerId: string; symbol: string; request: Pick<KeysetPageRequest, "cursor" | "limit"> }): Promise<KeysetPage<QuantityChangeView>> {
  const page = await listQuantityChanges(db, { ownerId: p.ownerId, symbol: p.symbol, cursor: decodeCursor(p.request.cursor, "bigint"), limit: p.request.limit });
  return {
    ...page,
    rows: page.rows.map((r) => ({
      seq: r.seq,
      occurredAt: r.occurredAt.toISOString(),
      accountId: r.accountId,
      accountName: r.accountName,
      connectionLabel: r.connectionLabel,
      orderId: r.orderId,
      venueOrderId: r.venueOrderId,
      type: r.type,
      quantityBefore: r.quantityBefore,
      quantityAfter: r.quantityAfter,
      delta: r.delta,
      statusAfter: r.statusAfter,
      syncBatchId: r.syncBatchId,
    })),
  };
}

/** The symbols the workspace has orders in: the page's symbol choices. */
export const loadOrderSymbols = (db: Db, p: { ownerId: string }) => listOrderSymbols(db, p);
