import { describe, expect, it } from "vitest";
import { calculateReconciliation } from "@/lib/engines/reconcile";

// Venue: 10 BTC. Strategies: trend 6 @ 40000, carry 3 @ 55000 → residual 10 − 9 = 1,
// its cost (6 × 40000 + 3 × 55000) / 9 = 405000 / 9 = 45000. Market 60000 USDT, USDT = 1 USD.
describe("venue 10 BTC − (trend 6 + carry 3) = residual 1 @ 45000; all revalued at 60000 (trend +50 %, carry +9.09 %, residual +33.3 %)", () => {
  const result = calculateReconciliation({
    venuePositions: [{ symbol: "BTC/USDT", quantity: "10", entryPrice: "48000", markPrice: "59000", quoteCurrency: "USDT" }],
    strategyPositions: [
      { strategy: "trend", symbol: "BTC/USDT", quantity: "6", averageCost: "40000" },
      { strategy: "carry", symbol: "BTC/USDT", quantity: "3", averageCost: "55000" },
    ],
    marketPrices: { "BTC/USDT": "60000" },
    prices: { USDT: "1" },
    nav: "1000000",
  });

  it("refreshes each strategy row with the market price (60000, not the venue's 59000 mark)", () => {
    expect(result.rows.slice(0, 2)).toEqual([
      {
        symbol: "BTC/USDT",
        strategy: "trend",
        kind: "strategy",
        quantity: "6",
        averageCost: "40000",
        marketPrice: "60000",
        marketValue: "360000",
        quoteCurrency: "USDT",
        fxRate: "1",
        valueBase: "360000",
        navWeight: 0.36,
        pnlPct: 0.5,
        closedAtVenue: false,
      },
      expect.objectContaining({ strategy: "carry", marketValue: "180000", navWeight: 0.18 }),
    ]);
    expect(result.rows[1]?.pnlPct).toBeCloseTo(5000 / 55000, 15);
  });

  it("adds a residual row of 1 BTC at the strategies' weighted cost 45000", () => {
    expect(result.rows[2]).toMatchObject({
      strategy: null,
      kind: "residual",
      quantity: "1",
      averageCost: "45000",
      marketValue: "60000",
      navWeight: 0.06,
    });
    expect(result.rows[2]?.pnlPct).toBeCloseTo(1 / 3, 15);
  });

  it("reconciles: 6 + 3 + 1 = 10, worth 600000 in all", () => {
    expect(result.symbols).toEqual([{ symbol: "BTC/USDT", venueQuantity: "10", strategyQuantity: "9", residualQuantity: "1" }]);
    expect(result.totalValueBase).toBe("600000");
  });

  it("with no strategy at all, the residual takes the venue's entry price: 10 @ 48000", () => {
    const untagged = calculateReconciliation({
      venuePositions: [{ symbol: "BTC/USDT", quantity: "10", entryPrice: "48000", markPrice: "60000" }],
      strategyPositions: [],
      prices: { USDT: "1" },
      nav: "1000000",
    });
    expect(untagged.rows).toEqual([expect.objectContaining({ kind: "residual", quantity: "10", averageCost: "48000", pnlPct: 0.25, navWeight: 0.6 })]);
  });
});
