import { z } from "zod";
import type { Db } from "@/db/client";
import { fillTotals, listFillPage, type FillListRow } from "@/db/queries/fill-list";
import { decodeCursor } from "@/db/queries/keyset";
import type { TradeFilters } from "@/db/queries/trade-filters";
import type { KeysetPageRequest } from "./keyset-page";
import type { FillPage, FillTotals, FillView } from "./fill-schemas";
import { filterValues, localDayRange, strictFilters, tradeFilterShape, type SearchInput } from "./trade-filters";

/** The /fills filters: exactly the trade filters /orders has, without status (a fill has none). */
export const fillFiltersSchema = strictFilters(tradeFilterShape);
export type FillFilters = z.infer<typeof fillFiltersSchema>;

/** The filters a query string asks for (table keys cursor, limit and sort left to the table's parsers). */
export function parseFillFilters(search: SearchInput) {
  return fillFiltersSchema.safeParse(filterValues(search));
}

function toFillView(r: FillListRow): FillView {
  return {
    id: r.id,
    executedAt: r.executedAt.toISOString(),
    connectionId: r.connectionId,
    connectionLabel: r.connectionLabel,
    accountId: r.accountId,
    accountName: r.accountName,
    symbol: r.symbol,
    side: r.side,
    price: r.price,
    quantity: r.quantity,
    notional: r.notional,
    fee: r.fee,
    feeAsset: r.feeAsset,
    liquidity: r.liquidity,
    strategy: r.strategy,
    venueOrderId: r.venueOrderId,
    clientOrderId: r.clientOrderId,
    orderId: r.orderId,
  };
}

/** The filters as the queries take them; the date range is of local days in the workspace's zone, both ends included. */
function queryFilters(f: FillFilters, timeZone: string): TradeFilters {
  const range = localDayRange(f, timeZone);
  return { connectionId: f.connection, accountId: f.account, symbol: f.symbol, side: f.side, strategy: f.strategy, from: range.from, before: range.before, find: f.find };
}

/** The filtered set's totals by asset, exact (summed in SQL numeric over every matching fill). */
export async function loadFillTotals(db: Db, p: { ownerId: string; timeZone: string; filters: FillFilters }): Promise<FillTotals> {
  const rows = await fillTotals(db, { ownerId: p.ownerId, filters: queryFilters(p.filters, p.timeZone) });
  const of = (kind: "quantity" | "notional" | "fee") => rows.filter((r) => r.kind === kind).map((r) => ({ asset: r.asset, total: r.total, fills: r.fills }));
  const quantity = of("quantity");
  // Every fill has one base asset: the count of the set is the sum of those groups' counts.
  return { fills: quantity.reduce((n, r) => n + r.fills, 0), quantity, notional: of("notional"), fees: of("fee") };
}

/** One page of the workspace's fills for a table request and its validated filters; the first page (no cursor) also has the whole filtered set's totals. */
export async function loadFillPage(db: Db, p: { ownerId: string; timeZone: string; request: KeysetPageRequest; filters: FillFilters }): Promise<FillPage> {
  const [page, totals] = await Promise.all([
    listFillPage(db, {
      ownerId: p.ownerId,
      cursor: decodeCursor(p.request.cursor),
      limit: p.request.limit,
      descending: p.request.sort?.desc ?? true,
      filters: queryFilters(p.filters, p.timeZone),
    }),
    p.request.cursor === null ? loadFillTotals(db, p) : null,
  ]);
  return { ...page, rows: page.rows.map(toFillView), totals };
}
