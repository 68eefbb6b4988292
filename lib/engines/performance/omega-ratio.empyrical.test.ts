import { describe, expect, it } from "vitest";
import { omegaRatio } from "@/lib/engines/performance";
import { emptyReturns, mixedReturns, negativeReturns, oneReturn, positiveReturns } from "@/lib/engines/performance/fixtures/empyrical";

// Expected values: empyrical tests/test_stats.py, test_omega (8 decimals).
describe("omega = Σ gains / Σ losses around (1 + required)^(1/252) − 1 + rf", () => {
  it("mixed_returns, rf 0, required 10 (annual) → 0.83354263497557934", () => {
    expect(omegaRatio(mixedReturns, { requiredReturn: 10 })).toBeCloseTo(0.83354263497557934, 8);
  });

  it("positive_returns, rf 1.1 %: gains 0.009 / losses 0.008 = 1.125", () => {
    expect(omegaRatio(positiveReturns, { riskFree: 0.011 })).toBeCloseTo(1.125, 8);
  });

  it("positive_returns, rf 2 % → 0 (no gains); negative_returns, rf 1 % → 0", () => {
    expect(omegaRatio(positiveReturns, { riskFree: 0.02 })).toBe(0);
    expect(omegaRatio(negativeReturns, { riskFree: 0.01 })).toBe(0);
  });

  it("no losses → NaN (positive_returns, rf 1 %); required ≤ −1 → NaN", () => {
    expect(omegaRatio(positiveReturns, { riskFree: 0.01 })).toBeNaN();
    expect(omegaRatio(mixedReturns, { requiredReturn: -10 })).toBeNaN();
  });

  it("fewer than two values → NaN", () => {
    expect(omegaRatio(emptyReturns)).toBeNaN();
    expect(omegaRatio(oneReturn)).toBeNaN();
  });
});
