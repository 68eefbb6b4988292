import { describe, expect, it } from "vitest";
import { formatDateTime, formatMoney, formatPct, formatQuantity, formatRelative, formatTimeTick, formatUtcOffset, timeTicks } from "./format";

describe("display formatting keeps exact digits", () => {
  it("formats money from the decimal string itself: 0.1 + 0.2 stays 0.30", () => {
    expect(formatMoney("0.3")).toBe("$0.30");
    expect(formatMoney("377111.9362149200088")).toBe("$377,111.94");
    expect(formatMoney("12345678901234567.895")).toBe("$12,345,678,901,234,567.90");
  });

  it("signs gains, and shows non-ISO units as a suffix", () => {
    expect(formatMoney("61.9", "USDT", { signed: true })).toBe("+61.9 USDT");
    expect(formatMoney("-5", "USD", { signed: true })).toBe("-$5.00");
    expect(formatPct("0.0123", { signed: true })).toBe("+1.23%");
    expect(formatQuantity("0.000000015")).toBe("0.00000002");
  });
});

describe("timeTicks in the workspace's zone", () => {
  const hourMinute = (zone: string, ms: number) =>
    new Intl.DateTimeFormat("en-GB", { timeZone: zone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(ms);

  it("a week gets one tick per local midnight, each label distinct (Europe/London across the spring change)", () => {
    const start = Date.parse("2026-03-25T07:00:00Z");
    const ticks = timeTicks(start, start + 7 * 86_400_000, 7 * 86_400_000, "Europe/London");
    expect(ticks).toHaveLength(7);
    for (const t of ticks) expect(hourMinute("Europe/London", t)).toBe("00:00");
    // Midnight is 00:00Z before 29 March and 23:00Z after it.
    expect(ticks.map((t) => new Date(t).toISOString().slice(5, 16))).toContain("03-29T23:00");
    expect(new Set(ticks.map((t) => formatTimeTick(t, 7 * 86_400_000, "Europe/London"))).size).toBe(7);
  });

  it("a day gets at most 8 ticks on whole local hours, also in a +05:45 zone", () => {
    const start = Date.parse("2026-11-14T07:13:00Z");
    for (const zone of ["UTC", "Asia/Kathmandu"]) {
      const ticks = timeTicks(start, start + 86_400_000, 86_400_000, zone);
      expect(ticks.length).toBeGreaterThan(0);
      expect(ticks.length).toBeLessThanOrEqual(8);
      for (const t of ticks) expect(hourMinute(zone, t).endsWith(":00")).toBe(true);
    }
  });
});

describe("times in the workspace's zone", () => {
  it("formats the same instant per zone, with its offset", () => {
    expect(formatDateTime("2026-11-20T18:20:00Z", "Asia/Kathmandu")).toBe("21 Nov 2026, 00:05");
    expect(formatDateTime("2026-11-20T18:20:00Z", "UTC")).toBe("20 Nov 2026, 18:20");
    expect(formatUtcOffset("Asia/Kathmandu", Date.parse("2026-11-20T00:00:00Z"))).toBe("UTC+05:45");
    expect(formatUtcOffset("America/St_Johns", Date.parse("2026-11-20T00:00:00Z"))).toBe("UTC−03:30");
  });
});

describe("formatRelative", () => {
  const now = Date.parse("2026-11-20T10:00:00Z");
  it.each([
    ["2026-11-20T10:00:40Z", "in 40 s"],
    ["2026-11-20T10:05:00Z", "in 5 min"],
    ["2026-11-20T16:00:00Z", "in 6 h"],
    ["2026-11-23T10:00:00Z", "in 3 d"],
    ["2026-11-20T09:57:00Z", "3 min ago"],
  ])("%s → %s", (iso, text) => {
    expect(formatRelative(iso, now)).toBe(text);
  });
});
