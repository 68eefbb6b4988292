import { and, sql, type SQL } from "drizzle-orm";
import type { OrderSide } from "@/lib/connectors/types";
import type { Db } from "../client";
import { executeRows } from "../execute-rows";
import { keysetOrder, keysetResult, keysetWhere, type KeysetCursor } from "./keyset";
import { tradeFilterWhere, type TradeFilterColumns, type TradeFilters } from "./trade-filters";

/** One listed fill, where it executed, and its order when the workspace has it. */
export interface FillListRow {
  id: string;
  key: string;
  executedAt: Date;
  accountId: string;
  accountName: string;
  connectionId: string;
  connectionLabel: string;
  venueOrderId: string;
  clientOrderId: string | null;
  /** The order's id, when an order with this venue order id is recorded on the fill's account. */
  orderId: string | null;
  symbol: string;
  side: OrderSide;
  price: string;
  quantity: string;
  /** price × quantity, exact (numeric), trailing zeros trimmed. */
  notional: string;
  fee: string;
  feeAsset: string;
  liquidity: "maker" | "taker" | null;
  strategy: string | null;
}

// Keyset (executed_at, id): the shape of the (owner_id, executed_at, id) and
// (owner_id, symbol, executed_at, id) indexes, so a deep page is one range read like the first.
const KEY = { at: sql`f.executed_at`, id: sql`f.id` };

const FILL_COLUMNS: TradeFilterColumns = {
  accountId: sql`f.account_id`,
  symbol: sql`f.symbol`,
  side: sql`f.side`,
  // Stored with the fill by the sync, by the same rule as the orders' (lib/attribution/strategy-tags.ts).
  // "untagged" is reserved there (never stored): it names the fills without a tag, /strategies' untagged row.
  strategy: (tag) => [tag === "untagged" ? sql`f.strategy is null` : sql`f.strategy = ${tag}`],
  at: sql`f.executed_at`,
  venueOrderId: sql`f.venue_order_id`,
  clientOrderId: sql`f.client_order_id`,
};

const filtered = (ownerId: string, filters: TradeFilters): SQL[] => [sql`f.owner_id = ${ownerId}::uuid`, ...tradeFilterWhere(FILL_COLUMNS, filters)];

/** One page of the workspace's fills, newest executed first by default. */
export async function listFillPage(db: Db, p: { ownerId: string; cursor: KeysetCursor | null; limit: number; descending: boolean; filters: TradeFilters }) {
  const where = filtered(p.ownerId, p.filters);
  const range = keysetWhere(KEY, p.cursor, p.descending);
  if (range) where.push(range);
  const rows = await executeRows<Record<string, unknown>>(
    db,
    sql`
    select f.id, f.executed_at::text as key, f.executed_at, f.account_id, a.name as account_name, a.connection_id, c.label as connection_label,
      f.venue_order_id, f.client_order_id, o.id as order_id, f.symbol, f.side, f.price::text as price, f.quantity::text as quantity,
      trim_scale(f.price * f.quantity)::text as notional, f.fee::text as fee, f.fee_currency, f.liquidity, f.strategy
    from fills f
    join trading_accounts a on a.id = f.account_id
    join connections c on c.id = a.connection_id
    left join orders o on o.account_id = f.account_id and o.venue_order_id = f.venue_order_id and o.owner_id = f.owner_id
    where ${and(...where)}
    order by ${sql.join(keysetOrder(KEY, p.cursor, p.descending), sql`, `)}
    limit ${p.limit + 1}`,
  );
  const page = keysetResult(rows, { cursor: p.cursor, limit: p.limit, key: (r) => ({ at: String(r.key), id: String(r.id) }) });
  return { ...page, rows: page.rows.map(toFillRow) };
}

function toFillRow(r: Record<string, unknown>): FillListRow {
  const s = (k: string) => r[k] as string;
  const n = (k: string) => (r[k] ?? null) as string | null;
  return {
    id: s("id"),
    key: s("key"),
    executedAt: new Date(s("executed_at")),
    accountId: s("account_id"),
    accountName: s("account_name"),
    connectionId: s("connection_id"),
    connectionLabel: s("connection_label"),
    venueOrderId: s("venue_order_id"),
    clientOrderId: n("client_order_id"),
    orderId: n("order_id"),
    symbol: s("symbol"),
    side: s("side") as OrderSide,
    price: s("price"),
    quantity: s("quantity"),
    notional: s("notional"),
    fee: s("fee"),
    feeAsset: s("fee_currency"),
    liquidity: n("liquidity") as FillListRow["liquidity"],
    strategy: n("strategy"),
  };
}

/** One total of the filtered fills: of `kind`, in `asset` (null: a notional whose symbol names no quote, e.g. "AAPL"). */
export interface FillTotalRow {
  kind: "quantity" | "notional" | "fee";
  asset: string | null;
  total: string;
  fills: number;
}

/**
 * The totals of every fill the filters match (not only a page's), exactly, in numeric:
 * Σ quantity by base asset, Σ price × quantity by quote asset, Σ fee by fee asset. The base
 * and quote are read from the symbol as the pages read it ("BTC/USDT:USDT": BTC, USDT).
 */
export async function fillTotals(db: Db, p: { ownerId: string; filters: TradeFilters }): Promise<FillTotalRow[]> {
  // The account join is needed only to filter by connection.
  const join = p.filters.connectionId ? sql`join trading_accounts a on a.id = f.account_id` : sql``;
  // One pass over the matching fills, three groupings (about half the time of three scans of a
  // materialised set: 0.29 s against 0.5–0.6 s over 300,000 fills on PostgreSQL). Each row
  // holds every sum; grouping() says which grouping it is, so only that one's sum is read
  // (a null quote is a real group: symbols that name none).
  const rows = await executeRows<{ gb: number; gq: number; base: string | null; quote: string | null; fee_currency: string | null; quantity: string; notional: string; fee: string; fills: number | string }>(
    db,
    sql`
    select grouping(base) as gb, grouping(quote) as gq, base, quote, fee_currency, trim_scale(sum(quantity))::text as quantity,
      trim_scale(sum(price * quantity))::text as notional, trim_scale(sum(fee))::text as fee, count(*)::int as fills
    from (
      select split_part(f.symbol, '/', 1) as base, nullif(split_part(split_part(f.symbol, '/', 2), ':', 1), '') as quote, f.fee_currency, f.price, f.quantity, f.fee
      from fills f ${join} where ${and(...filtered(p.ownerId, p.filters))}
    ) m
    group by grouping sets ((base), (quote), (fee_currency))`,
  );
  const out: FillTotalRow[] = rows.map((r) => {
    const fills = Number(r.fills);
    if (Number(r.gb) === 0) return { kind: "quantity", asset: r.base, total: r.quantity, fills };
    if (Number(r.gq) === 0) return { kind: "notional", asset: r.quote, total: r.notional, fills };
    return { kind: "fee", asset: r.fee_currency, total: r.fee, fills };
  });
  return out.sort((a, b) => a.kind.localeCompare(b.kind) || (a.asset ?? "").localeCompare(b.asset ?? ""));
}
