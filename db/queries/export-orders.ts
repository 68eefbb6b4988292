import { and, sql, type SQL } from "drizzle-orm";
import type { Db } from "../client";
import { executeRows } from "../execute-rows";
import { isoUtc, rangeAndKeyset, toBatch, type ExportBatch, type ExportOrderFilters, type ExportRange, type ExportRow } from "./export-batch";
import { orderStrategySql } from "./order-list";

/**
 * The /orders filters over an order aliased `o`, its account `a` and connection `c`: the same
 * conditions as the list (db/queries/order-list.ts), so an export of a filtered view holds the
 * rows the view lists.
 */
export function orderFilterSql(f: ExportOrderFilters): SQL[] {
  const where: SQL[] = [];
  if (f.connectionId) where.push(sql`a.connection_id = ${f.connectionId}::uuid`);
  if (f.accountId) where.push(sql`o.account_id = ${f.accountId}::uuid`);
  if (f.symbol) where.push(sql`o.symbol = ${f.symbol}`);
  if (f.side) where.push(sql`o.side = ${f.side}`);
  if (f.status) where.push(sql`o.status = ${f.status}`);
  if (f.strategy) where.push(sql`${orderStrategySql} = ${f.strategy}`);
  if (f.find) where.push(sql`(o.venue_order_id = ${f.find} or o.client_order_id = ${f.find})`);
  return where;
}

/**
 * One batch of the workspace's orders placed in [from, to), oldest first, keyset on
 * (venue_created_at, id): the index orders_owner_placed_idx (owner_id, venue_created_at, id).
 */
export async function readOrderExportBatch(db: Db, p: ExportRange & { filters: ExportOrderFilters }): Promise<ExportBatch> {
  const where = [sql`o.owner_id = ${p.ownerId}::uuid`, ...rangeAndKeyset(p, { at: sql`o.venue_created_at`, id: sql`o.id`, idType: "uuid" }), ...orderFilterSql(p.filters)];
  const rows = await executeRows<ExportRow>(
    db,
    sql`
    select o.id::text as id, ${isoUtc(sql`o.venue_created_at`)} as placed_at, ${isoUtc(sql`o.venue_updated_at`)} as last_change_at,
      a.connection_id::text as connection_id, c.label as connection_label, o.account_id::text as account_id, a.account_uid, a.name as account_name,
      o.venue_order_id, o.client_order_id, o.symbol, o.side, o.type, o.status, o.price::text as price, o.quantity::text as quantity,
      o.filled_quantity::text as filled_quantity, o.average_price::text as average_price, ${orderStrategySql} as strategy,
      o.last_sync_batch_id::text as last_sync_batch_id
    from orders o
    join trading_accounts a on a.id = o.account_id
    join connections c on c.id = a.connection_id
    where ${and(...where)}
    order by o.venue_created_at, o.id
    limit ${p.limit}`,
  );
  return toBatch(rows, "placed_at", "id");
}

/** Whether a filter needs the event's order (its side, current status, strategy or ids), not only the event's own columns. */
const needsOrder = (f: ExportOrderFilters) => Boolean(f.side || f.status || f.strategy || f.find);

/**
 * One batch of the workspace's order events that occurred in [from, to), oldest first,
 * keyset on (occurred_at, seq): the shape of the index migration 0016 adds,
 * (owner_id, occurred_at, seq). The /orders filters select the events of the orders they
 * match (status: the order's current status). The raw venue payload is not read.
 */
export async function readOrderEventExportBatch(db: Db, p: ExportRange & { filters: ExportOrderFilters }): Promise<ExportBatch> {
  const f = p.filters;
  const where = [sql`e.owner_id = ${p.ownerId}::uuid`, ...rangeAndKeyset(p, { at: sql`e.occurred_at`, id: sql`e.seq`, idType: "bigint" })];
  if (f.connectionId) where.push(sql`a.connection_id = ${f.connectionId}::uuid`);
  if (f.accountId) where.push(sql`e.account_id = ${f.accountId}::uuid`);
  if (f.symbol) where.push(sql`e.symbol = ${f.symbol}`);
  const withOrder = needsOrder(f);
  if (withOrder) where.push(...orderFilterSql({ side: f.side, status: f.status, strategy: f.strategy, find: f.find }));
  const rows = await executeRows<ExportRow>(
    db,
    sql`
    select e.seq::text as seq, ${isoUtc(sql`e.occurred_at`)} as occurred_at, ${isoUtc(sql`e.created_at`)} as recorded_at,
      e.order_id::text as order_id, e.venue_order_id, e.account_id::text as account_id, a.account_uid, e.symbol, e.type,
      e.status_before, e.status_after, e.quantity_before::text as quantity_before, e.quantity_after::text as quantity_after,
      e.filled_before::text as filled_before, e.filled_after::text as filled_after, e.sync_batch_id::text as sync_batch_id,
      e.prev_hash, e.hash
    from order_events e
    join trading_accounts a on a.id = e.account_id
    ${withOrder ? sql`join orders o on o.id = e.order_id join connections c on c.id = a.connection_id` : sql``}
    where ${and(...where)}
    order by e.occurred_at, e.seq
    limit ${p.limit}`,
  );
  return toBatch(rows, "occurred_at", "seq");
}
