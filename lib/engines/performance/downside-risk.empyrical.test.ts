import { describe, expect, it } from "vitest";
import { downsideRisk } from "@/lib/engines/performance";
import { emptyReturns, mixedReturns, monthlyReturns, oneReturn, weeklyReturns } from "@/lib/engines/performance/fixtures/empyrical";

// Expected values: empyrical tests/test_stats.py, test_downside_risk (8 decimals).
// df_simple column "one" from the same suite.
describe("downside risk = √(mean(min(r − MAR, 0)²)) × √P over all valid values", () => {
  it("mixed_returns, MAR 0, daily → 0.60448325038829653", () => {
    expect(downsideRisk(mixedReturns)).toBeCloseTo(0.60448325038829653, 8);
  });

  it("mixed_returns, MAR 0.1, daily → 1.7161730681956295", () => {
    expect(downsideRisk(mixedReturns, { requiredReturn: 0.1 })).toBeCloseTo(1.7161730681956295, 8);
  });

  it("weekly_returns → 0.25888650451930134 (MAR 0), 0.7733045971672482 (MAR 0.1)", () => {
    expect(downsideRisk(weeklyReturns, { periodsPerYear: 52 })).toBeCloseTo(0.25888650451930134, 8);
    expect(downsideRisk(weeklyReturns, { requiredReturn: 0.1, periodsPerYear: 52 })).toBeCloseTo(0.7733045971672482, 8);
  });

  it("monthly_returns → 0.1243650540411842 (MAR 0), 0.37148351242013422 (MAR 0.1)", () => {
    expect(downsideRisk(monthlyReturns, { periodsPerYear: 12 })).toBeCloseTo(0.1243650540411842, 8);
    expect(downsideRisk(monthlyReturns, { requiredReturn: 0.1, periodsPerYear: 12 })).toBeCloseTo(0.37148351242013422, 8);
  });

  it("df_simple 'one' daily → 0.20671788246185202", () => {
    const one = [-0.00171614, 0.01322056, 0.03063862, -0.01422057, -0.00489779, 0.01268925, -0.03357711, 0.01797036];
    expect(downsideRisk(one)).toBeCloseTo(0.20671788246185202, 8);
  });

  it("one_return → 0; empty → NaN", () => {
    expect(downsideRisk(oneReturn)).toBe(0);
    expect(downsideRisk(emptyReturns)).toBeNaN();
  });
});
