import { describe, expect, it } from "vitest";
import { sum } from "@/lib/money/decimal";
import { calculateCalendarPnl } from "@/lib/engines/performance";

// 1000 at 00:00Z Mar 1; 1010 at 20:00Z Mar 1; 1030 then +500 deposited at 10:00Z Mar 2; 1520 at 20:00Z Mar 2.
// Market PnL overall: (1010 − 1000) + (1030 − 1010) + (1520 − 1530) = 10 + 20 − 10 = 20.
const points = [
  { at: "2024-03-01T00:00:00Z", equity: "1000" },
  { at: "2024-03-01T20:00:00Z", equity: "1010" },
  { at: "2024-03-02T10:00:00Z", equity: "1030", flow: "500" },
  { at: "2024-03-02T20:00:00Z", equity: "1520" },
];

describe("daily PnL in UTC: Mar 1 = 1010 − 1000 = 10; Mar 2 = 1520 − 1010 − 500 = 10", () => {
  it("cuts days at UTC midnight and takes the deposit out of the PnL", () => {
    const buckets = calculateCalendarPnl(points, { period: "day", timeZone: "UTC" });
    expect(buckets.map(({ key, startEquity, endEquity, flows, pnl }) => ({ key, startEquity, endEquity, flows, pnl }))).toEqual([
      { key: "2024-03-01", startEquity: "1000", endEquity: "1010", flows: "0", pnl: "10" },
      { key: "2024-03-02", startEquity: "1010", endEquity: "1520", flows: "500", pnl: "10" },
    ]);
    expect(buckets[1]?.return).toBeCloseTo((1030 / 1010) * (1520 / 1530) - 1, 12);
  });
});

describe("the same points in Asia/Kolkata (UTC+5:30): Mar 1 = 0, Mar 2 = 1530 − 1000 − 500 = 30, Mar 3 = 1520 − 1530 = −10", () => {
  it("cuts days at Kolkata midnight", () => {
    const buckets = calculateCalendarPnl(points, { period: "day", timeZone: "Asia/Kolkata" });
    expect(buckets.map((b) => [b.key, b.pnl, b.flows])).toEqual([
      ["2024-03-01", "0", "0"],
      ["2024-03-02", "30", "500"],
      ["2024-03-03", "-10", "0"],
    ]);
    expect(buckets[1]?.return).toBeCloseTo(0.03, 12);
    expect(buckets[2]?.return).toBeCloseTo(1520 / 1530 - 1, 12);
  });

  it("adds up to the same 20 whatever the zone", () => {
    for (const timeZone of ["UTC", "Asia/Kolkata", "America/New_York", "Pacific/Auckland"]) {
      const total = sum(calculateCalendarPnl(points, { period: "day", timeZone }).map((b) => b.pnl));
      expect(total.toFixed()).toBe("20");
    }
  });
});

describe("ISO weeks start on Monday: Sun 2024-12-29 is 2024-W52, Mon 2024-12-30 is 2025-W01", () => {
  const weekPoints = [
    { at: "2024-12-29T12:00:00Z", equity: "100" },
    { at: "2024-12-30T12:00:00Z", equity: "105" },
    { at: "2025-01-05T12:00:00Z", equity: "110" },
  ];

  it("puts the Monday in the new ISO year's first week: W52 0, W01 110 − 100 = 10", () => {
    const buckets = calculateCalendarPnl(weekPoints, { period: "week", timeZone: "UTC" });
    expect(buckets.map((b) => [b.key, b.pnl])).toEqual([
      ["2024-W52", "0"],
      ["2025-W01", "10"],
    ]);
  });

  it("in New York 2024-12-30T12:00Z is still Monday, 07:00: same weeks; 2025-01-05T03:00Z would be Saturday", () => {
    const ny = calculateCalendarPnl([...weekPoints, { at: "2025-01-06T03:00:00Z", equity: "111" }], { period: "week", timeZone: "America/New_York" });
    expect(ny.map((b) => [b.key, b.pnl])).toEqual([
      ["2024-W52", "0"],
      ["2025-W01", "11"],
    ]);
  });
});

describe("monthly: Jan 1000 → 1100, deposit 1000 on Jan 31, Feb ends at 2150: Jan 100, Feb 2150 − 2100 = 50", () => {
  it("books the deposit in January and the market move in February", () => {
    const buckets = calculateCalendarPnl(
      [
        { at: "2024-01-01T00:00:00Z", equity: "1000" },
        { at: "2024-01-31T12:00:00Z", equity: "1100", flow: "1000" },
        { at: "2024-02-29T12:00:00Z", equity: "2150" },
      ],
      { period: "month", timeZone: "UTC" },
    );
    expect(buckets.map((b) => [b.key, b.startEquity, b.endEquity, b.flows, b.pnl])).toEqual([
      ["2024-01", "1000", "2100", "1000", "100"],
      ["2024-02", "2100", "2150", "0", "50"],
    ]);
  });

  it("is exact: 0.1 + 0.2 of PnL is 0.3", () => {
    const buckets = calculateCalendarPnl(
      [
        { at: "2024-01-01T00:00:00Z", equity: "0" },
        { at: "2024-01-02T00:00:00Z", equity: "0.1" },
        { at: "2024-01-03T00:00:00Z", equity: "0.3" },
      ],
      { period: "month", timeZone: "UTC" },
    );
    expect(buckets[0]?.pnl).toBe("0.3");
  });

  it("an unknown time zone is a caller error; no points, no buckets", () => {
    expect(() => calculateCalendarPnl(points, { period: "day", timeZone: "Mars/Olympus" })).toThrow(RangeError);
    expect(calculateCalendarPnl([], { period: "day", timeZone: "UTC" })).toEqual([]);
  });
});
