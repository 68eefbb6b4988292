import { z } from "zod";
import type { Db } from "@/db/client";
import { decodeCursor } from "@/db/queries/keyset";
import { readOrderDetail } from "@/db/queries/order-detail-read";
import { listOrderPage, type OrderListRow } from "@/db/queries/order-list";
import { strategyFromClientOrderId } from "@/lib/attribution/strategy-tags";
import { isVerified, verifyThroughEvent } from "@/lib/audit/verify-through";
import { redact } from "@/lib/security/redact";
import type { KeysetPage, KeysetPageRequest } from "./keyset-page";
import { ORDER_STATUSES, type OrderDetailView, type OrderView } from "./order-schemas";
import { filterValues, localDayRange, strictFilters, tradeFilterShape, type SearchInput } from "./trade-filters";

/** The /orders filters: the strict trade filters (trade-filters.ts) and the order's status. */
export const orderFiltersSchema = strictFilters({ ...tradeFilterShape, status: z.enum(ORDER_STATUSES) });
export type OrderFilters = z.infer<typeof orderFiltersSchema>;

/** The filters a query string asks for (table keys cursor, limit and sort left to the table's parsers). */
export function parseOrderFilters(search: SearchInput) {
  return orderFiltersSchema.safeParse(filterValues(search));
}

export function toOrderView(r: OrderListRow): OrderView {
  return {
    id: r.id,
    placedAt: r.placedAt.toISOString(),
    lastChangeAt: r.updatedAt.toISOString(),
    connectionId: r.connectionId,
    connectionLabel: r.connectionLabel,
    accountId: r.accountId,
    accountName: r.accountName,
    venueOrderId: r.venueOrderId,
    clientOrderId: r.clientOrderId,
    symbol: r.symbol,
    side: r.side,
    type: r.type,
    status: r.status,
    price: r.price,
    quantity: r.quantity,
    filledQuantity: r.filledQuantity,
    averagePrice: r.averagePrice,
    strategy: strategyFromClientOrderId(r.clientOrderId, r.provider),
  };
}

/**
 * One page of the workspace's orders for a table request and its validated filters; the
 * date range is of local days in the workspace's time zone, both ends included.
 */
export async function loadOrderPage(db: Db, p: { ownerId: string; timeZone: string; request: KeysetPageRequest; filters: OrderFilters }): Promise<KeysetPage<OrderView>> {
  const f = p.filters;
  const range = localDayRange(f, p.timeZone);
  const page = await listOrderPage(db, {
    ownerId: p.ownerId,
    cursor: decodeCursor(p.request.cursor),
    limit: p.request.limit,
    descending: p.request.sort?.desc ?? true,
    filters: {
      connectionId: f.connection,
      accountId: f.account,
      symbol: f.symbol,
      side: f.side,
      status: f.status,
      strategy: f.strategy,
      from: range.from,
      before: range.before,
      find: f.find,
    },
  });
  return { ...page, rows: page.rows.map(toOrderView) };
}

/** A stored payload as an admin may read it: pretty-printed, with anything secret-shaped redacted. */
function shownRaw(raw: unknown, admin: boolean): string | null {
  if (!admin || raw === null || raw === undefined) return null;
  return redact(JSON.stringify(raw, null, 2));
}

/**
 * One order: its current state, its events in sequence, each marked verified when the
 * account's chain verifies up to it — by the account's stored audit checkpoint (walked from
 * the chain's start) plus the events between the checkpoint and this order's last event,
 * hashed now (lib/audit/verify-through.ts); the events before the first broken link verify,
 * the broken one and everything after it do not — and its fills. Raw payloads only for admins.
 */
export async function loadOrderDetail(db: Db, p: { ownerId: string; orderId: string; admin: boolean }): Promise<OrderDetailView> {
  const { order, events, fills: orderFills } = await readOrderDetail(db, { ownerId: p.ownerId, orderId: p.orderId, withRaw: p.admin });
  const last = events[events.length - 1];
  const chain = last ? await verifyThroughEvent(db, { ownerId: p.ownerId, accountId: order.accountId, seq: last.seq }) : null;
  const broken = chain?.broken ?? null;
  return {
    order: toOrderView(order),
    raw: shownRaw(order.raw, p.admin),
    events: events.map((e) => ({
      seq: e.seq,
      type: e.type,
      statusBefore: e.statusBefore,
      statusAfter: e.statusAfter,
      quantityBefore: e.quantityBefore,
      quantityAfter: e.quantityAfter,
      filledBefore: e.filledBefore,
      filledAfter: e.filledAfter,
      occurredAt: e.occurredAt.toISOString(),
      recordedAt: e.recordedAt.toISOString(),
      syncBatchId: e.syncBatchId,
      hash: e.hash,
      prevHash: e.prevHash,
      verified: chain !== null && isVerified(chain, e.seq),
      raw: shownRaw(e.raw, p.admin),
    })),
    fills: orderFills.map((f) => ({
      id: f.id,
      venueFillId: f.venueFillId,
      executedAt: f.executedAt.toISOString(),
      price: f.price,
      quantity: f.quantity,
      fee: f.fee,
      feeAsset: f.feeCurrency,
      liquidity: f.liquidity,
      strategy: f.strategy,
      raw: shownRaw(f.raw, p.admin),
    })),
    chain: {
      checkedEvents: chain?.hashed ?? 0,
      checkpoint: chain?.checkpoint ? { lastSeq: chain.checkpoint.lastSeq, checkedAt: chain.checkpoint.checkedAt.toISOString() } : null,
      broken: broken ? { seq: broken.seq, reason: broken.reason, detail: broken.detail } : null,
    },
  };
}
