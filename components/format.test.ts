import { describe, expect, it } from "vitest";
import { formatMoney, formatPct, formatQuantity, formatRelative, timeTicks } from "./format";

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

describe("timeTicks", () => {
  it("a week gets one tick per local midnight, each label distinct", () => {
    const start = new Date(2026, 10, 14, 7, 0).getTime();
    const end = start + 7 * 86_400_000;
    const ticks = timeTicks(start, end, 7 * 86_400_000);
    expect(ticks).toHaveLength(7);
    for (const t of ticks) expect(new Date(t).getHours()).toBe(0);
  });

  it("a day gets at most 8 ticks on whole hours", () => {
    const start = new Date(2026, 10, 14, 7, 13).getTime();
    const ticks = timeTicks(start, start + 86_400_000, 86_400_000);
    expect(ticks.length).toBeLessThanOrEqual(8);
    for (const t of ticks) expect(new Date(t).getMinutes()).toBe(0);
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
