import { describe, expect, it } from "vitest";
import { calculateReconciliation } from "@/lib/engines/reconcile";

// Venue net 2 ETH. Strategy "long" +5 @ 3000, "hedge" −3 @ 3100: 5 − 3 = 2, nothing left over.
// At 3200: long (3200 − 3000) / 3000 = +6.67 %; hedge, short from 3100: −(3200 − 3100) / 3100 = −3.23 %.
describe("long +5 @ 3000 and hedge −3 @ 3100 on a venue holding 2 ETH: no residual; PnL +6.67 % and −3.23 %", () => {
  const result = calculateReconciliation({
    venuePositions: [{ symbol: "ETH/USDT:USDT", quantity: "2", markPrice: "3200", quoteCurrency: "USDT" }],
    strategyPositions: [
      { strategy: "long", symbol: "ETH/USDT:USDT", quantity: "5", averageCost: "3000" },
      { strategy: "hedge", symbol: "ETH/USDT:USDT", quantity: "-3", averageCost: "3100" },
    ],
    prices: { USDT: "1" },
    nav: "100000",
  });

  it("keeps both sides, signed", () => {
    expect(result.rows.map((r) => [r.strategy, r.quantity, r.marketValue])).toEqual([
      ["long", "5", "16000"],
      ["hedge", "-3", "-9600"],
    ]);
  });

  it("signs PnL % by side: long +200 / 3000, short −100 / 3100", () => {
    expect(result.rows[0]?.pnlPct).toBeCloseTo(200 / 3000, 15);
    expect(result.rows[1]?.pnlPct).toBeCloseTo(-100 / 3100, 15);
    expect(result.rows[1]?.navWeight).toBeCloseTo(-0.096, 15);
  });

  it("has no residual: 5 + (−3) = 2", () => {
    expect(result.rows.some((r) => r.kind === "residual")).toBe(false);
    expect(result.symbols[0]).toMatchObject({ venueQuantity: "2", strategyQuantity: "2", residualQuantity: "0" });
    expect(result.totalValueBase).toBe("6400");
  });
});
