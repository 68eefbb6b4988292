import { sql } from "drizzle-orm";
import { bigserial, index, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { OrderSide, OrderStatus } from "@/lib/connectors/types";
import { createdAt, money, utc } from "./columns";
import { tradingAccounts } from "./accounts";
import { syncBatches } from "./sync";
import { workspaces } from "./workspaces";

/**
 * The strategy tag a client order id's shape carries, whichever venue's rule the shape fits:
 * "<tag>:<rest>" (lib/attribution/strategy-tags.ts COLON_TAG) or OKX's "<tag>X<rest>"
 * (OKX_TAG). The two shapes exclude each other (one needs a ":", the other allows none), so
 * at most one matches. It reads the order's own column only, so it is immutable and can be
 * indexed; the provider's own rule (db/queries/order-list.ts, which joins the connection)
 * is then rechecked on the few rows the index finds.
 */
export function orderStrategyCandidate(clientOrderIdColumn: "client_order_id" | "o.client_order_id") {
  const c = clientOrderIdColumn;
  return sql.raw(`coalesce(substring(${c} from '^([A-Za-z0-9][A-Za-z0-9_-]{0,31}):.'), substring(${c} from '^([a-z][a-z0-9]{0,15})X[A-Za-z0-9]+$'))`);
}

/** Current state of each order: a projection of its `order_events`. */
export const orders = pgTable(
  "orders",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ownerId: uuid("owner_id")
      .notNull()
      .references(() => workspaces.id),
    accountId: uuid("account_id")
      .notNull()
      .references(() => tradingAccounts.id),
    venueOrderId: text("venue_order_id").notNull(),
    clientOrderId: text("client_order_id"),
    symbol: text("symbol").notNull(),
    side: text("side").$type<OrderSide>().notNull(),
    type: text("type").notNull(),
    status: text("status").$type<OrderStatus>().notNull(),
    price: money("price"),
    quantity: money("quantity").notNull(),
    filledQuantity: money("filled_quantity").notNull(),
    averagePrice: money("average_price"),
    venueCreatedAt: utc("venue_created_at").notNull(),
    venueUpdatedAt: utc("venue_updated_at").notNull(),
    lastSyncBatchId: uuid("last_sync_batch_id")
      .notNull()
      .references(() => syncBatches.id),
    raw: jsonb("raw"),
  },
  (t) => [
    uniqueIndex("orders_account_venue_order_uq").on(t.accountId, t.venueOrderId),
    // Serves: open-order lists per owner, and /orders filtered by status newest first by keyset
    // (a rare status, e.g. rejected, otherwise walks the placed-at index past every other order).
    index("orders_owner_status_placed_idx").on(t.ownerId, t.status, t.venueCreatedAt, t.id),
    // Serve: /orders, newest first by keyset (placed at, id), and filtered by symbol.
    index("orders_owner_placed_idx").on(t.ownerId, t.venueCreatedAt, t.id),
    index("orders_owner_symbol_placed_idx").on(t.ownerId, t.symbol, t.venueCreatedAt, t.id),
    // Serve: /orders search by id ("o.venue_order_id = $find or o.client_order_id = $find"):
    // the planner reads both and ORs the bitmaps.
    index("orders_owner_venue_order_idx").on(t.ownerId, t.venueOrderId),
    index("orders_owner_client_order_idx").on(t.ownerId, t.clientOrderId),
    // Serves: /orders filtered by strategy, newest first by keyset. An expression index and
    // not a stored generated column: the exact rule depends on the connection's provider
    // (another table), which neither may read, and the provider-free candidate above is
    // immutable, so it indexes without a table rewrite or a column every writer must know.
    index("orders_owner_strategy_placed_idx").on(t.ownerId, orderStrategyCandidate("client_order_id"), t.venueCreatedAt, t.id),
  ],
);

export const ORDER_EVENT_TYPES = [
  "ORDER_PLACED",
  "QUANTITY_ADDED",
  "QUANTITY_REMOVED",
  "FILLED_QUANTITY_CHANGED",
  "STATUS_CHANGED",
  "ORDER_CANCELLED",
] as const;
export type OrderEventType = (typeof ORDER_EVENT_TYPES)[number];

