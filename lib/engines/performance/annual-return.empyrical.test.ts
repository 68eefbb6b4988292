import { describe, expect, it } from "vitest";
import { annualReturn } from "@/lib/engines/performance";
import { emptyReturns, flatLine1Tz, mixedReturns, monthlyReturns, oneReturn, weeklyReturns } from "@/lib/engines/performance/fixtures/empyrical";

// Expected values: empyrical tests/test_stats.py, test_annual_ret and test_cagr (8 decimals).
describe("CAGR = prod(1 + r)^(P / n) − 1, NaN counted in n: mixed daily = 1.03893^(252/9) − 1 = 1.9136", () => {
  it("mixed_returns, daily (252) → 1.9135925373194231", () => {
    expect(annualReturn(mixedReturns)).toBeCloseTo(1.9135925373194231, 8);
  });

  it("weekly_returns, weekly (52) → 0.24690830513998208", () => {
    expect(annualReturn(weeklyReturns, { periodsPerYear: 52 })).toBeCloseTo(0.24690830513998208, 8);
  });

  it("monthly_returns, monthly (12) → 0.052242061386048144", () => {
    expect(annualReturn(monthlyReturns, { periodsPerYear: 12 })).toBeCloseTo(0.052242061386048144, 8);
  });

  it("one_return 1 % daily → 1.01^252 − 1 = 11.274002099240244", () => {
    expect(annualReturn(oneReturn)).toBeCloseTo(11.274002099240244, 8);
  });

  it("flat_line_1_tz (1000 × 1 %) → 11.274002099240256", () => {
    expect(annualReturn(flatLine1Tz)).toBeCloseTo(11.274002099240256, 8);
  });

  it("3 %, 3 %, 3 % yearly → 0.03", () => {
    expect(annualReturn([0.03, 0.03, 0.03], { periodsPerYear: 1 })).toBeCloseTo(0.03, 8);
  });

  it("empty → NaN", () => {
    expect(annualReturn(emptyReturns)).toBeNaN();
  });

  it("crypto: 365 daily periods of 0.1 % → 1.001^365 − 1 = 0.44025", () => {
    expect(annualReturn(Array.from({ length: 365 }, () => 0.001), { periodsPerYear: 365 })).toBeCloseTo(Math.pow(1.001, 365) - 1, 12);
  });
});
