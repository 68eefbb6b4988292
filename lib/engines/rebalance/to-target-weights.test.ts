import { describe, expect, it } from "vitest";
import { calculateRebalance } from "@/lib/engines/rebalance";

// BTC 0.1 × 70000 = 7000 (70 %), ETH 1 × 3000 = 3000 (30 %); total 10000. Target 50 / 50 = 5000 each.
describe("BTC 70 % / ETH 30 % of 10000 → 50 / 50: sell 2000 of BTC (0.0285714… BTC), buy 2000 of ETH (0.666… ETH)", () => {
  const result = calculateRebalance({
    holdings: [
      { asset: "BTC", quantity: "0.1" },
      { asset: "ETH", quantity: "1" },
    ],
    targets: { BTC: "0.5", ETH: "0.5" },
    prices: { BTC: "70000", ETH: "3000" },
  });
  const row = (asset: string) => result.rows.find((r) => r.asset === asset);

  it("sells the overweight BTC", () => {
    expect(row("BTC")).toMatchObject({
      value: "7000",
      currentWeight: "0.7",
      targetWeight: "0.5",
      drift: "0.2",
      targetValue: "5000",
      valueDelta: "-2000",
      quantityDelta: "-0.02857142857142857142857142857142857142857",
      action: "sell",
      reason: "rebalance",
    });
  });

  it("buys the underweight ETH", () => {
    expect(row("ETH")).toMatchObject({ drift: "-0.2", valueDelta: "2000", quantityDelta: "0.6666666666666666666666666666666666666667", action: "buy" });
  });

  it("needs no cash: buys 2000 = sells 2000; the cash row (target 0) stays at 0", () => {
    expect(result).toMatchObject({ totalValue: "10000", buyValue: "2000", sellValue: "2000", netCashNeeded: "0", previewOnly: true });
    expect(row("USD")).toMatchObject({ action: "cash", targetWeight: "0", valueDelta: "0" });
  });

  it("rounds to a lot size toward zero: ETH step 0.01 → buy 0.66 ETH = 1980", () => {
    const lots = calculateRebalance({
      holdings: [
        { asset: "BTC", quantity: "0.1" },
        { asset: "ETH", quantity: "1" },
      ],
      targets: { BTC: "0.5", ETH: "0.5" },
      prices: { BTC: "70000", ETH: "3000" },
      lotSizes: { ETH: "0.01", BTC: "0.001" },
    });
    expect(lots.rows.find((r) => r.asset === "ETH")).toMatchObject({ quantityDelta: "0.66", valueDelta: "1980" });
    expect(lots.rows.find((r) => r.asset === "BTC")).toMatchObject({ quantityDelta: "-0.028", valueDelta: "-1960" });
    expect(lots.netCashNeeded).toBe("20");
  });
});
