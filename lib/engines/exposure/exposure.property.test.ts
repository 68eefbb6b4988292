import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { D, sum } from "@/lib/money/decimal";
import { type Allocation, calculateExposure } from "@/lib/engines/exposure";

const dimensions = (a: Allocation) => [a.byAsset, a.byVenue, a.byAccount, a.byAssetClass, a.byCurrency, a.bySector];

const signedAmount = fc
  .tuple(fc.integer({ min: -10_000_000, max: 10_000_000 }), fc.integer({ min: 0, max: 4 }))
  .map(([units, scale]) => new D(units).div(new D(10).pow(scale)).toFixed());
const asset = fc.constantFrom("BTC", "ETH", "SOL", "DOGE", "USDT", "USD");

describe("for any book: gross ≥ |net|, unnetted gross ≥ gross, allocation weights sum to 1", () => {
  it("holds", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ asset, quantity: signedAmount }), { maxLength: 10 }),
        fc.array(
          fc.record({ underlying: asset, notional: signedAmount }).map((p) => ({
            symbol: `${p.underlying}/USDT:USDT`,
            underlying: p.underlying,
            quoteCurrency: "USDT",
            quantity: p.notional,
            notional: p.notional,
          })),
          { maxLength: 6 },
        ),
        (balances, positions) => {
          const r = calculateExposure({
            equity: "100000",
            balances,
            positions,
            prices: { BTC: "60000", ETH: "3000", SOL: "150", DOGE: "0.1", USDT: "0.9998" },
          });
          const gross = new D(r.totals.gross);
          expect(gross.greaterThanOrEqualTo(new D(r.totals.net).abs())).toBe(true);
          expect(new D(r.totals.grossUnnetted).greaterThanOrEqualTo(gross)).toBe(true);
          for (const buckets of dimensions(r.allocation)) {
            if (buckets.length === 0) continue;
            const total = sum(buckets.map((b) => b.weight));
            expect(total.minus(1).abs().lessThan("1e-35")).toBe(true);
          }
          const h = new D(r.concentration.herfindahl);
          expect(h.lessThanOrEqualTo(1)).toBe(true);
        },
      ),
    );
  });
});
