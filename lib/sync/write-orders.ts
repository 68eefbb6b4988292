import { and, desc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { orderEvents, orders } from "@/db/schema";
import type { Order } from "@/lib/connectors/types";
import { GENESIS_HASH, orderEventHash } from "@/lib/audit/event-hash";
import { chunk } from "./chunk";
import { diffOrder, type StoredOrderState } from "./order-diff";

export interface OrderWriteCounts {
  ordersNew: number;
  ordersChanged: number;
  orderEvents: number;
}

/** The newest link of an account's hash chain (the caller holds the connection's lock). */
async function chainHead(tx: Db, accountId: string): Promise<string> {
  const [last] = await tx
    .select({ hash: orderEvents.hash })
    .from(orderEvents)
    .where(eq(orderEvents.accountId, accountId))
    .orderBy(desc(orderEvents.seq))
    .limit(1);
  return last?.hash ?? GENESIS_HASH;
}

/**
 * Diffs the venue's orders against the stored projection, appends one event per change
 * (each chained to the account's previous event by hash) and updates the projection. An
 * order that did not change writes nothing, so a re-run adds no events.
 */
export async function materializeOrders(
  tx: Db,
  p: { ownerId: string; batchId: string; accountIds: Map<string, string>; orders: Order[] },
): Promise<OrderWriteCounts> {
  const counts: OrderWriteCounts = { ordersNew: 0, ordersChanged: 0, orderEvents: 0 };
  const byAccount = new Map<string, Order[]>();
  for (const o of p.orders) {
    const id = p.accountIds.get(o.accountUid)!;
    const list = byAccount.get(id);
    if (list) list.push(o);
    else byAccount.set(id, [o]);
  }

  for (const [accountId, venueOrders] of byAccount) {
    let head = await chainHead(tx, accountId);
    for (const part of chunk(venueOrders, 1000)) {
      const stored = await tx
        .select({
          venueOrderId: orders.venueOrderId,
          status: orders.status,
          quantity: orders.quantity,
          filledQuantity: orders.filledQuantity,
        })
        .from(orders)
        // One array parameter instead of a thousand: cheaper to build, one plan to cache.
        .where(and(eq(orders.accountId, accountId), sql`${orders.venueOrderId} = any(${sql.param(part.map((o) => o.venueOrderId))}::text[])`));
      const prevById = new Map<string, StoredOrderState>(stored.map((s) => [s.venueOrderId, s]));

      const changed = part
        .map((order) => ({ order, events: diffOrder(prevById.get(order.venueOrderId), order) }))
        .filter((c) => c.events.length > 0);
      if (changed.length === 0) continue;

      for (const c of changed) {
        if (prevById.has(c.order.venueOrderId)) counts.ordersChanged++;
        else counts.ordersNew++;
      }
      const upserted = await tx
        .insert(orders)
        .values(
          changed.map(({ order: o }) => ({
            ownerId: p.ownerId,
            accountId,
            venueOrderId: o.venueOrderId,
            clientOrderId: o.clientOrderId ?? null,
            symbol: o.symbol,
            side: o.side,
            type: o.type,
            status: o.status,
            price: o.price ?? null,
            quantity: o.quantity,
            filledQuantity: o.filledQuantity,
            averagePrice: o.averagePrice ?? null,
            venueCreatedAt: o.createdAt,
            venueUpdatedAt: o.updatedAt,
            lastSyncBatchId: p.batchId,
            raw: o.raw ?? null,
          })),
        )
        .onConflictDoUpdate({
          target: [orders.accountId, orders.venueOrderId],
          set: {
            status: sql`excluded.status`,
            price: sql`excluded.price`,
            quantity: sql`excluded.quantity`,
            filledQuantity: sql`excluded.filled_quantity`,
            averagePrice: sql`excluded.average_price`,
            venueUpdatedAt: sql`excluded.venue_updated_at`,
            lastSyncBatchId: sql`excluded.last_sync_batch_id`,
            raw: sql`excluded.raw`,
          },
        })
        .returning({ id: orders.id, venueOrderId: orders.venueOrderId });
      const orderIdOf = new Map(upserted.map((u) => [u.venueOrderId, u.id]));

      const events = changed.flatMap(({ order, events: drafts }) =>
        drafts.map((e) => {
          const content = {
            accountId,
            orderId: orderIdOf.get(order.venueOrderId)!,
            venueOrderId: order.venueOrderId,
            symbol: order.symbol,
            ...e,
            occurredAt: order.updatedAt,
            syncBatchId: p.batchId,
            // Through JSON once, so the hash covers exactly what jsonb will store.
            raw: order.raw === undefined ? null : (JSON.parse(JSON.stringify(order.raw)) as unknown),
          };
          const prevHash = head;
          head = orderEventHash(content, prevHash);
          return { ownerId: p.ownerId, ...content, prevHash, hash: head };
        }),
      );
      for (const ev of chunk(events)) await tx.insert(orderEvents).values(ev);
      counts.orderEvents += events.length;
    }
  }
  return counts;
}
