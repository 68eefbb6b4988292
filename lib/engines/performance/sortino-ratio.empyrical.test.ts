import { describe, expect, it } from "vitest";
import { sortinoRatio } from "@/lib/engines/performance";
import {
  emptyReturns,
  mixedReturns,
  monthlyReturns,
  negativeReturns,
  oneReturn,
  positiveReturns,
  simpleBenchmark,
  weeklyReturns,
} from "@/lib/engines/performance/fixtures/empyrical";

// Expected values: empyrical-reloaded tests/test_stats.py, test_sortino (8 decimals). The
// weekly and monthly values are the reloaded suite's (mean × P / downside risk), which the
// conventions follow; older quantopian releases pinned different ones.
describe("Sortino = mean(r − MAR) × P / downside risk: mixed = 0.00625 × 252 / 0.6045 = 2.6055", () => {
  it("mixed_returns, MAR 0 → 2.605531251673693", () => {
    expect(sortinoRatio(mixedReturns)).toBeCloseTo(2.605531251673693, 8);
  });

  it("mixed_returns, MAR 1 % (flat_line_1) → −1.3934779588919977", () => {
    expect(sortinoRatio(mixedReturns, { requiredReturn: 0.01 })).toBeCloseTo(-1.3934779588919977, 8);
  });

  it("negative_returns → −13.532743075043401", () => {
    expect(sortinoRatio(negativeReturns)).toBeCloseTo(-13.532743075043401, 8);
  });

  it("weekly → 1.1158901056866439, monthly → 0.53605626741889756", () => {
    expect(sortinoRatio(weeklyReturns, { periodsPerYear: 52 })).toBeCloseTo(1.1158901056866439, 8);
    expect(sortinoRatio(monthlyReturns, { periodsPerYear: 12 })).toBeCloseTo(0.53605626741889756, 8);
  });

  it("df_simple 'one' → 3.0639640966566306, 'two' → 38.090963117002495", () => {
    const one = [-0.00171614, 0.01322056, 0.03063862, -0.01422057, -0.00489779, 0.01268925, -0.03357711, 0.01797036];
    const two = [0.01846232, 0.00793951, -0.01448395, 0.00422537, -0.00339611, 0.03756813, 0.0151531, 0.03549769];
    expect(sortinoRatio(one)).toBeCloseTo(3.0639640966566306, 8);
    expect(sortinoRatio(two)).toBeCloseTo(38.090963117002495, 8);
  });

  it("no downside and a positive mean → +∞ (positive_returns, simple_benchmark)", () => {
    expect(sortinoRatio(positiveReturns)).toBe(Infinity);
    expect(sortinoRatio(simpleBenchmark)).toBe(Infinity);
  });

  it("empty and one_return → NaN", () => {
    expect(sortinoRatio(emptyReturns)).toBeNaN();
    expect(sortinoRatio(oneReturn)).toBeNaN();
  });
});
