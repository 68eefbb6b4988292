import { describe, expect, it } from "vitest";
import { countParts, formatDuration, statusTone, weightText } from "./sync-format";

describe("sync run formatting", () => {
  it("durations read in the unit that fits", () => {
    expect([formatDuration(null), formatDuration(850), formatDuration(1_449), formatDuration(125_000), formatDuration(3_725_000)]).toEqual([
      "—",
      "850 ms",
      "1.4 s",
      "2 min 05 s",
      "1 h 02 min",
    ]);
  });

  it("counts show only what the run wrote", () => {
    expect(countParts(null)).toEqual([]);
    expect(
      countParts({ accounts: 3, balances: 9, positions: 2, ordersNew: 10_000, ordersChanged: 1, orderEvents: 10_006, fills: 0, snapshots: 1, valuations: 3 }),
    ).toEqual(["+10,000 orders", "1 changed", "10,006 events", "3 NAV", "snapshot"]);
    expect(countParts({ accounts: 1, balances: 1, positions: 0, ordersNew: 0, ordersChanged: 0, orderEvents: 0, fills: 0, snapshots: 0 })).toEqual([]);
  });

  it("tones and weight", () => {
    expect(["succeeded", "partial", "failed", "stale", "running"].map((s) => statusTone(s as never))).toEqual(["good", "warn", "bad", "bad", "neutral"]);
    expect(weightText({ "1m": 1240 })).toBe("1m: 1,240");
    expect(weightText(null)).toBeNull();
    expect(weightText({})).toBeNull();
  });
});
