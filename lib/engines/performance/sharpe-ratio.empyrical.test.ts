import { describe, expect, it } from "vitest";
import { sharpeRatio } from "@/lib/engines/performance";
import {
  emptyReturns,
  flatLine1,
  mixedReturns,
  negativeReturns,
  oneReturn,
  positiveReturns,
} from "@/lib/engines/performance/fixtures/empyrical";

// Expected values: empyrical tests/test_stats.py, test_sharpe_ratio (8 decimals).
describe("Sharpe = mean(r − rf) / std(r − rf, ddof 1) × √252", () => {
  it("mixed_returns → 1.7238613961706866", () => {
    expect(sharpeRatio(mixedReturns)).toBeCloseTo(1.7238613961706866, 8);
  });

  it("positive_returns → 52.915026221291804", () => {
    expect(sharpeRatio(positiveReturns)).toBeCloseTo(52.915026221291804, 8);
  });

  it("negative_returns → −24.406808633910085", () => {
    expect(sharpeRatio(negativeReturns)).toBeCloseTo(-24.406808633910085, 8);
  });

  it("flat_line_1 (std 0, mean > 0) → +∞", () => {
    expect(sharpeRatio(flatLine1)).toBe(Infinity);
  });

  it("flat at the risk-free rate (0/0) → NaN; flat below it → −∞", () => {
    expect(sharpeRatio(flatLine1, { riskFree: 0.01 })).toBeNaN();
    expect(sharpeRatio(flatLine1, { riskFree: 0.02 })).toBe(-Infinity);
  });

  it("empty and one_return → NaN", () => {
    expect(sharpeRatio(emptyReturns)).toBeNaN();
    expect(sharpeRatio(oneReturn)).toBeNaN();
  });

  it("is unchanged when returns and rf move together: (r + 0.005, rf 0.005) = (r, 0)", () => {
    const shifted = mixedReturns.map((r) => r + 0.005);
    expect(sharpeRatio(shifted, { riskFree: 0.005 })).toBeCloseTo(sharpeRatio(mixedReturns), 8);
  });

  it("annualises with √365 for crypto: same ratio × √(365/252)", () => {
    expect(sharpeRatio(mixedReturns, { periodsPerYear: 365 })).toBeCloseTo(1.7238613961706866 * Math.sqrt(365 / 252), 8);
  });
});
