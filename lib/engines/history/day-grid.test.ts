import { describe, expect, it } from "vitest";
import { dayGrid, dayIndexOf } from "@/lib/engines/history/day-grid";
import { localDayOf, instantOfWallTime } from "@/lib/time/zoned";

describe("dayGrid", () => {
  it.each(["UTC", "Europe/Berlin", "America/Sao_Paulo", "Asia/Kolkata", "Australia/Lord_Howe", "America/Havana"])(
    "two years of %s days match localDayOf day by day (DST changes included)",
    (tz) => {
      const days = dayGrid(tz, "2023-01-01", "2024-12-31");
      expect(days).toHaveLength(731);
      let expected = localDayOf(tz, instantOfWallTime(tz, Date.UTC(2023, 0, 1, 12)));
      for (const d of days) {
        expect({ date: d.date, startMs: d.startMs, endMs: d.endMs }).toEqual({
          date: `${expected.year}-${String(expected.month).padStart(2, "0")}-${String(expected.day).padStart(2, "0")}`,
          startMs: expected.startMs,
          endMs: expected.endMs,
        });
        expected = localDayOf(tz, expected.endMs);
      }
    },
  );

  it("names the bad field: from = 2024-02-30 is not a date", () => {
    expect(() => dayGrid("UTC", "2024-02-30", "2024-03-01")).toThrow(/from must be a calendar date/);
    expect(() => dayGrid("UTC", "2024-03-02", "2024-03-01")).toThrow(/before from/);
  });

  it("finds the day of an instant: the end instant belongs to the next day", () => {
    const days = dayGrid("UTC", "2024-01-01", "2024-01-03");
    expect(dayIndexOf(days, Date.UTC(2024, 0, 2))).toBe(1);
    expect(dayIndexOf(days, Date.UTC(2024, 0, 2) - 1)).toBe(0);
    expect(dayIndexOf(days, Date.UTC(2023, 11, 31))).toBe(-1);
    expect(dayIndexOf(days, Date.UTC(2024, 0, 4))).toBe(3);
  });
});
