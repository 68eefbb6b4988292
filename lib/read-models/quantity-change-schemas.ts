import { z } from "zod";
import { keysetPageSchema } from "./keyset-page";
import { ORDER_STATUSES } from "./order-schemas";

/** The quantity-changes page's JSON contract and its one input, free of server code. */
const iso = z.iso.datetime({ offset: true });

/**
 * A symbol as the venues' connectors write it: "BTC/USDT", "BTC/USDT:USDT" (a perpetual),
 * "AAPL", "BRK B", "M&M". Anything else is refused as a format no order can have.
 */
export const symbolSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9 ._&+\/:-]{0,63}$/, "a symbol such as BTC/USDT or BTC/USDT:USDT: letters, digits and . _ & + / : - or space, at most 64");

export const quantityChangeQuerySchema = z.object({ symbol: symbolSchema });

export const QUANTITY_CHANGE_TYPES = ["QUANTITY_ADDED", "QUANTITY_REMOVED"] as const;

/** One quantity change: the order's quantity before and after, in the symbol's base asset. */
export const quantityChangeViewSchema = z.object({
  seq: z.number().int(),
  occurredAt: iso,
  accountId: z.uuid(),
  accountName: z.string(),
  connectionLabel: z.string(),
  orderId: z.uuid(),
  venueOrderId: z.string(),
  type: z.enum(QUANTITY_CHANGE_TYPES),
  quantityBefore: z.string().nullable(),
  quantityAfter: z.string(),
  /** after − before, exact; positive for an addition, negative for a removal. */
  delta: z.string().nullable(),
  statusAfter: z.enum(ORDER_STATUSES),
  syncBatchId: z.uuid(),
});
export type QuantityChangeView = z.infer<typeof quantityChangeViewSchema>;
export const quantityChangePageSchema = keysetPageSchema(quantityChangeViewSchema);

/** The page's address for a symbol (encoded: symbols hold "/" and ":"). */
export const quantityChangesHref = (symbol: string) => `/orders/quantity-changes?symbol=${encodeURIComponent(symbol)}`;
