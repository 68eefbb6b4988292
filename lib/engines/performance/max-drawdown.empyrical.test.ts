import { describe, expect, it } from "vitest";
import { maxDrawdown } from "@/lib/engines/performance";
import {
  allNegativeReturns,
  emptyReturns,
  mixedReturns,
  negativeReturns,
  oneReturn,
  positiveReturns,
  simpleBenchmark,
  udu,
} from "@/lib/engines/performance/fixtures/empyrical";

// Expected values: empyrical tests/test_stats.py, test_max_drawdown (8 decimals).
describe("max drawdown = min((E − peak) / peak), E starting at 1: mixed peaks at 1.15437, ends −10 % below", () => {
  it("mixed_returns → −0.1", () => {
    expect(maxDrawdown(mixedReturns)).toBeCloseTo(-0.1, 8);
  });

  it("negative_returns → −0.36590730349873601 (the whole path)", () => {
    expect(maxDrawdown(negativeReturns)).toBeCloseTo(-0.365907303498736, 8);
  });

  it("all_negative_returns → −0.378589157 (a first-day loss already counts)", () => {
    expect(maxDrawdown(allNegativeReturns)).toBeCloseTo(-0.378589157, 8);
  });

  it("10 %, −10 %, 10 % → −0.10", () => {
    expect(maxDrawdown(udu)).toBeCloseTo(-0.1, 8);
  });

  it("never below a peak → 0 (one_return, simple_benchmark, positive_returns)", () => {
    expect(maxDrawdown(oneReturn)).toBe(0);
    expect(maxDrawdown(simpleBenchmark)).toBe(0);
    expect(maxDrawdown(positiveReturns)).toBe(0);
  });

  it("empty → NaN", () => {
    expect(maxDrawdown(emptyReturns)).toBeNaN();
  });
});
