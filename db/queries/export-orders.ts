import { and, sql, type SQL } from "drizzle-orm";
import { columnNames, isoUtc, rangeAndKeyset, type ExportReadSpec, type ExportColumnSql, type ExportOrderFilters, type ExportRange } from "./export-batch";
import { ORDER_FILTER_COLUMNS, orderStrategySql } from "./order-list";
import { tradeFilterWhere } from "./trade-filters";

/**
 * The /orders filters over an order aliased `o`, its account `a` and connection `c`: the same
 * conditions as the list (db/queries/order-list.ts), so an export of a filtered view holds the
 * rows the view lists.
 */
export function orderFilterSql(f: ExportOrderFilters): SQL[] {
  return [...tradeFilterWhere(ORDER_FILTER_COLUMNS, f), ...(f.status ? [sql`o.status = ${f.status}`] : [])];
}

/** The orders export's columns (docs/architecture.md, "Exports"). */
const ORDER_COLUMNS: ExportColumnSql = [
  ["id", sql`o.id::text`],
  ["placed_at", isoUtc(sql`o.venue_created_at`)],
  ["last_change_at", isoUtc(sql`o.venue_updated_at`)],
  ["connection_id", sql`a.connection_id::text`],
  ["connection_label", sql`c.label`],
  ["account_id", sql`o.account_id::text`],
  ["account_uid", sql`a.account_uid`],
  ["account_name", sql`a.name`],
  ["venue_order_id", sql`o.venue_order_id`],
  ["client_order_id", sql`o.client_order_id`],
  ["symbol", sql`o.symbol`],
  ["side", sql`o.side`],
  ["type", sql`o.type`],
  ["status", sql`o.status`],
  ["price", sql`o.price::text`],
  ["quantity", sql`o.quantity::text`],
  ["filled_quantity", sql`o.filled_quantity::text`],
  ["average_price", sql`o.average_price::text`],
  ["strategy", orderStrategySql],
  ["last_sync_batch_id", sql`o.last_sync_batch_id::text`],
];
export const ORDER_EXPORT_COLUMNS = columnNames(ORDER_COLUMNS);

/**
 * The export of the workspace's orders placed in [from, to), oldest first, keyset on
 * (venue_created_at, id): the index orders_owner_placed_idx (owner_id, venue_created_at, id).
 */
export function orderExportSpec(p: ExportRange & { filters: ExportOrderFilters }): ExportReadSpec {
  const key = { at: sql`o.venue_created_at`, id: sql`o.id`, idType: "uuid" } as const;
  const where = [sql`o.owner_id = ${p.ownerId}::uuid`, ...rangeAndKeyset(p, key), ...orderFilterSql(p.filters)];
  return {
    columns: ORDER_COLUMNS,
    body: sql`from orders o join trading_accounts a on a.id = o.account_id join connections c on c.id = a.connection_id where ${and(...where)}`,
    order: [key.at, key.id],
    key: ["placed_at", "id"],
  };
}

/** The order events export's columns. The raw venue payload is not among them. */
const ORDER_EVENT_COLUMNS: ExportColumnSql = [
  ["seq", sql`e.seq::text`],
  ["occurred_at", isoUtc(sql`e.occurred_at`)],
  ["recorded_at", isoUtc(sql`e.created_at`)],
  ["order_id", sql`e.order_id::text`],
  ["venue_order_id", sql`e.venue_order_id`],
  ["account_id", sql`e.account_id::text`],
  ["account_uid", sql`a.account_uid`],
  ["symbol", sql`e.symbol`],
  ["type", sql`e.type`],
  ["status_before", sql`e.status_before`],
  ["status_after", sql`e.status_after`],
  ["quantity_before", sql`e.quantity_before::text`],
  ["quantity_after", sql`e.quantity_after::text`],
  ["filled_before", sql`e.filled_before::text`],
  ["filled_after", sql`e.filled_after::text`],
  ["sync_batch_id", sql`e.sync_batch_id::text`],
  ["prev_hash", sql`e.prev_hash`],
  ["hash", sql`e.hash`],
];
export const ORDER_EVENT_EXPORT_COLUMNS = columnNames(ORDER_EVENT_COLUMNS);

/** Whether a filter needs the event's order (its side, current status, strategy or ids), not only the event's own columns. */
const needsOrder = (f: ExportOrderFilters) => Boolean(f.side || f.status || f.strategy || f.find);

/**
 * The export of the workspace's order events that occurred in [from, to), oldest first,
 * keyset on (occurred_at, seq): the shape of the index migration 0016 adds,
 * (owner_id, occurred_at, seq). The /orders filters select the events of the orders they
 * match (status: the order's current status).
 */
export function orderEventExportSpec(p: ExportRange & { filters: ExportOrderFilters }): ExportReadSpec {
  const f = p.filters;
  const key = { at: sql`e.occurred_at`, id: sql`e.seq`, idType: "bigint" } as const;
  const where = [sql`e.owner_id = ${p.ownerId}::uuid`, ...rangeAndKeyset(p, key)];
  if (f.connectionId) where.push(sql`a.connection_id = ${f.connectionId}::uuid`);
  if (f.accountId) where.push(sql`e.account_id = ${f.accountId}::uuid`);
  if (f.symbol) where.push(sql`e.symbol = ${f.symbol}`);
  const withOrder = needsOrder(f);
  if (withOrder) where.push(...orderFilterSql({ side: f.side, status: f.status, strategy: f.strategy, find: f.find }));
  return {
    columns: ORDER_EVENT_COLUMNS,
    body: sql`from order_events e join trading_accounts a on a.id = e.account_id
      ${withOrder ? sql`join orders o on o.id = e.order_id join connections c on c.id = a.connection_id` : sql``}
      where ${and(...where)}`,
    order: [key.at, key.id],
    key: ["occurred_at", "seq"],
  };
}
