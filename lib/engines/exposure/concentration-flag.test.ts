import { describe, expect, it } from "vitest";
import { calculateExposure } from "@/lib/engines/exposure";

// BTC 6000, ETH 3000, SOL 1000 of 10000: weights 0.6, 0.3, 0.1.
// Herfindahl 0.6² + 0.3² + 0.1² = 0.36 + 0.09 + 0.01 = 0.46.
describe("BTC 60 % + ETH 30 % + SOL 10 %: top-1 0.6 > 0.5 flagged, HHI 0.46", () => {
  const input = {
    equity: "10000",
    balances: [
      { asset: "BTC", quantity: "0.1" },
      { asset: "ETH", quantity: "1" },
      { asset: "SOL", quantity: "10" },
    ],
    positions: [],
    prices: { BTC: "60000", ETH: "3000", SOL: "100" },
  };

  it("measures the concentration", () => {
    const { concentration } = calculateExposure(input);
    expect(concentration).toEqual({
      top1: { asset: "BTC", weight: "0.6" },
      top5Weight: "1",
      herfindahl: "0.46",
      threshold: "0.5",
      breaches: [{ asset: "BTC", weight: "0.6" }],
      flagged: true,
    });
  });

  it("does not flag at a 0.7 threshold", () => {
    const { concentration } = calculateExposure({ ...input, concentrationThreshold: "0.7" });
    expect(concentration.flagged).toBe(false);
    expect(concentration.breaches).toEqual([]);
  });

  it("does not flag a portfolio that is 80 % cash unless asked to", () => {
    const cashHeavy = {
      equity: "10000",
      balances: [
        { asset: "USD", quantity: "8000" },
        { asset: "BTC", quantity: "0.0333333" },
      ],
      positions: [],
      prices: { BTC: "60000" },
    };
    expect(calculateExposure(cashHeavy).concentration.flagged).toBe(false);
    expect(calculateExposure({ ...cashHeavy, flagCash: true }).concentration.breaches.map((b) => b.asset)).toEqual(["USD"]);
  });
});
