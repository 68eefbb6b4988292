import { randomUUID } from "node:crypto";
import { and, desc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { orderEvents, orders } from "@/db/schema";
import type { Order } from "@/lib/connectors/types";
import { GENESIS_HASH, orderEventHash } from "@/lib/audit/event-hash";
import { chunk } from "@/db/chunk";
import type { ConcurrentWrites } from "./concurrent-writes";
import { insertJsonRows } from "./insert-json-rows";
import { diffOrder, type OrderEventDraft, type StoredOrderState } from "./order-diff";

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
 * What this process last knew of an account's stored orders, valid while the account's
 * chain head is `head`. The projection changes only together with the chain (every write
 * to `orders` appends events, and only this module writes it), so an unchanged head
 * (sha256 over the whole history) means unchanged orders: an incremental run then reads
 * none of them back. Another writer, a rolled-back run or a restart leaves a different
 * head behind, and the orders are read from the database again.
 */
interface KnownOrders {
  head: string;
  states: Map<string, KnownOrder>;
}
/** An order as stored: its row id and the state its next events are diffed against. */
type KnownOrder = StoredOrderState & { id: string };
const knownOrders = new Map<string, KnownOrders>();
const KNOWN_ACCOUNTS = 32;

/** The stored state of the given venue orders of one account, added to `into`. */
async function loadStoredStates(tx: Db, accountId: string, venueOrderIds: string[], into: Map<string, KnownOrder>): Promise<void> {
  for (const part of chunk(venueOrderIds, 5000)) {
    const stored = await tx
      .select({
        id: orders.id,
        venueOrderId: orders.venueOrderId,
        status: orders.status,
        quantity: orders.quantity,
        filledQuantity: orders.filledQuantity,
      })
      .from(orders)
      // One array parameter instead of thousands: cheaper to build, one plan to cache.
      .where(and(eq(orders.accountId, accountId), sql`${orders.venueOrderId} = any(${sql.param(part)}::text[])`));
    for (const s of stored) {
      into.set(s.venueOrderId, { id: s.id, status: s.status, quantity: s.quantity, filledQuantity: s.filledQuantity });
    }
  }
}

/** One account's venue orders with what is stored of them. */
interface AccountOrders {
  accountId: string;
  head: string;
  states: Map<string, KnownOrder>;
  venueOrders: Order[];
}

/**
 * The orders of one run, read and ready to be written. Reading (chain heads, stored
 * states) needs answers from the database; writing needs none, since order ids are made
 * here for new orders. So a caller can read, send other statements, and then have the
 * diff and the hash chain computed while the database works through them.
 */
export interface PreparedOrderWrites {
  /**
   * Diffs, appends the events and upserts the projection through `writes`; returns the
   * counts and the accounts that got new events (their chains to verify).
   */
  send(writes: ConcurrentWrites): { counts: OrderWriteCounts; eventAccounts: string[] };
}

/**
 * Reads what the diff of the venue's orders needs: each account's chain head and the
 * stored state of orders this process does not know at that head.
 */
export async function prepareOrderWrites(
  tx: Db,
  p: { ownerId: string; batchId: string; accountIds: Map<string, string>; orders: Order[] },
): Promise<PreparedOrderWrites> {
  const byAccount = new Map<string, Order[]>();
  for (const o of p.orders) {
    const id = p.accountIds.get(o.accountUid)!;
    const list = byAccount.get(id);
    if (list) list.push(o);
    else byAccount.set(id, [o]);
  }
  const accounts: AccountOrders[] = [];
  for (const [accountId, venueOrders] of byAccount) {
    const head = await chainHead(tx, accountId);
    // Taken out while this run changes it; put back with the run's new head, which
    // matches the database only if the run commits.
    const known = knownOrders.get(accountId);
    knownOrders.delete(accountId);
    const states = known && known.head === head ? known.states : new Map<string, KnownOrder>();
    const missing: string[] = [];
    for (const o of venueOrders) if (!states.has(o.venueOrderId)) missing.push(o.venueOrderId);
    if (missing.length > 0) await loadStoredStates(tx, accountId, missing, states);
    accounts.push({ accountId, head, states, venueOrders });
  }
  return { send: (writes) => sendOrderWrites(tx, p, accounts, writes) };
}

/**
 * Diffs the venue's orders against the stored projection, appends one event per change
 * (each chained to the account's previous event by hash) and updates the projection. An
 * order that did not change writes nothing, so a re-run adds no events.
 */
function sendOrderWrites(
  tx: Db,
  p: { ownerId: string; batchId: string },
  accounts: AccountOrders[],
  writes: ConcurrentWrites,
): { counts: OrderWriteCounts; eventAccounts: string[] } {
  const counts: OrderWriteCounts = { ordersNew: 0, ordersChanged: 0, orderEvents: 0 };
  const eventAccounts: string[] = [];
  for (const { accountId, states, venueOrders, ...chain } of accounts) {
    let head = chain.head;
    const changed: Array<{ order: Order; orderId: string; events: OrderEventDraft[] }> = [];
    for (const order of venueOrders) {
      const prev = states.get(order.venueOrderId);
      const events = diffOrder(prev, order);
      if (events.length === 0) continue;
      if (prev) counts.ordersChanged++;
      else counts.ordersNew++;
      // The id of a new order is made here, so its events need no answer from the database.
      const orderId = prev?.id ?? randomUUID();
      changed.push({ order, orderId, events });
      // An order listed twice diffs its second listing against the first.
      states.set(order.venueOrderId, { id: orderId, status: order.status, quantity: order.quantity, filledQuantity: order.filledQuantity });
    }
    if (changed.length > 0) {
      // The projection takes each changed order's latest listing.
      const latest = new Map<string, { order: Order; orderId: string }>();
      for (const c of changed) latest.set(c.order.venueOrderId, c);
      const projection = () =>
        insertJsonRows(
          tx,
          orders,
          [...latest.values()].map(({ order: o, orderId }) => ({
            id: orderId,
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
          sql`on conflict (account_id, venue_order_id) do update set
            status = excluded.status, price = excluded.price, quantity = excluded.quantity,
            filled_quantity = excluded.filled_quantity, average_price = excluded.average_price,
            venue_updated_at = excluded.venue_updated_at, last_sync_batch_id = excluded.last_sync_batch_id,
            raw = excluded.raw`,
        );

      const events = changed.flatMap(({ order, orderId, events: drafts }) =>
        drafts.map((e) => {
          const content = {
            accountId,
            orderId,
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
      // The events only once the upsert has run: each names its order by a foreign key.
      writes.start(projection().then(() => insertJsonRows(tx, orderEvents, events)));
      counts.orderEvents += events.length;
      eventAccounts.push(accountId);
    }
    remember(accountId, head, states);
  }
  return { counts, eventAccounts };
}

function remember(accountId: string, head: string, states: Map<string, KnownOrder>): void {
  knownOrders.set(accountId, { head, states });
  if (knownOrders.size > KNOWN_ACCOUNTS) knownOrders.delete(knownOrders.keys().next().value!);
}
