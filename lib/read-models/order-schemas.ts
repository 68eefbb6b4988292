import { z } from "zod";
import type { OrderEventType } from "@/db/schema/orders";
import type { OrderSide, OrderStatus } from "@/lib/connectors/types";
import { keysetPageSchema } from "./keyset-page";

/** The orders pages' JSON contract and words, free of server code: the browser validates with it. */
const iso = z.iso.datetime({ offset: true });

export type { OrderSide, OrderStatus };

export const ORDER_STATUS_LABELS: Record<OrderStatus, string> = {
  open: "open",
  partially_filled: "partially filled",
  filled: "filled",
  cancelled: "cancelled",
  rejected: "rejected",
  expired: "expired",
};
/** The statuses the orders table stores, from the labels (a Record over the type holds each exactly once). */
export const ORDER_STATUSES = Object.keys(ORDER_STATUS_LABELS) as [OrderStatus, ...OrderStatus[]];
export const ORDER_SIDES = ["buy", "sell"] as const satisfies readonly OrderSide[];

export const ORDER_EVENT_LABELS: Record<OrderEventType, string> = {
  ORDER_PLACED: "Placed",
  QUANTITY_ADDED: "Quantity added",
  QUANTITY_REMOVED: "Quantity removed",
  FILLED_QUANTITY_CHANGED: "Filled quantity changed",
  STATUS_CHANGED: "Status changed",
  ORDER_CANCELLED: "Cancelled",
};
/** The event kinds, from the labels: the table definitions stay out of the browser. */
export const ORDER_EVENT_TYPES = Object.keys(ORDER_EVENT_LABELS) as [OrderEventType, ...OrderEventType[]];

/** One order as the list shows it: its current state; money and quantities as decimal strings. */
export const orderViewSchema = z.object({
  id: z.uuid(),
  placedAt: iso,
  lastChangeAt: iso,
  connectionId: z.uuid(),
  connectionLabel: z.string(),
  accountId: z.uuid(),
  accountName: z.string(),
  venueOrderId: z.string(),
  clientOrderId: z.string().nullable(),
  symbol: z.string(),
  side: z.enum(ORDER_SIDES),
  type: z.string(),
  status: z.enum(ORDER_STATUSES),
  /** Null for a market order. */
  price: z.string().nullable(),
  quantity: z.string(),
  filledQuantity: z.string(),
  /** Null until something fills. */
  averagePrice: z.string().nullable(),
  /** The tag the client order id carries (docs/strategy-tags.md); null when untagged. */
  strategy: z.string().nullable(),
});
export type OrderView = z.infer<typeof orderViewSchema>;
export const orderPageSchema = keysetPageSchema(orderViewSchema);

/** One order event in the timeline, with the chain link and whether the chain verifies up to it. */
export const orderEventViewSchema = z.object({
  seq: z.number().int(),
  type: z.enum(ORDER_EVENT_TYPES),
  statusBefore: z.enum(ORDER_STATUSES).nullable(),
  statusAfter: z.enum(ORDER_STATUSES),
  quantityBefore: z.string().nullable(),
  quantityAfter: z.string(),
  filledBefore: z.string().nullable(),
  filledAfter: z.string(),
  /** When the venue says it happened. */
  occurredAt: iso,
  /** When a sync recorded it. */
  recordedAt: iso,
  syncBatchId: z.uuid(),
  hash: z.string(),
  prevHash: z.string(),
  /** True when the account's chain verifies from its start up to and including this event (by its checkpoint, then hashing the rest). */
  verified: z.boolean(),
  /** Pretty-printed, redacted raw payload; admins only (null otherwise or when none was stored). */
  raw: z.string().nullable(),
});
export type OrderEventView = z.infer<typeof orderEventViewSchema>;

export const orderFillViewSchema = z.object({
  id: z.uuid(),
  venueFillId: z.string(),
  executedAt: iso,
  price: z.string(),
  quantity: z.string(),
  fee: z.string(),
  feeAsset: z.string(),
  liquidity: z.enum(["maker", "taker"]).nullable(),
  strategy: z.string().nullable(),
  raw: z.string().nullable(),
});
export type OrderFillView = z.infer<typeof orderFillViewSchema>;

/** The first broken link of the account's chain at or before this order's last event, in words. */
export const chainBreakSchema = z.object({ seq: z.number().int(), reason: z.enum(["edited", "predecessor_missing", "unlinked"]), detail: z.string() });

export const orderDetailSchema = z.object({
  order: orderViewSchema,
  /** The order's stored raw payload, pretty-printed and redacted; admins only. */
  raw: z.string().nullable(),
  events: z.array(orderEventViewSchema),
  fills: z.array(orderFillViewSchema),
  chain: z.object({
    /** Events hashed for this view: those after the account's checkpoint, through this order's last. */
    checkedEvents: z.number().int(),
    /** The account's stored checkpoint the marks start from (null: never checked, so walked from the start). */
    checkpoint: z.object({ lastSeq: z.number().int().nullable(), checkedAt: iso }).nullable(),
    broken: chainBreakSchema.nullable(),
  }),
});
export type OrderDetailView = z.infer<typeof orderDetailSchema>;
