import { and, asc, eq, gt, lte, sql } from "drizzle-orm";
import type { Db } from "../client";
import { executeRows } from "../execute-rows";
import { fills, orderEvents } from "../schema";
import { NotFoundError } from "./not-found";
import { toOrderRow, type OrderListRow } from "./order-list";

/** The SELECT of one order's current state with its stored raw payload (getOrder's rows; the JSON form wraps it). */
export const orderStateSql = (p: { ownerId: string; orderId: string }) => sql`
    select o.id, o.venue_created_at::text as key, o.account_id, a.name as account_name, a.connection_id, c.label as connection_label, c.provider,
      o.venue_order_id, o.client_order_id, o.symbol, o.side, o.type, o.status, o.price::text as price, o.quantity::text as quantity,
      o.filled_quantity::text as filled_quantity, o.average_price::text as average_price, o.venue_created_at, o.venue_updated_at, o.raw
    from orders o
    join trading_accounts a on a.id = o.account_id
    join connections c on c.id = a.connection_id
    where o.id = ${p.orderId}::uuid and o.owner_id = ${p.ownerId}::uuid`;

/** An order's current state, with its stored raw payload. Another workspace's order is a NotFoundError. */
export async function getOrder(db: Db, p: { ownerId: string; orderId: string }): Promise<OrderListRow & { raw: unknown }> {
  const [row] = await executeRows<Record<string, unknown>>(db, orderStateSql(p));
  return orderWithRaw(row);
}

/** An order's row (snake_case keys, as orderStateSql names them) as the page reads it; none is a NotFoundError. */
export function orderWithRaw(row: Record<string, unknown> | null | undefined): OrderListRow & { raw: unknown } {
  if (!row) throw new NotFoundError("Order");
  return { ...toOrderRow(row), raw: row.raw ?? null };
}

/**
 * An order's events in the order they were recorded (the account chain's order): the columns
 * its timeline shows, and the raw payload only when asked (admins). Not `select *`: with
 * 1,000 events, decoding the columns nobody reads (and every raw payload) was half the time
 * of the order page (bench:audit).
 */
export async function listOrderEvents(db: Db, p: { ownerId: string; orderId: string; withRaw: boolean }) {
  const e = orderEvents;
  return db
    .select({
      seq: e.seq,
      type: e.type,
      statusBefore: e.statusBefore,
      statusAfter: e.statusAfter,
      quantityBefore: e.quantityBefore,
      quantityAfter: e.quantityAfter,
      filledBefore: e.filledBefore,
      filledAfter: e.filledAfter,
      occurredAt: e.occurredAt,
      recordedAt: e.recordedAt,
      syncBatchId: e.syncBatchId,
      hash: e.hash,
      prevHash: e.prevHash,
      raw: p.withRaw ? e.raw : sql<unknown>`null`,
    })
    .from(orderEvents)
    .where(and(eq(orderEvents.orderId, p.orderId), eq(orderEvents.ownerId, p.ownerId)))
    .orderBy(asc(orderEvents.seq));
}

/**
 * An account's events after `afterSeq` (null: from its start) through `throughSeq`, in
 * recording order: what verifying up to one event from a checkpoint reads (one range of
 * order_events_account_seq_idx).
 */
export async function accountEventsBetween(db: Db, p: { ownerId: string; accountId: string; afterSeq: number | null; throughSeq: number }) {
  return db
    .select()
    .from(orderEvents)
    .where(
      and(
        eq(orderEvents.accountId, p.accountId),
        eq(orderEvents.ownerId, p.ownerId),
        p.afterSeq === null ? undefined : gt(orderEvents.seq, p.afterSeq),
        lte(orderEvents.seq, p.throughSeq),
      ),
    )
    .orderBy(asc(orderEvents.seq));
}

/** The fills of one venue order in an account, oldest first: the columns the order page shows, the raw payload only when asked (admins). */
export async function listOrderFills(db: Db, p: { ownerId: string; accountId: string; venueOrderId: string; withRaw: boolean }) {
  const f = fills;
  return db
    .select({
      id: f.id,
      venueFillId: f.venueFillId,
      executedAt: f.executedAt,
      price: f.price,
      quantity: f.quantity,
      fee: f.fee,
      feeCurrency: f.feeCurrency,
      liquidity: f.liquidity,
      strategy: f.strategy,
      raw: p.withRaw ? f.raw : sql<unknown>`null`,
    })
    .from(fills)
    .where(and(eq(fills.ownerId, p.ownerId), eq(fills.accountId, p.accountId), eq(fills.venueOrderId, p.venueOrderId)))
    .orderBy(asc(fills.executedAt), asc(fills.id));
}

export type OrderEventRow = Awaited<ReturnType<typeof listOrderEvents>>[number];
export type OrderFillRow = Awaited<ReturnType<typeof listOrderFills>>[number];

/** What the order page reads: the order, its events in sequence and its fills. */
export interface OrderDetailRows {
  order: OrderListRow & { raw: unknown };
  events: OrderEventRow[];
  fills: OrderFillRow[];
}

/** The order page's reads row by row (one query each); db/queries/order-detail-read.ts says when. */
export async function readOrderDetailRows(db: Db, p: { ownerId: string; orderId: string; withRaw: boolean }): Promise<OrderDetailRows> {
  const order = await getOrder(db, p);
  const [events, orderFills] = await Promise.all([
    listOrderEvents(db, p),
    listOrderFills(db, { ownerId: p.ownerId, accountId: order.accountId, venueOrderId: order.venueOrderId, withRaw: p.withRaw }),
  ]);
  return { order, events, fills: orderFills };
}
