import { describe, expect, it } from "vitest";
import { annualVolatility } from "@/lib/engines/performance";
import { flatLine1Tz, mixedReturns, monthlyReturns, oneReturn, weeklyReturns } from "@/lib/engines/performance/fixtures/empyrical";

// Expected values: empyrical tests/test_stats.py, test_annual_volatility (8 decimals).
describe("annual volatility = std(r, ddof 1) × √P, NaN dropped", () => {
  it("mixed_returns daily → 0.9136465399704637", () => {
    expect(annualVolatility(mixedReturns)).toBeCloseTo(0.9136465399704637, 8);
  });

  it("weekly_returns weekly → 0.38851569394870583", () => {
    expect(annualVolatility(weeklyReturns, { periodsPerYear: 52 })).toBeCloseTo(0.38851569394870583, 8);
  });

  it("monthly_returns monthly → 0.18663690238892558", () => {
    expect(annualVolatility(monthlyReturns, { periodsPerYear: 12 })).toBeCloseTo(0.18663690238892558, 8);
  });

  it("flat_line_1_tz → exactly 0, not 1e-18", () => {
    expect(annualVolatility(flatLine1Tz)).toBe(0);
  });

  it("fewer than two values → NaN", () => {
    expect(annualVolatility(oneReturn)).toBeNaN();
    expect(annualVolatility([NaN, 0.01])).toBeNaN();
  });
});
