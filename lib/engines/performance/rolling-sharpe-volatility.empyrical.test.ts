import { describe, expect, it } from "vitest";
import { annualVolatility, rollingSharpe, rollingVolatility } from "@/lib/engines/performance";
import { emptyReturns, mixedReturns, negativeReturns } from "@/lib/engines/performance/fixtures/empyrical";

// Expected values: empyrical-reloaded tests/test_stats.py, test_roll_sharpe_ratio (8 decimals).
describe("rolling Sharpe over 6 periods: 9 returns → 4 windows", () => {
  it("negative_returns → [−18.09162052, −26.79897486, −26.69138263, −25.72298838]", () => {
    const expected = [-18.09162052, -26.79897486, -26.69138263, -25.72298838];
    rollingSharpe(negativeReturns, 6).forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, 8));
  });

  it("mixed_returns → [7.57445259, 8.22784105, 8.22784105, −3.1374751]", () => {
    const expected = [7.57445259, 8.22784105, 8.22784105, -3.1374751];
    rollingSharpe(mixedReturns, 6).forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, 8));
  });

  it("a window longer than the series gives nothing", () => {
    expect(rollingSharpe(emptyReturns, 6)).toEqual([]);
    expect(rollingSharpe(mixedReturns, 10)).toEqual([]);
  });
});

describe("rolling volatility: window k is annualVolatility(r[k .. k + w − 1])", () => {
  it("matches the full-sample function on each window of negative_returns", () => {
    const rolled = rollingVolatility(negativeReturns, 6);
    expect(rolled).toHaveLength(4);
    rolled.forEach((v, k) => expect(v).toBeCloseTo(annualVolatility(negativeReturns.slice(k, k + 6)), 12));
  });

  it("a flat window has exactly 0 volatility: [1 %, 1 %, 1 %, 5 %] w=3 → [0, 0.0230940…·√252]", () => {
    const rolled = rollingVolatility([0.01, 0.01, 0.01, 0.05], 3);
    expect(rolled[0]).toBe(0);
    // std([0.01, 0.01, 0.05], ddof 1) = √(((−0.04/3)² · 2 + (0.08/3)²) / 2) = 0.0230940…
    expect(rolled[1]).toBeCloseTo(0.023094010767585 * Math.sqrt(252), 10);
  });

  it("rejects a window that is not a positive integer", () => {
    expect(() => rollingVolatility(negativeReturns, 0)).toThrow(RangeError);
  });
});
