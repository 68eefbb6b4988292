import { describe, expect, it } from "vitest";
import { tailRatio } from "@/lib/engines/performance";
import { emptyReturns, mixedReturns, oneReturn } from "@/lib/engines/performance/fixtures/empyrical";

// empyrical tests/test_stats.py, test_tail_ratio, checks to 1 decimal only: mixed → 0.9473684210526313,
// one_return → 1. With NaN dropped (the conventions and empyrical's code) the exact value is
// |p95| / |p5| of [−0.10, −0.04, 0.01, 0.01, 0.02, 0.02, 0.03, 0.10]:
// p95 at index 6.65 = 0.03 + 0.65 × 0.07 = 0.0755; p5 at index 0.35 = −0.10 + 0.35 × 0.06 = −0.079.
describe("tail ratio = |95th percentile| / |5th percentile|: mixed = 0.0755 / 0.079 = 0.9557", () => {
  it("mixed_returns → 0.0755 / 0.079, and 0.947 at empyrical's 1-decimal precision", () => {
    expect(tailRatio(mixedReturns)).toBeCloseTo(0.0755 / 0.079, 12);
    expect(tailRatio(mixedReturns)).toBeCloseTo(0.9473684210526313, 1);
  });

  it("one_return → 1; empty → NaN", () => {
    expect(tailRatio(oneReturn)).toBe(1);
    expect(tailRatio(emptyReturns)).toBeNaN();
  });
});
