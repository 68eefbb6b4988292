import { describe, expect, it } from "vitest";
import { orderSchema, positionSchema } from "../domain-schemas";
import { ScaledDemoConnector } from "./scaled";

const at = (iso: string) => new ScaledDemoConnector({ seed: "bench", now: () => new Date(iso), positions: 500, orders: 10_000 });

describe("scaled demo venue", () => {
  it("500 positions and 10,000 orders, all valid domain objects", async () => {
    const c = at("2026-11-20T10:00:00Z");
    const positions = (await c.fetchPositions()).items;
    const orders = (await c.fetchOrders()).items;
    expect(positions).toHaveLength(500);
    expect(orders).toHaveLength(10_000);
    for (const p of positions) expect(positionSchema.safeParse(p).success).toBe(true);
    for (const o of orders.slice(0, 500)) expect(orderSchema.safeParse(o).success).toBe(true);
    const quotes = (await c.fetchQuotes(positions.map((p) => p.underlying))).items;
    expect(quotes.filter((q) => q.base.startsWith("SYN"))).toHaveLength(498);
  });

  it("one minute later about 1 % of the orders changed (113 of 10,000)", async () => {
    const a = (await at("2026-11-20T10:00:00Z").fetchOrders()).items;
    const b = (await at("2026-11-20T10:01:00Z").fetchOrders()).items;
    const key = (o: (typeof a)[number]) => `${o.venueOrderId}|${o.status}|${o.filledQuantity}`;
    const before = new Set(a.map(key));
    const changed = b.filter((o) => !before.has(key(o))).length;
    expect(changed).toBe(113);
  });
});
