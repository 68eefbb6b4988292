import { and, sql, type SQL } from "drizzle-orm";
import type { OrderSide, OrderStatus } from "@/lib/connectors/types";
import type { Db } from "../client";
import { orderStrategyCandidate } from "../schema/orders";
import { executeRows } from "../execute-rows";
import { keysetOrder, keysetResult, keysetWhere, type KeysetCursor } from "./keyset";
import { tradeFilterWhere, type TradeFilterColumns, type TradeFilters } from "./trade-filters";

/** The shared trade filters (trade-filters.ts), `from`/`before` on the placed-at time, and the order's status. */
export interface OrderListFilters extends TradeFilters {
  status?: OrderStatus;
}

/** One listed order: its current state (the projection of its events) and where it lives. */
export interface OrderListRow {
  id: string;
  key: string;
  accountId: string;
  accountName: string;
  connectionId: string;
  connectionLabel: string;
  provider: string;
  venueOrderId: string;
  clientOrderId: string | null;
  symbol: string;
  side: OrderSide;
  type: string;
  status: OrderStatus;
  price: string | null;
  quantity: string;
  filledQuantity: string;
  averagePrice: string | null;
  placedAt: Date;
  updatedAt: Date;
}

const KEY = { at: sql`o.venue_created_at`, id: sql`o.id` };

/**
/**
 * The strategy tag a client order id carries, in SQL: the rule of lib/attribution/strategy-tags.ts
 * ("<tag>:<rest>"; on OKX "<tag>X<rest>"; "untagged" is no tag): the value an export writes.
 * The two must agree: lib/read-models/order-data.int.test.ts checks this one against the
 * TypeScript rule on the demo's orders.
 */
export const orderStrategySql = sql`nullif(case when c.provider = 'okx'
    then substring(o.client_order_id from '^([a-z][a-z0-9]{0,15})X[A-Za-z0-9]+$')
    else substring(o.client_order_id from '^([A-Za-z0-9][A-Za-z0-9_-]{0,31}):.') end, 'untagged')`;

/**
 * The orders of one strategy tag, by the same rule, said so the index serves it. The indexed
 * candidate finds the rows in keyset order (orders_owner_strategy_placed_idx); then a tag
 * from the OKX shape (no ":") counts on OKX only, one from the colon shape everywhere else.
 * Said as a boolean equality, not as "the exact rule = tag": the planner estimates an
 * equality on an unknown expression at 0.5% of rows, then expects a handful and sorts every
 * candidate before the cursor (130 ms at page 200 on PGlite, 1M events); this one it
 * estimates at half, and keeps reading the index in order. "untagged" (a reserved name, never a
 * tag) names the orders with no tag by that rule, as /fills?strategy=untagged names the fills.
 */
export function orderStrategyWhere(tag: string): SQL[] {
  if (tag === "untagged") return [sql`${orderStrategySql} is null`];
  return [sql`${orderStrategyCandidate("o.client_order_id")} = ${tag}`, sql`(c.provider = 'okx') = (strpos(o.client_order_id, ':') = 0)`];
}

/** Where an order aliased `o` keeps what the trade filters test (its account `a`, connection `c` joined): the list and the exports. */
export const ORDER_FILTER_COLUMNS: TradeFilterColumns = {
  accountId: sql`o.account_id`,
  symbol: sql`o.symbol`,
  side: sql`o.side`,
  strategy: orderStrategyWhere,
  at: sql`o.venue_created_at`,
  venueOrderId: sql`o.venue_order_id`,
  clientOrderId: sql`o.client_order_id`,
};

/**
 * One page of the workspace's orders, newest placed first by default. Keyset by
 * (venue_created_at, id): a deep page is one range read like the first.
 */
export async function listOrderPage(db: Db, p: { ownerId: string; cursor: KeysetCursor | null; limit: number; descending: boolean; filters: OrderListFilters }) {
  const f = p.filters;
  const where: SQL[] = [sql`o.owner_id = ${p.ownerId}::uuid`, ...tradeFilterWhere(ORDER_FILTER_COLUMNS, f)];
  if (f.status) where.push(sql`o.status = ${f.status}`);
  const range = keysetWhere(KEY, p.cursor, p.descending);
  if (range) where.push(range);
  const rows = await executeRows<Record<string, unknown>>(
    db,
    sql`
    select o.id, o.venue_created_at::text as key, o.account_id, a.name as account_name, a.connection_id, c.label as connection_label, c.provider,
      o.venue_order_id, o.client_order_id, o.symbol, o.side, o.type, o.status, o.price::text as price, o.quantity::text as quantity,
      o.filled_quantity::text as filled_quantity, o.average_price::text as average_price, o.venue_created_at, o.venue_updated_at
    from orders o
    join trading_accounts a on a.id = o.account_id
    join connections c on c.id = a.connection_id
    where ${and(...where)}
    order by ${sql.join(keysetOrder(KEY, p.cursor, p.descending), sql`, `)}
    limit ${p.limit + 1}`,
  );
  const page = keysetResult(rows, { cursor: p.cursor, limit: p.limit, key: (r) => ({ at: String(r.key), id: String(r.id) }) });
  return { ...page, rows: page.rows.map(toOrderRow) };
}

export function toOrderRow(r: Record<string, unknown>): OrderListRow {
  const s = (k: string) => r[k] as string;
  const n = (k: string) => (r[k] ?? null) as string | null;
  return {
    id: s("id"),
    key: s("key"),
    accountId: s("account_id"),
    accountName: s("account_name"),
    connectionId: s("connection_id"),
    connectionLabel: s("connection_label"),
    provider: s("provider"),
    venueOrderId: s("venue_order_id"),
    clientOrderId: n("client_order_id"),
    symbol: s("symbol"),
    side: s("side") as OrderSide,
    type: s("type"),
    status: s("status") as OrderStatus,
    price: n("price"),
    quantity: s("quantity"),
    filledQuantity: s("filled_quantity"),
    averagePrice: n("average_price"),
    placedAt: new Date(s("venue_created_at")),
    updatedAt: new Date(s("venue_updated_at")),
  };
}

/** The workspace's accounts, labelled with their connection: the account filter's choices. */
export async function listOrderAccounts(db: Db, p: { ownerId: string }) {
  const rows = await executeRows<{ id: string; name: string; account_uid: string; connection_label: string }>(
    db,
    sql`select a.id, a.name, a.account_uid, c.label as connection_label from trading_accounts a join connections c on c.id = a.connection_id
      where a.owner_id = ${p.ownerId}::uuid order by c.label, a.name, a.id`,
  );
  return rows.map((r) => ({ id: r.id, label: `${r.connection_label} · ${r.name === r.account_uid ? r.name : `${r.name} (${r.account_uid})`}` }));
}
