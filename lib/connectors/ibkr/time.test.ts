import { describe, expect, it } from "vitest";
import { parseFlexDate, parseFlexDateTime } from "./time";

describe("Flex dates and times", () => {
  it("reads report dates in both formats as midnight UTC", () => {
    expect(parseFlexDate("20261118")).toEqual(new Date("2026-11-18T00:00:00Z"));
    expect(parseFlexDate("2026-11-18")).toEqual(new Date("2026-11-18T00:00:00Z"));
    expect(parseFlexDate("20261131")).toBeUndefined();
    expect(parseFlexDate("18/11/2026")).toBeUndefined();
  });

  it("reads date-times in the statement's zone, across daylight saving", () => {
    // New York is UTC-5 in November and UTC-4 in July.
    expect(parseFlexDateTime("20261118;103015", "America/New_York")).toEqual(new Date("2026-11-18T15:30:15Z"));
    expect(parseFlexDateTime("2026-07-01;09:30:00", "America/New_York")).toEqual(new Date("2026-07-01T13:30:00Z"));
    expect(parseFlexDateTime("20261118 103015", "Europe/Berlin")).toEqual(new Date("2026-11-18T09:30:15Z"));
    expect(parseFlexDateTime("2026-11-18, 10:30:15", "UTC")).toEqual(new Date("2026-11-18T10:30:15Z"));
  });

  it("resolves the hour clocks go forward and back deterministically", () => {
    // 2026-03-08 02:30 does not exist in New York; 2026-11-01 01:30 happens twice.
    expect(parseFlexDateTime("20260308;023000", "America/New_York")).toEqual(new Date("2026-03-08T07:30:00Z"));
    expect(parseFlexDateTime("20261101;013000", "America/New_York")).toEqual(new Date("2026-11-01T05:30:00Z"));
  });

  it("falls back to the date alone and refuses garbage", () => {
    expect(parseFlexDateTime("20261118", "America/New_York")).toEqual(new Date("2026-11-18T00:00:00Z"));
    expect(parseFlexDateTime("yesterday", "America/New_York")).toBeUndefined();
    expect(parseFlexDateTime("20261118;256000", "America/New_York")).toBeUndefined();
  });
});
