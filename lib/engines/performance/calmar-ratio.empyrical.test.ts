import { describe, expect, it } from "vitest";
import { calmarRatio } from "@/lib/engines/performance";
import { emptyReturns, mixedReturns, monthlyReturns, oneReturn, positiveReturns, weeklyReturns } from "@/lib/engines/performance/fixtures/empyrical";

// Expected values: empyrical tests/test_stats.py, test_calmar (8 decimals).
describe("Calmar = CAGR / |max drawdown|: mixed = 1.9135925 / 0.1 = 19.135925", () => {
  it("mixed_returns daily → 19.135925373194233", () => {
    expect(calmarRatio(mixedReturns)).toBeCloseTo(19.135925373194233, 8);
  });

  it("weekly → 2.4690830513998208, monthly → 0.52242061386048144", () => {
    expect(calmarRatio(weeklyReturns, { periodsPerYear: 52 })).toBeCloseTo(2.4690830513998208, 8);
    expect(calmarRatio(monthlyReturns, { periodsPerYear: 12 })).toBeCloseTo(0.52242061386048144, 8);
  });

  it("no drawdown → NaN, never ∞ (one_return, positive_returns); empty → NaN", () => {
    expect(calmarRatio(oneReturn)).toBeNaN();
    expect(calmarRatio(positiveReturns)).toBeNaN();
    expect(calmarRatio(emptyReturns)).toBeNaN();
  });
});
