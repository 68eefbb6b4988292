import { describe, expect, it } from "vitest";
import { flowAdjustedReturns, timeWeightedReturn } from "@/lib/engines/performance";

describe("TWR: 100 → 110 (+10 %), deposit 50, 160 → 176 (+10 %) = 1.1 × 1.1 − 1 = 21 %", () => {
  const valuations = [100, 110, 176];
  const flows = [0, 50, 0];

  it("the deposit is not performance: each sub-period returned 10 %", () => {
    expect(flowAdjustedReturns(valuations, flows)).toEqual([0.10000000000000009, 0.10000000000000009]);
    expect(timeWeightedReturn(valuations, flows)).toBeCloseTo(0.21, 14);
  });

  it("while the naive change 176 / 100 − 1 = 76 % would count the deposit", () => {
    expect(176 / 100 - 1).toBeCloseTo(0.76, 14);
  });
});

describe("TWR through a full withdrawal: 100 → 120 (+20 %), withdraw 120, 0 → 0 skipped, deposit 50 → 55 (+10 %) = 32 %", () => {
  it("skips the empty sub-period", () => {
    const valuations = [100, 120, 0, 55];
    const flows = [0, -120, 50, 0];
    expect(flowAdjustedReturns(valuations, flows)).toEqual([0.19999999999999996, 0, 0.10000000000000009]);
    expect(timeWeightedReturn(valuations, flows)).toBeCloseTo(1.2 * 1.1 - 1, 14);
  });
});

describe("TWR degenerate cases", () => {
  it("the last flow never matters: 100 → 110 then withdraw 999 = 10 %", () => {
    expect(timeWeightedReturn([100, 110], [0, -999])).toBeCloseTo(0.1, 14);
  });

  it("fewer than two valuations → NaN", () => {
    expect(timeWeightedReturn([100], [0])).toBeNaN();
    expect(timeWeightedReturn([], [])).toBeNaN();
  });

  it("a sub-period starting at 0 and ending at 10 → NaN", () => {
    expect(timeWeightedReturn([0, 10], [0, 0])).toBeNaN();
    expect(flowAdjustedReturns([0, 10], [0, 0])[0]).toBeNaN();
  });

  it("valuations and flows of different lengths are a caller error", () => {
    expect(() => timeWeightedReturn([100, 110], [0])).toThrow(RangeError);
  });
});
