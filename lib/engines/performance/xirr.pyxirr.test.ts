import { describe, expect, it } from "vitest";
import { xirr, xnpv } from "@/lib/engines/performance";
import { minus013, neg1938, zeros } from "@/lib/engines/performance/fixtures/pyxirr";

describe("XIRR: Σ amountᵢ (1 + r)^(−days/365) = 0, checked against published values", () => {
  it("Excel's documented example: −10000, 2750, 4250, 3250, 2750 → 0.373362535", () => {
    // Microsoft's XIRR help page; Excel prints 0.373362535 (it stops at a 1e-6 tolerance, so
    // the polished root agrees to 8 decimals).
    const rate = xirr([
      { date: "2008-01-01", amount: -10000 },
      { date: "2008-03-01", amount: 2750 },
      { date: "2008-10-30", amount: 4250 },
      { date: "2009-02-15", amount: 3250 },
      { date: "2009-04-01", amount: 2750 },
    ]);
    expect(rate).toBeCloseTo(0.373362535, 8);
  });

  it("pyxirr minus_0_13.csv → −0.13423264098831872", () => {
    // pyxirr's Newton stops once |XNPV| < 1e-9; our root is polished further, so the two
    // agree to 9 decimals (2e-10 apart).
    expect(xirr(minus013)).toBeCloseTo(-0.13423264098831872, 9);
  });

  it("pyxirr zeros.csv → 0.175680730580782", () => {
    expect(xirr(zeros)).toBeCloseTo(0.175680730580782, 12);
  });

  it("pyxirr 1938.csv, several roots → the lowest, −0.5945650822679239", () => {
    const rate = xirr(neg1938);
    expect(rate).toBeCloseTo(-0.5945650822679239, 12);
    // Newton from 10 % runs off to another root (≈ 230.8, outside (−1, 100)), which is not taken.
    expect(Math.abs(xnpv(rate, neg1938))).toBeLessThan(1e-6);
  });

  it("MathWorks' xirr example (act/365F), as pyxirr's test_xirr_day_count: → 0.10064378342638", () => {
    const rate = xirr([
      { date: "2007-01-12", amount: -10000 },
      { date: "2008-02-14", amount: 2500 },
      { date: "2008-03-03", amount: 2000 },
      { date: "2008-06-14", amount: 3000 },
      { date: "2008-12-01", amount: 4000 },
    ]);
    expect(rate).toBeCloseTo(0.10064378342638, 11);
  });
});
