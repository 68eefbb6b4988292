import { D } from "@/lib/money/decimal";
import type { Order, OrderStatus } from "@/lib/connectors/types";
import type { OrderEventType } from "@/db/schema";

/** What the database last knew of an order. */
export interface StoredOrderState {
  status: OrderStatus;
  quantity: string;
  filledQuantity: string;
}

export interface OrderEventDraft {
  type: OrderEventType;
  statusBefore: OrderStatus | null;
  statusAfter: OrderStatus;
  quantityBefore: string | null;
  quantityAfter: string;
  filledBefore: string | null;
  filledAfter: string;
}

/**
 * The events that turn `prev` into `next`, in the order they are applied: a quantity
 * amendment, then the filled quantity, then the status. Each event's before/after is the
 * state around that one step, so replaying the events rebuilds the order exactly.
 * Decimal comparison, so "0.10" and "0.1" are the same quantity and add no event.
 */
export function diffOrder(prev: StoredOrderState | undefined, next: Order): OrderEventDraft[] {
  if (!prev) {
    return [
      {
        type: "ORDER_PLACED",
        statusBefore: null,
        statusAfter: next.status,
        quantityBefore: null,
        quantityAfter: next.quantity,
        filledBefore: null,
        filledAfter: next.filledQuantity,
      },
    ];
  }
  // The common case, an order unchanged since the last run, without building a Decimal.
  if (prev.status === next.status && prev.quantity === next.quantity && prev.filledQuantity === next.filledQuantity) return [];
  const events: OrderEventDraft[] = [];
  let state = { ...prev };
  const push = (type: OrderEventType, after: StoredOrderState) => {
    events.push({
      type,
      statusBefore: state.status,
      statusAfter: after.status,
      quantityBefore: state.quantity,
      quantityAfter: after.quantity,
      filledBefore: state.filledQuantity,
      filledAfter: after.filledQuantity,
    });
    state = after;
  };

  const qtyChange = new D(next.quantity).comparedTo(state.quantity);
  if (qtyChange !== 0) push(qtyChange > 0 ? "QUANTITY_ADDED" : "QUANTITY_REMOVED", { ...state, quantity: next.quantity });
  if (!new D(next.filledQuantity).eq(state.filledQuantity)) {
    push("FILLED_QUANTITY_CHANGED", { ...state, filledQuantity: next.filledQuantity });
  }
  if (next.status !== state.status) {
    push(next.status === "cancelled" ? "ORDER_CANCELLED" : "STATUS_CHANGED", { ...state, status: next.status });
  }
  return events;
}
