import { describe, expect, it } from "vitest";
import { cumulativeReturn, cumulativeReturns, simpleReturns } from "@/lib/engines/performance";
import { emptyReturns, mixedReturns, negativeReturns, oneReturn } from "@/lib/engines/performance/fixtures/empyrical";

// Expected values: empyrical tests/test_stats.py, test_cum_returns / test_cum_returns_final /
// test_simple_returns (checked there to 4 decimals).
describe("cumulative returns: cumprod(1 + r) − 1, NaN as 0; mixed → 0.03893", () => {
  it("mixed_returns from 0: [0, 0.01, 0.111, 0.066559, …, 0.03893]", () => {
    const expected = [0.0, 0.01, 0.111, 0.066559, 0.08789, 0.12052, 0.14293, 0.15436, 0.03893];
    cumulativeReturns(mixedReturns).forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, 4));
  });

  it("mixed_returns from 100: [100, 101, 111.1, …, 103.8931]", () => {
    const expected = [100.0, 101.0, 111.1, 106.65599, 108.78912, 112.05279, 114.29384, 115.43678, 103.8931];
    cumulativeReturns(mixedReturns, 100).forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, 4));
  });

  it("negative_returns: [0, −0.06, −0.1258, …, −0.3659]", () => {
    const expected = [0.0, -0.06, -0.1258, -0.13454, -0.21243, -0.22818, -0.27449, -0.33253, -0.3659];
    cumulativeReturns(negativeReturns).forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, 4));
  });

  it("empty → [] for the path, NaN for the total", () => {
    expect(cumulativeReturns(emptyReturns)).toEqual([]);
    expect(cumulativeReturn(emptyReturns)).toBeNaN();
  });

  it("final: one_return 0.01, mixed 0.03893, negative −0.3659", () => {
    expect(cumulativeReturn(oneReturn)).toBeCloseTo(0.01, 4);
    expect(cumulativeReturn(mixedReturns)).toBeCloseTo(0.03893, 4);
    expect(cumulativeReturn(negativeReturns)).toBeCloseTo(-0.3659, 4);
  });
});

describe("simple returns: (pᵢ − pᵢ₋₁) / pᵢ₋₁; flat prices → 0, prices 0, 1/999, 2/999… → ∞, 1/1, 1/2…", () => {
  it("flat_line_1 prices give eight zero returns", () => {
    expect(simpleReturns(Array.from({ length: 9 }, () => 0.01))).toEqual(Array.from({ length: 8 }, () => 0));
  });

  it("pos_line (linspace(0, 1, 1000)) gives [inf, 1/1, 1/2, …, 1/998]", () => {
    const prices = Array.from({ length: 1000 }, (_, i) => i / 999);
    const r = simpleReturns(prices);
    expect(r[0]).toBe(Infinity);
    for (let n = 1; n < 999; n++) expect(r[n]).toBeCloseTo(1 / n, 4);
  });

  it("0 → 0 is NaN, one price gives no return", () => {
    expect(simpleReturns([0, 0])[0]).toBeNaN();
    expect(simpleReturns([100])).toEqual([]);
  });
});
