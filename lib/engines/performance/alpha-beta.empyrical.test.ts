import { describe, expect, it } from "vitest";
import { alpha, beta } from "@/lib/engines/performance";
import { emptyReturns, flatLine1, mixedReturns, negativeReturns, oneReturn } from "@/lib/engines/performance/fixtures/empyrical";

const inverse = mixedReturns.map((r) => -r);

// Expected values: empyrical-reloaded tests/test_stats.py, test_alpha_beta, test_alpha,
// test_beta (8 decimals). Alpha is annualised by compounding, (1 + mean)^252 − 1.
describe("beta = Cov(r, b) / Var(b); alpha = (1 + mean(r − β·b))^252 − 1", () => {
  it("mixed vs negative_returns[1:] → alpha −0.9997853834885004, beta −0.71296296296296313", () => {
    // The NaN first value of mixed_returns drops the first pair, as pandas alignment does there.
    expect(beta(mixedReturns, negativeReturns)).toBeCloseTo(-0.71296296296296313, 8);
    expect(alpha(mixedReturns, negativeReturns)).toBeCloseTo(-0.9997853834885004, 8);
  });

  it("mixed vs itself → (0, 1); vs its negation → (0, −1)", () => {
    expect(beta(mixedReturns, mixedReturns)).toBeCloseTo(1, 8);
    expect(alpha(mixedReturns, mixedReturns)).toBeCloseTo(0, 8);
    expect(beta(mixedReturns, inverse)).toBeCloseTo(-1, 8);
    expect(alpha(mixedReturns, inverse)).toBeCloseTo(0, 8);
  });

  it("2 × r against r → beta 2", () => {
    const doubled = mixedReturns.map((r) => 2 * r);
    expect(beta(doubled, mixedReturns)).toBeCloseTo(2, 8);
  });

  it("a benchmark that never moves (flat_line_1) → NaN", () => {
    expect(beta(mixedReturns, flatLine1)).toBeNaN();
    expect(alpha(mixedReturns, flatLine1)).toBeNaN();
  });

  it("empty or one return → NaN", () => {
    expect(beta(emptyReturns, emptyReturns)).toBeNaN();
    expect(alpha(oneReturn, oneReturn)).toBeNaN();
    expect(beta(oneReturn, oneReturn)).toBeNaN();
  });

  it("misaligned series are a caller error", () => {
    expect(() => beta([0.01, 0.02], [0.01, 0.02, 0.03])).toThrow(RangeError);
  });
});
