import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { xirr, xnpv } from "@/lib/engines/performance";

const DAY = 86_400_000;
const START = Date.UTC(2020, 0, 1);

// An investment: money in first, later flows of either sign, the final value out.
const investment = fc
  .record({
    initial: fc.integer({ min: 100, max: 1_000_000 }),
    flows: fc.array(fc.record({ day: fc.integer({ min: 1, max: 3000 }), amount: fc.integer({ min: -50_000, max: 50_000 }) }), { maxLength: 20 }),
    finalDay: fc.integer({ min: 3001, max: 4000 }),
    finalValue: fc.integer({ min: 1, max: 3_000_000 }),
  })
  .map(({ initial, flows, finalDay, finalValue }) => [
    { date: new Date(START), amount: -initial },
    ...flows.map((f) => ({ date: new Date(START + f.day * DAY), amount: f.amount })),
    { date: new Date(START + finalDay * DAY), amount: finalValue },
  ]);

describe("XIRR's root makes XNPV ≈ 0", () => {
  it("for any investment it solves, |XNPV(xirr)| is negligible next to the flows", () => {
    fc.assert(
      fc.property(investment, (flows) => {
        const rate = xirr(flows);
        if (Number.isNaN(rate)) return;
        expect(rate).toBeGreaterThan(-1);
        const scale = flows.reduce((s, f) => s + Math.abs(f.amount * Math.pow(1 + rate, -(f.date.getTime() - START) / DAY / 365)), 0);
        expect(Math.abs(xnpv(rate, flows))).toBeLessThanOrEqual(1e-8 * scale);
      }),
      { numRuns: 300 },
    );
  });

  it("a single investment with one redemption always has its unique root: −P, +V → (V/P)^(365/d) − 1", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 1, max: 5_000_000 }), fc.integer({ min: 1, max: 3650 }), (p, v, d) => {
        const rate = xirr([
          { date: new Date(START), amount: -p },
          { date: new Date(START + d * DAY), amount: v },
        ]);
        const expected = Math.pow(v / p, 365 / d) - 1;
        if (!Number.isFinite(expected)) {
          expect(rate).toBeNaN();
          return;
        }
        expect(Math.abs(rate - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
      }),
    );
  });
});
