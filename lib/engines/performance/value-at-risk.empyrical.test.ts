import { describe, expect, it } from "vitest";
import { valueAtRisk } from "@/lib/engines/performance";

// Expected values: empyrical-reloaded tests/test_stats.py, test_value_at_risk.
describe("VaR = percentile(r, 100 × cutoff), linear interpolation", () => {
  it("[1, 2] → 1 at 0, 1.3 at 0.3, 2 at 1", () => {
    expect(valueAtRisk([1, 2], { cutoff: 0 })).toBeCloseTo(1, 12);
    expect(valueAtRisk([1, 2], { cutoff: 0.3 })).toBeCloseTo(1.3, 12);
    expect(valueAtRisk([1, 2], { cutoff: 1 })).toBeCloseTo(2, 12);
  });

  it("[1, 81, 82, 83, 84, 85] → 41 at 0.1, 81 at 0.2, 81.5 at 0.3", () => {
    const r = [1, 81, 82, 83, 84, 85];
    expect(valueAtRisk(r, { cutoff: 0.1 })).toBeCloseTo(41, 12);
    expect(valueAtRisk(r, { cutoff: 0.2 })).toBeCloseTo(81, 12);
    expect(valueAtRisk(r, { cutoff: 0.3 })).toBeCloseTo(81.5, 12);
  });

  it("defaults to the 5 % cutoff, ignores order and drops NaN: [5, NaN, 1, 3] → 1.2", () => {
    // Sorted valid values [1, 3, 5]; index 0.05 × 2 = 0.1 → 1 + 0.1 × 2 = 1.2.
    expect(valueAtRisk([5, NaN, 1, 3])).toBeCloseTo(1.2, 12);
  });

  it("empty → NaN", () => {
    expect(valueAtRisk([])).toBeNaN();
  });
});
