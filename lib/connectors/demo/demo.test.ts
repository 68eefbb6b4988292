import { describe, expect, it } from "vitest";
import { D } from "@/lib/money/decimal";
import { balanceSchema, fillSchema, orderSchema, positionSchema } from "../domain-schemas";
import { createDemoConnector, demoReplayInstants } from ".";

const at = (iso: string) => createDemoConnector({ seed: "unit", now: () => new Date(iso) });
const T = "2026-11-20T10:30:00Z";

async function everything(iso: string, seed = "unit") {
  const c = createDemoConnector({ seed, now: () => new Date(iso) });
  const balances = (await c.fetchBalances()).items;
  return {
    accounts: (await c.fetchAccounts()).items,
    balances,
    positions: (await c.fetchPositions()).items,
    orders: (await c.fetchOrders({})).items,
    fills: (await c.fetchFills({})).items,
    quotes: (await c.fetchQuotes(balances.map((b) => b.asset))).items,
  };
}

describe("demo venue", () => {
  it("is a pure function of (seed, time): two instances agree exactly, in any call order", async () => {
    const later = await everything("2026-11-20T12:00:00Z");
    const a = await everything(T);
    const b = await everything(T);
    expect(a).toEqual(b);
    expect(later).not.toEqual(a);
  });

  it("another seed is another venue", async () => {
    const a = await everything(T, "unit");
    const b = await everything(T, "other");
    expect(b.quotes).not.toEqual(a.quotes);
  });

  it("speaks the domain: every item passes the schemas the sync enforces", async () => {
    const s = await everything(T);
    for (const b of s.balances) expect(balanceSchema.safeParse(b).success).toBe(true);
    for (const p of s.positions) expect(positionSchema.safeParse(p).success).toBe(true);
    for (const o of s.orders) expect(orderSchema.safeParse(o).success).toBe(true);
    for (const f of s.fills) expect(fillSchema.safeParse(f).success).toBe(true);
    expect(s.balances.map((b) => `${b.asset}/${b.wallet}`)).toEqual([
      "BTC/spot",
      "ETH/spot",
      "SOL/spot",
      "BNB/spot",
      "LINK/spot",
      "USDT/spot",
      "USDC/spot",
      "USDT/funding",
      "USDT/futures",
    ]);
  });

  it("perpetuals: unrealized PnL = (mark − entry) × signed size, notional = size × mark", async () => {
    const { positions } = await everything(T);
    expect(positions.map((p) => p.symbol)).toEqual(["BTC/USDT:USDT", "ETH/USDT:USDT"]);
    for (const p of positions) {
      expect(new D(p.unrealizedPnl).eq(new D(p.markPrice).minus(p.entryPrice).times(p.quantity))).toBe(true);
      expect(new D(p.notional).eq(new D(p.quantity).times(p.markPrice))).toBe(true);
      expect(p.side === "short").toBe(new D(p.quantity).isNegative());
    }
  });

  it("stablecoins are quoted, not assumed to be 1, and stay within 1 % of it", async () => {
    const { quotes } = await everything(T);
    const usdt = quotes.find((q) => q.base === "USDT")!;
    expect(usdt.quote).toBe("USD");
    expect(new D(usdt.price).minus(1).abs().lt("0.01")).toBe(true);
  });

  it("an order fills over time: open, then partially filled, then filled, with fills adding up", async () => {
    // Seed "unit": the first sell filled by 06:00 is mm-eth-4215-s, filled in three
    // tranches, so both partially-filled steps are reached.
    const start = Date.parse("2026-11-20T00:00:00Z");
    const placed = (await at(new Date(start + 6 * 3_600_000).toISOString()).fetchOrders({ since: new Date(start) })).items;
    const multi = placed.find((o) => o.side === "sell" && o.status === "filled" && o.venueOrderId.startsWith("mm-"))!;
    expect(multi).toMatchObject({ venueOrderId: "mm-eth-4215-s", quantity: "0.993", createdAt: new Date("2026-11-19T22:18:00Z") });
    const fills = (await at(new Date(start + 12 * 3_600_000).toISOString()).fetchFills({ since: new Date(start - 86_400_000) })).items.filter(
      (f) => f.venueOrderId === multi.venueOrderId,
    );
    expect(fills.map((f) => [f.executedAt.toISOString(), f.quantity])).toEqual([
      ["2026-11-19T22:38:00.000Z", "0.331"],
      ["2026-11-19T23:08:00.000Z", "0.331"],
      ["2026-11-20T00:08:00.000Z", "0.331"],
    ]);
    const total = fills.reduce((s, f) => s.plus(f.quantity), new D(0));
    expect(total.eq(multi.quantity)).toBe(true);
    const stateAt = async (t: Date) => {
      const o = (await at(t.toISOString()).fetchOrders({ since: new Date(start) })).items.find((x) => x.venueOrderId === multi.venueOrderId)!;
      return { status: o.status, filledQuantity: o.filledQuantity };
    };
    expect(await stateAt(multi.createdAt)).toEqual({ status: "open", filledQuantity: "0" });
    const after = [];
    for (const f of fills) after.push(await stateAt(f.executedAt));
    expect(after).toEqual([
      { status: "partially_filled", filledQuantity: "0.331" },
      { status: "partially_filled", filledQuantity: "0.662" },
      { status: "filled", filledQuantity: "0.993" },
    ]);
  });

  it("a weekly DCA bid rests open and is cancelled at the week's end (never filled)", async () => {
    const { orders } = await everything(T);
    const dca = orders.filter((o) => o.venueOrderId.startsWith("dca-btc-"));
    expect(dca.some((o) => o.status === "open" && o.filledQuantity === "0")).toBe(true);
    const week = Number(dca.find((o) => o.status === "open")!.venueOrderId.split("-").at(-1));
    const nextWeek = new Date(Date.UTC(2024, 0, 1) + (week + 1) * 7 * 86_400_000 + 3_600_000);
    const later = (await at(nextWeek.toISOString()).fetchOrders({ since: new Date(nextWeek.getTime() - 86_400_000) })).items;
    expect(later.find((o) => o.venueOrderId === `dca-btc-${week}`)).toMatchObject({ status: "cancelled", filledQuantity: "0" });
  });

  it("fills are only those in [since, now]", async () => {
    const since = new Date("2026-11-20T06:00:00Z");
    const fills = (await at(T).fetchFills({ since })).items;
    expect(fills.map((f) => f.venueFillId)).toEqual([
      "mm-btc-4217-b-0",
      "mm-sol-4216-s-0",
      "mm-sol-4216-s-1",
      "mm-eth-4217-b-0",
      "mm-btc-4217-s-0",
      "mm-eth-4217-b-1",
      "mm-btc-4217-s-1",
      "mm-sol-4217-b-0",
      "mm-btc-4217-s-2",
    ]);
    for (const f of fills) {
      expect(f.executedAt.getTime()).toBeGreaterThanOrEqual(since.getTime());
      expect(f.executedAt.getTime()).toBeLessThanOrEqual(Date.parse(T));
    }
  });
});

