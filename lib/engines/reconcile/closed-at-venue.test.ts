import { describe, expect, it } from "vitest";
import { calculateReconciliation } from "@/lib/engines/reconcile";

// The venue holds no SOL any more; strategy "momo" still records 10 @ 100. At 150 its row is
// worth 1500 (+50 %), and a residual of 0 − 10 = −10 (cost 100) brings the total back to 0.
describe("venue 0 SOL, strategy 10 @ 100: row kept and revalued at 150 (+50 %), residual −10", () => {
  const result = calculateReconciliation({
    venuePositions: [],
    strategyPositions: [{ strategy: "momo", symbol: "SOL/USDT", quantity: "10", averageCost: "100" }],
    marketPrices: { "SOL/USDT": "150" },
    prices: { USDT: "1" },
    nav: "10000",
  });

  it("keeps the strategy row, marked closed at the venue", () => {
    expect(result.rows[0]).toMatchObject({ strategy: "momo", quantity: "10", marketValue: "1500", pnlPct: 0.5, closedAtVenue: true });
  });

  it("offsets it with a residual of −10 so the symbol reconciles to the venue's 0", () => {
    expect(result.rows[1]).toMatchObject({ kind: "residual", quantity: "-10", averageCost: "100", marketValue: "-1500", closedAtVenue: false });
    expect(result.symbols[0]).toEqual({ symbol: "SOL/USDT", venueQuantity: "0", strategyQuantity: "10", residualQuantity: "-10" });
    expect(result.totalValueBase).toBe("0");
  });
});

describe("a symbol with no price is listed, its rows kept without values", () => {
  it("leaves market value empty rather than 0", () => {
    const result = calculateReconciliation({
      venuePositions: [{ symbol: "NEW/USDT", quantity: "5" }],
      strategyPositions: [{ strategy: "s", symbol: "NEW/USDT", quantity: "5", averageCost: "1" }],
      prices: { USDT: "1" },
      nav: "100",
    });
    expect(result.unpriced).toEqual(["NEW/USDT"]);
    expect(result.rows[0]).toMatchObject({ marketPrice: null, marketValue: null, valueBase: null, navWeight: null, pnlPct: null });
  });
});
