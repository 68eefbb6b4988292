import { describe, expect, it } from "vitest";
import { xirr, xnpv } from "@/lib/engines/performance";

describe("XIRR edge cases", () => {
  it("two flows, closed form: −1000 then +1100 365 days later = 10 %", () => {
    expect(xirr([{ date: "2025-01-01", amount: -1000 }, { date: "2026-01-01", amount: 1100 }])).toBeCloseTo(0.1, 14);
  });

  it("two flows over 731 days (2024 is a leap year): −1000 → 1210 = 1.21^(365/731) − 1, ACT/365F", () => {
    expect(xirr([{ date: "2026-01-01", amount: 1210 }, { date: "2024-01-01", amount: -1000 }])).toBeCloseTo(
      Math.pow(1.21, 365 / 731) - 1,
      14,
    );
  });

  it("ignores order and accepts Date objects: same rate for shuffled flows", () => {
    const flows = [
      { date: new Date(Date.UTC(2009, 3, 1)), amount: 2750 },
      { date: new Date(Date.UTC(2008, 0, 1)), amount: -10000 },
      { date: new Date(Date.UTC(2008, 9, 30)), amount: 4250 },
      { date: new Date(Date.UTC(2008, 2, 1)), amount: 2750 },
      { date: new Date(Date.UTC(2009, 1, 15)), amount: 3250 },
    ];
    expect(xirr(flows)).toBeCloseTo(0.3733625335, 9);
  });

  it("+100, −230, +132 a year apart has roots 10 % and 20 %: Newton from 10 % returns 10 %", () => {
    // 100 − 230/(1+r) + 132/(1+r)² = 0 ⇔ 100x² − 230x + 132 = 0 with x = 1 + r → x = 1.1 or 1.2.
    const flows = [
      { date: "2021-01-01", amount: 100 },
      { date: "2022-01-01", amount: -230 },
      { date: "2023-01-01", amount: 132 },
    ];
    const rate = xirr(flows);
    expect(rate).toBeCloseTo(0.1, 12);
    expect(Math.abs(xnpv(rate, flows))).toBeLessThan(1e-9);
  });

  it("no sign change → NaN: all invested, or all received", () => {
    expect(xirr([{ date: "2020-01-01", amount: -100 }, { date: "2021-01-01", amount: -50 }])).toBeNaN();
    expect(xirr([{ date: "2020-01-01", amount: 100 }, { date: "2021-01-01", amount: 0 }])).toBeNaN();
  });

  it("one flow, or two on the same day → NaN", () => {
    expect(xirr([{ date: "2020-01-01", amount: -100 }])).toBeNaN();
    expect(xirr([{ date: "2020-01-01", amount: -100 }, { date: "2020-01-01", amount: 110 }])).toBeNaN();
  });

  it("XNPV at 10 % of −1000 now and 1100 in a year is 0; below −100 % it is NaN", () => {
    const flows = [{ date: "2025-01-01", amount: -1000 }, { date: "2026-01-01", amount: 1100 }];
    expect(xnpv(0.1, flows)).toBeCloseTo(0, 9);
    expect(xnpv(-1, flows)).toBeNaN();
  });

  it("an invalid date is a caller error", () => {
    expect(() => xirr([{ date: "not a date", amount: -1 }, { date: "2020-01-01", amount: 2 }])).toThrow(RangeError);
  });
});
