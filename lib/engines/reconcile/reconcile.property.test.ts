import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { D, sum } from "@/lib/money/decimal";
import { calculateReconciliation } from "@/lib/engines/reconcile";

const qty = fc.integer({ min: -100_000, max: 100_000 }).map((n) => new D(n).div(100).toFixed());
const cost = fc.integer({ min: 1, max: 10_000_000 }).map((n) => new D(n).div(100).toFixed());
const symbol = fc.constantFrom("BTC/USDT", "ETH/USDT", "SOL/USDT", "DOGE/USDT");

describe("per symbol, Σ row quantities = venue quantity, and Σ row values = the book's value", () => {
  it("holds for any venue book and any strategy positions, opposite sides included", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.record({ symbol, quantity: qty }), { selector: (v) => v.symbol, maxLength: 4 }),
        fc.array(fc.record({ strategy: fc.constantFrom("a", "b", "c"), symbol, quantity: qty, averageCost: cost }), { maxLength: 12 }),
        (venuePositions, strategyPositions) => {
          const r = calculateReconciliation({
            venuePositions,
            strategyPositions,
            marketPrices: { "BTC/USDT": "60000", "ETH/USDT": "3000", "SOL/USDT": "150", "DOGE/USDT": "0.1" },
            quotes: [{ base: "USDT", quote: "USD", price: "0.9998" }],
            nav: "1000000",
          });
          for (const s of r.symbols) {
            const rows = r.rows.filter((row) => row.symbol === s.symbol);
            expect(sum(rows.map((row) => row.quantity)).equals(s.venueQuantity)).toBe(true);
            expect(rows.filter((row) => row.kind === "residual").length).toBe(new D(s.residualQuantity).isZero() ? 0 : 1);
          }
          const values = sum(r.rows.map((row) => row.valueBase ?? "0"));
          expect(values.equals(r.totalValueBase)).toBe(true);
        },
      ),
    );
  });
});
