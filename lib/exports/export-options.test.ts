import { describe, expect, it } from "vitest";
import { recentDays } from "./export-options";

describe("recentDays", () => {
  it("is the last N local days up to today in the workspace's zone, across a month end", () => {
    // 2026-12-01T20:00Z is already 2 December in Kolkata (UTC+5:30), still 1 December in New York.
    const now = new Date("2026-12-01T20:00:00Z");
    expect(recentDays("Asia/Kolkata", now, 30)).toEqual({ from: "2026-11-03", to: "2026-12-02" });
    expect(recentDays("America/New_York", now, 30)).toEqual({ from: "2026-11-02", to: "2026-12-01" });
    expect(recentDays("UTC", now, 1)).toEqual({ from: "2026-12-01", to: "2026-12-01" });
  });
});
