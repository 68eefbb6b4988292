import { describe, expect, it } from "vitest";
import { calculateRollups } from "./rollups";

const row = (connectionId: string, iso: string, equity: string | null) => ({ connectionId, capturedAt: new Date(iso), equity });

describe("calculateRollups", () => {
  it("A 100 then B 50 at 10:05, A 120 at 10:20 → 10:00 hour = 170 (B carried forward)", () => {
    const drafts = calculateRollups(new Map(), [row("A", "2026-11-20T10:00:00Z", "100"), row("B", "2026-11-20T10:05:00Z", "50"), row("A", "2026-11-20T10:20:00Z", "120")], "UTC");
    const hour = drafts.find((d) => d.bucket === "1h")!;
    expect(hour.equity.toFixed()).toBe("170");
    expect(new Date(hour.lastAt).toISOString()).toBe("2026-11-20T10:20:00.000Z");
    const quarters = drafts.filter((d) => d.bucket === "15m").map((d) => d.equity.toFixed());
    expect(quarters).toEqual(["150", "170"]);
  });

  it("B 40 seeded from before the window, A 0.1 then 0.2 → 40 + 0.2 = 40.2 (the latest value, exactly)", () => {
    const drafts = calculateRollups(new Map([["B", "40"]]), [row("A", "2026-11-20T10:00:00Z", "0.1"), row("A", "2026-11-20T10:01:00Z", "0.2")], "UTC");
    expect(drafts.find((d) => d.bucket === "1d")!.equity.toFixed()).toBe("40.2");
    expect(drafts.find((d) => d.bucket === "15m")!.equity.toFixed()).toBe("40.2");
  });

  it("two connections captured at the same instant are summed once, after both", () => {
    const drafts = calculateRollups(new Map(), [row("A", "2026-11-20T10:00:00Z", "1"), row("B", "2026-11-20T10:00:00Z", "2")], "UTC");
    expect(drafts.filter((d) => d.bucket === "15m").map((d) => d.equity.toFixed())).toEqual(["3"]);
  });

  it("a deleted connection (null equity) leaves the total at its deletion: A 100 + B 50, B deleted at 10:20, A 110 at 10:40", () => {
    const drafts = calculateRollups(new Map([["B", "50"]]), [row("A", "2026-11-20T10:00:00Z", "100"), row("B", "2026-11-20T10:20:00Z", null), row("A", "2026-11-20T10:40:00Z", "110")], "UTC");
    expect(drafts.filter((d) => d.bucket === "15m").map((d) => [new Date(d.bucketStart).toISOString().slice(11, 16), d.equity.toFixed()])).toEqual([
      ["10:00", "150"],
      ["10:15", "100"],
      ["10:30", "110"],
    ]);
  });

  it("1d buckets close at local midnight: 18:00Z and 19:00Z on 20 Nov are one UTC day but two days in Kolkata", () => {
    const rows = [row("A", "2026-11-20T18:00:00Z", "100"), row("A", "2026-11-20T19:00:00Z", "110")];
    const days = (zone: string) =>
      calculateRollups(new Map(), rows, zone)
        .filter((d) => d.bucket === "1d")
        .map((d) => [new Date(d.bucketStart).toISOString(), d.equity.toFixed()]);
    expect(days("UTC")).toEqual([["2026-11-20T00:00:00.000Z", "110"]]);
    expect(days("Asia/Kolkata")).toEqual([
      ["2026-11-19T18:30:00.000Z", "100"],
      ["2026-11-20T18:30:00.000Z", "110"],
    ]);
  });

  it("Europe/London's 25-hour 25 Oct 2026: 23:30Z on the 24th and 23:30Z on the 25th fall in the same and the next local day", () => {
    const rows = [row("A", "2026-10-24T23:30:00Z", "1"), row("A", "2026-10-25T23:30:00Z", "2"), row("A", "2026-10-26T00:00:00Z", "3")];
    const days = calculateRollups(new Map(), rows, "Europe/London", ["1d"]).map((d) => [new Date(d.bucketStart).toISOString(), d.equity.toFixed()]);
    expect(days).toEqual([
      ["2026-10-24T23:00:00.000Z", "2"],
      ["2026-10-26T00:00:00.000Z", "3"],
    ]);
  });
});