/** Append-only history of every order change; the database refuses UPDATE and DELETE. */
export const orderEvents = pgTable(
  "order_events",
  {
    // A sequence, so the history of an account reads in the order it was recorded.
    seq: bigserial("seq", { mode: "number" }).primaryKey(),
    ownerId: uuid("owner_id")
      .notNull()
      .references(() => workspaces.id),
    accountId: uuid("account_id")
      .notNull()
      .references(() => tradingAccounts.id),
    orderId: uuid("order_id")
      .notNull()
      .references(() => orders.id),
    venueOrderId: text("venue_order_id").notNull(),
    symbol: text("symbol").notNull(),
    type: text("type").$type<OrderEventType>().notNull(),
    statusBefore: text("status_before").$type<OrderStatus>(),
    statusAfter: text("status_after").$type<OrderStatus>().notNull(),
    quantityBefore: money("quantity_before"),
    quantityAfter: money("quantity_after").notNull(),
    filledBefore: money("filled_before"),
    filledAfter: money("filled_after").notNull(),
    occurredAt: utc("occurred_at").notNull(),
    syncBatchId: uuid("sync_batch_id")
      .notNull()
      .references(() => syncBatches.id),
    raw: jsonb("raw"),
    /** Hash of the account's previous event (all zeros for its first): the chain link. */
    prevHash: text("prev_hash").notNull(),
    /** sha256 over this event's content and `prevHash`; see lib/audit/event-hash.ts. */
    hash: text("hash").notNull(),
    recordedAt: createdAt(),
  },
  (t) => [
    // One successor per event: two writers can never fork an account's chain.
    uniqueIndex("order_events_account_prev_hash_uq").on(t.accountId, t.prevHash),
    // Serves: an order's timeline.
    index("order_events_order_idx").on(t.orderId, t.seq),
    // Serves: all changes of one symbol in an account.
    index("order_events_account_symbol_idx").on(t.accountId, t.symbol, t.seq),
    // Serves: an account's chain head (each sync) and walking its chain (audit:verify);
    // without it the head is found by scanning back through every account's events.
    index("order_events_account_seq_idx").on(t.accountId, t.seq),
    // Serves: quantity changes of one symbol across the workspace's accounts, in time order.
    index("order_events_owner_symbol_occurred_idx").on(t.ownerId, t.symbol, t.occurredAt, t.seq),
    // Serves: exports of the workspace's events by date range, in time order.
    index("order_events_owner_occurred_idx").on(t.ownerId, t.occurredAt, t.seq),
  ],
);

/** Append-only executions, idempotent on the venue's fill id. */
export const fills = pgTable(
  "fills",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ownerId: uuid("owner_id")
      .notNull()
      .references(() => workspaces.id),
    accountId: uuid("account_id")
      .notNull()
      .references(() => tradingAccounts.id),
    venueFillId: text("venue_fill_id").notNull(),
    venueOrderId: text("venue_order_id").notNull(),
    clientOrderId: text("client_order_id"),
    /** Strategy tag parsed from the client order id, when it carries one. */
    strategy: text("strategy"),
    symbol: text("symbol").notNull(),
    side: text("side").$type<OrderSide>().notNull(),
    price: money("price").notNull(),
    quantity: money("quantity").notNull(),
    fee: money("fee").notNull(),
    feeCurrency: text("fee_currency").notNull(),
    liquidity: text("liquidity").$type<"maker" | "taker">(),
    /** An inverse contract's value in its quote currency (the fill's quantity is in contracts); null otherwise. */
    contractSize: money("contract_size"),
    executedAt: utc("executed_at").notNull(),
    syncBatchId: uuid("sync_batch_id")
      .notNull()
      .references(() => syncBatches.id),
    raw: jsonb("raw"),
    recordedAt: createdAt(),
  },
  (t) => [
    uniqueIndex("fills_account_venue_fill_uq").on(t.accountId, t.venueFillId),
    // Serves: an order's fills (/orders/[id]).
    index("fills_account_order_idx").on(t.accountId, t.venueOrderId),
    // Serves: /fills and trade history per owner, newest first by keyset (executed at, id).
    index("fills_owner_executed_id_idx").on(t.ownerId, t.executedAt, t.id),
    // Serves: /fills filtered by symbol, by the same keyset.
    index("fills_owner_symbol_executed_idx").on(t.ownerId, t.symbol, t.executedAt, t.id),
  ],
);

export type OrderRow = typeof orders.$inferSelect;
export type OrderEventRow = typeof orderEvents.$inferSelect;
export type FillRow = typeof fills.$inferSelect;
