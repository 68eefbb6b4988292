import { describe, expect, it } from "vitest";
import { calculateReconciliation } from "@/lib/engines/reconcile";

describe("2 ETH @ 3000 USDT × 0.9998 USD/USDT = 5998.8 USD = 5.9988 % of NAV 100000", () => {
  const result = calculateReconciliation({
    baseCurrency: "USD",
    venuePositions: [{ symbol: "ETH/USDT", quantity: "2", quoteCurrency: "USDT" }],
    strategyPositions: [{ strategy: "core", symbol: "ETH/USDT", quantity: "2", averageCost: "2500" }],
    marketPrices: { "ETH/USDT": "3000" },
    quotes: [{ base: "USDT", quote: "USD", price: "0.9998" }],
    nav: "100000",
  });

  it("values the row in the quote currency and in the base currency", () => {
    expect(result.rows[0]).toMatchObject({ marketValue: "6000", quoteCurrency: "USDT", fxRate: "0.9998", valueBase: "5998.8" });
    expect(result.rows[0]?.navWeight).toBeCloseTo(0.059988, 15);
    expect(result.totalValueBase).toBe("5998.8");
  });

  it("states PnL % in the quote currency, before FX: (3000 − 2500) / 2500 = +20 %", () => {
    expect(result.rows[0]?.pnlPct).toBeCloseTo(0.2, 15);
  });

  it("a venue listing the same symbol twice is a caller error", () => {
    expect(() =>
      calculateReconciliation({
        venuePositions: [
          { symbol: "ETH/USDT", quantity: "1" },
          { symbol: "ETH/USDT", quantity: "1" },
        ],
        strategyPositions: [],
        nav: "1",
      }),
    ).toThrow(RangeError);
  });
});
