import { describe, expect, it } from "vitest";
import { addLocalDays, instantOfWallTime, isoDate, localDate, localDayOf, localWeekOf, offsetMs, startOfLocalDay, startOfLocalMonth, startOfLocalYear } from "./zoned";

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();
const HOUR = 3_600_000;

describe("local days in a zone", () => {
  it("UTC: the calendar day, 24 h", () => {
    const d = localDayOf("UTC", at("2026-11-20T23:59:59Z"));
    expect([iso(d.startMs), iso(d.endMs), isoDate(d)]).toEqual(["2026-11-20T00:00:00.000Z", "2026-11-21T00:00:00.000Z", "2026-11-20"]);
  });

  it("Europe/London, 2026-03-29 (clocks go 01:00 GMT → 02:00 BST): the day is 23 h, 00:00Z to 23:00Z", () => {
    const d = localDayOf("Europe/London", at("2026-03-29T12:00:00Z"));
    expect([iso(d.startMs), iso(d.endMs)]).toEqual(["2026-03-29T00:00:00.000Z", "2026-03-29T23:00:00.000Z"]);
    expect((d.endMs - d.startMs) / HOUR).toBe(23);
    // 23:30Z is already the 30th in London.
    expect(isoDate(localDayOf("Europe/London", at("2026-03-29T23:30:00Z")))).toBe("2026-03-30");
  });

  it("Europe/London, 2026-10-25 (clocks go 02:00 BST → 01:00 GMT): the day is 25 h, 24 Oct 23:00Z to 26 Oct 00:00Z", () => {
    const d = localDayOf("Europe/London", at("2026-10-25T12:00:00Z"));
    expect([iso(d.startMs), iso(d.endMs)]).toEqual(["2026-10-24T23:00:00.000Z", "2026-10-26T00:00:00.000Z"]);
    expect((d.endMs - d.startMs) / HOUR).toBe(25);
  });

  it("Asia/Kolkata (+05:30): 1 March starts at 28 Feb 18:30Z", () => {
    expect(iso(startOfLocalDay("Asia/Kolkata", at("2026-03-01T10:00:00Z")))).toBe("2026-02-28T18:30:00.000Z");
    expect(iso(startOfLocalDay("Asia/Kolkata", at("2026-02-28T18:29:59Z")))).toBe("2026-02-27T18:30:00.000Z");
  });

  it("Asia/Kathmandu (+05:45): 1 March starts at 28 Feb 18:15Z", () => {
    expect(iso(startOfLocalDay("Asia/Kathmandu", at("2026-02-28T18:15:00Z")))).toBe("2026-02-28T18:15:00.000Z");
    expect(offsetMs("Asia/Kathmandu", at("2026-02-28T18:15:00Z"))).toBe(5.75 * HOUR);
  });

  it("America/Santiago skips midnight on 2026-09-06 (00:00 → 01:00): that day starts at 01:00 local, 04:00Z, and is 23 h", () => {
    const d = localDayOf("America/Santiago", at("2026-09-06T12:00:00Z"));
    expect([iso(d.startMs), iso(d.endMs)]).toEqual(["2026-09-06T04:00:00.000Z", "2026-09-07T03:00:00.000Z"]);
    // The previous day runs up to that transition.
    expect(iso(localDayOf("America/Santiago", at("2026-09-06T03:59:00Z")).endMs)).toBe("2026-09-06T04:00:00.000Z");
  });

  it("a wall time that happens twice is its earlier instant; one that never happens is the transition", () => {
    expect(iso(instantOfWallTime("Europe/London", Date.UTC(2026, 9, 25, 1, 30)))).toBe("2026-10-25T00:30:00.000Z");
    expect(iso(instantOfWallTime("Europe/London", Date.UTC(2026, 2, 29, 1, 30)))).toBe("2026-03-29T01:00:00.000Z");
  });

  it("adding days walks the calendar, not 24-hour steps", () => {
    const d = addLocalDays("Europe/London", { year: 2026, month: 3, day: 28 }, 2);
    expect([isoDate(d), iso(d.startMs)]).toEqual(["2026-03-30", "2026-03-29T23:00:00.000Z"]);
    expect(localDate(d.startMs, "Europe/London")).toEqual({ year: 2026, month: 3, day: 30 });
  });

  it("an unknown zone is a RangeError", () => {
    expect(() => startOfLocalDay("Mars/Olympus_Mons", 0)).toThrow(RangeError);
  });
});

describe("ISO weeks in a zone", () => {
  it("Europe/London, the week of the spring change: Monday 23 March 00:00Z to Monday 30 March 00:00 BST (167 h)", () => {
    const w = localWeekOf("Europe/London", at("2026-03-29T12:00:00Z"));
    expect([iso(w.startMs), iso(w.endMs)]).toEqual(["2026-03-23T00:00:00.000Z", "2026-03-29T23:00:00.000Z"]);
  });

  it("Asia/Kolkata: Sunday 22 Nov 19:00Z is already Monday 23 Nov there, the start of a new week", () => {
    expect(iso(localWeekOf("Asia/Kolkata", at("2026-11-22T19:00:00Z")).startMs)).toBe("2026-11-22T18:30:00.000Z");
    expect(iso(localWeekOf("UTC", at("2026-11-22T19:00:00Z")).startMs)).toBe("2026-11-16T00:00:00.000Z");
  });
});

describe("months and years in a zone", () => {
  it("Asia/Kolkata: 31 Oct 19:00Z is already 1 Nov 00:30 there, so its month starts at 31 Oct 18:30Z; in UTC the month is October", () => {
    expect(iso(startOfLocalMonth("Asia/Kolkata", at("2026-10-31T19:00:00Z")))).toBe("2026-10-31T18:30:00.000Z");
    expect(iso(startOfLocalMonth("UTC", at("2026-10-31T19:00:00Z")))).toBe("2026-10-01T00:00:00.000Z");
  });

  it("America/New_York: 1 January 2027 02:00Z is still 31 December 21:00 there, so the year is 2026, from 1 Jan 2026 05:00Z", () => {
    expect(iso(startOfLocalYear("America/New_York", at("2027-01-01T02:00:00Z")))).toBe("2026-01-01T05:00:00.000Z");
    expect(iso(startOfLocalYear("UTC", at("2027-01-01T02:00:00Z")))).toBe("2027-01-01T00:00:00.000Z");
  });

  it("Europe/London in summer: 1 July starts at 30 June 23:00Z (BST)", () => {
    expect(iso(startOfLocalMonth("Europe/London", at("2026-07-15T12:00:00Z")))).toBe("2026-06-30T23:00:00.000Z");
  });
});
