import { describe, expect, it } from "vitest";
import type { Order } from "@/lib/connectors/types";
import { diffOrder } from "./order-diff";

const order = (over: Partial<Order>): Order => ({
  accountUid: "a",
  venueOrderId: "1",
  symbol: "BTC/USDT",
  side: "buy",
  type: "limit",
  status: "open",
  price: "60000",
  quantity: "1",
  filledQuantity: "0",
  createdAt: new Date(0),
  updatedAt: new Date(0),
  raw: {},
  ...over,
});

describe("diffOrder", () => {
  it("an order seen for the first time is ORDER_PLACED with no before-state", () => {
    expect(diffOrder(undefined, order({ filledQuantity: "0.25", status: "partially_filled" }))).toEqual([
      {
        type: "ORDER_PLACED",
        statusBefore: null,
        statusAfter: "partially_filled",
        quantityBefore: null,
        quantityAfter: "1",
        filledBefore: null,
        filledAfter: "0.25",
      },
    ]);
  });

  it("an unchanged order adds nothing, even when the digits are written differently (1.0 = 1)", () => {
    expect(diffOrder({ status: "open", quantity: "1.0", filledQuantity: "0.000" }, order({}))).toEqual([]);
  });

  it("amend 1 → 1.5 then fill 0 → 0.5 are two events, each with its own before/after", () => {
    const events = diffOrder(
      { status: "open", quantity: "1", filledQuantity: "0" },
      order({ quantity: "1.5", filledQuantity: "0.5", status: "partially_filled" }),
    );
    expect(events.map((e) => e.type)).toEqual(["QUANTITY_ADDED", "FILLED_QUANTITY_CHANGED", "STATUS_CHANGED"]);
    expect(events[0]).toMatchObject({ quantityBefore: "1", quantityAfter: "1.5", filledBefore: "0", filledAfter: "0" });
    expect(events[1]).toMatchObject({ quantityBefore: "1.5", filledBefore: "0", filledAfter: "0.5", statusAfter: "open" });
    expect(events[2]).toMatchObject({ statusBefore: "open", statusAfter: "partially_filled", filledAfter: "0.5" });
  });

  it("a reduced quantity is QUANTITY_REMOVED (2 → 1.2)", () => {
    const [e] = diffOrder({ status: "open", quantity: "2", filledQuantity: "0" }, order({ quantity: "1.2" }));
    expect(e).toMatchObject({ type: "QUANTITY_REMOVED", quantityBefore: "2", quantityAfter: "1.2" });
  });

  it("a cancellation is ORDER_CANCELLED, keeping the partial fill", () => {
    const events = diffOrder(
      { status: "partially_filled", quantity: "1", filledQuantity: "0.4" },
      order({ status: "cancelled", filledQuantity: "0.4" }),
    );
    expect(events).toEqual([
      {
        type: "ORDER_CANCELLED",
        statusBefore: "partially_filled",
        statusAfter: "cancelled",
        quantityBefore: "1",
        quantityAfter: "1",
        filledBefore: "0.4",
        filledAfter: "0.4",
      },
    ]);
  });
});