describe("demoReplayInstants: syncing just after each change of the latest amended order", () => {
  const before = new Date(T).getTime();
  const instants = demoReplayInstants("unit", before);

  it("each instant sees one more change: placed (open), amended (quantity up), then each fill or the cancellation", async () => {
    expect(instants.length).toBeGreaterThanOrEqual(3);
    expect(instants.every((d, i) => i === 0 || d > instants[i - 1]!)).toBe(true);
    expect(instants.every((d) => d.getTime() < before)).toBe(true);
    const seen = await Promise.all(instants.map(async (d) => (await at(d.toISOString()).fetchOrders({ since: new Date(instants[0]!.getTime() - 60_000) })).items));
    const id = seen[0]!.find((o) => o.side === "buy" && o.createdAt.getTime() === instants[0]!.getTime() - 1_000)!.venueOrderId;
    const states = seen.map((orders) => orders.find((o) => o.venueOrderId === id)!);
    expect(states[0]).toMatchObject({ status: "open", filledQuantity: "0" });
    expect(new D(states[1]!.quantity).gt(states[0]!.quantity)).toBe(true);
    expect(["filled", "cancelled"]).toContain(states[states.length - 1]!.status);
  });

  it("none before the demo market opens", () => {
    expect(demoReplayInstants("unit", Date.UTC(2024, 0, 1))).toEqual([]);
  });
});
