import { describe, expect, it } from "vitest";
import { calculatePerformanceSummary, sharpeRatio } from "@/lib/engines/performance";
import { mixedReturns, negativeReturns } from "@/lib/engines/performance/fixtures/empyrical";

describe("summary of mixed_returns vs negative_returns: Sharpe 1.7239, CAGR 1.9136, max DD −0.1, β −0.713", () => {
  it("gathers every metric under one set of options", () => {
    const s = calculatePerformanceSummary(mixedReturns, { benchmark: negativeReturns });
    expect(s.periods).toBe(9);
    expect(s.periodsPerYear).toBe(252);
    expect(s.sharpeRatio).toBeCloseTo(1.7238613961706866, 8);
    expect(s.annualReturn).toBeCloseTo(1.9135925373194231, 8);
    expect(s.maxDrawdown).toBeCloseTo(-0.1, 8);
    expect(s.calmarRatio).toBeCloseTo(19.135925373194233, 8);
    expect(s.sortinoRatio).toBeCloseTo(2.605531251673693, 8);
    expect(s.beta).toBeCloseTo(-0.71296296296296313, 8);
    expect(s.alpha).toBeCloseTo(-0.9997853834885004, 8);
  });

  it("passes periodsPerYear to every annualised figure: 365 for crypto", () => {
    const s = calculatePerformanceSummary(mixedReturns, { periodsPerYear: 365 });
    expect(s.sharpeRatio).toBeCloseTo(sharpeRatio(mixedReturns, { periodsPerYear: 365 }), 12);
    expect(s.alpha).toBeNaN();
  });
});
