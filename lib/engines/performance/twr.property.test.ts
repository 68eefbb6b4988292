import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cumulativeReturn, simpleReturns, timeWeightedReturn } from "@/lib/engines/performance";

const valuations = fc.array(fc.double({ min: 1, max: 1e7, noNaN: true }), { minLength: 2, maxLength: 60 });

describe("TWR with no flows = cumulative return = last / first − 1", () => {
  it("holds for any positive value path", () => {
    fc.assert(
      fc.property(valuations, (v) => {
        const twr = timeWeightedReturn(v, v.map(() => 0));
        const expected = v[v.length - 1]! / v[0]! - 1;
        const tolerance = 1e-9 * Math.max(1, Math.abs(expected));
        expect(Math.abs(twr - expected)).toBeLessThanOrEqual(tolerance);
        // 1 + r loses digits when a period falls close to −100 % (1e7 → 1), hence the looser bound.
        expect(Math.abs(twr - cumulativeReturn(simpleReturns(v)))).toBeLessThanOrEqual(1000 * tolerance);
      }),
    );
  });

  it("a deposit at any point leaves TWR unchanged when it earns what the portfolio earns", () => {
    fc.assert(
      fc.property(valuations, fc.nat(), fc.double({ min: 1, max: 1e6, noNaN: true }), (v, at, deposit) => {
        const i = at % (v.length - 1);
        // After the deposit the book is (v[i] + deposit) and grows exactly as before.
        const scale = (v[i]! + deposit) / v[i]!;
        const withDeposit = v.map((x, k) => (k > i ? x * scale : x));
        const flows = v.map((_, k) => (k === i ? deposit : 0));
        const base = timeWeightedReturn(v, v.map(() => 0));
        expect(Math.abs(timeWeightedReturn(withDeposit, flows) - base)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(base)));
      }),
    );
  });
});
