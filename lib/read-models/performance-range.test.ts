import { describe, expect, it } from "vitest";
import { parsePerformanceRange } from "./performance-range";

const now = new Date("2026-03-10T12:00:00Z");
const parse = (q: Record<string, string>, timeZone = "UTC") => parsePerformanceRange(new URLSearchParams(q), { now, timeZone });
const refusal = (q: Record<string, string>) => {
  const r = parse(q);
  return r.success ? null : r.error.issues.map((i) => [i.path.join("."), i.message]);
};

describe("parsePerformanceRange", () => {
  it("7D is today and the six local days before: from 4 March 00:00, to now", () => {
    expect(parse({ range: "7d" })).toEqual({
      success: true,
      data: { id: "7d", label: "7D", from: "2026-03-04T00:00:00.000Z", fromDay: "2026-03-04", to: now.toISOString(), toDay: "2026-03-10" },
    });
  });

  it("days begin at the workspace's midnight: 30D in Asia/Kolkata starts 8 February 18:30Z (9 February local)", () => {
    const r = parse({ range: "30d" }, "Asia/Kolkata");
    expect(r.success && [r.data.from, r.data.fromDay]).toEqual(["2026-02-08T18:30:00.000Z", "2026-02-09"]);
  });

  it("YTD from 1 January, all from the first snapshot (null), the default 90D", () => {
    const ytd = parse({ range: "ytd" });
    expect(ytd.success && ytd.data.from).toBe("2026-01-01T00:00:00.000Z");
    const all = parse({ range: "all" });
    expect(all.success && all.data.from).toBeNull();
    const none = parse({});
    expect(none.success && none.data.id).toBe("90d");
  });

  it("a custom range covers its local days, both included, up to now at most", () => {
    const r = parse({ range: "custom", from: "2026-02-01", to: "2026-02-28" });
    expect(r.success && [r.data.from, r.data.to, r.data.label]).toEqual(["2026-02-01T00:00:00.000Z", "2026-02-28T23:59:59.999Z", "2026-02-01 – 2026-02-28"]);
    const today = parse({ range: "custom", from: "2026-03-01", to: "2026-03-10" });
    expect(today.success && today.data.to).toBe(now.toISOString());
  });

  it("refuses naming the field: an unknown range, a custom range without days, ends before it starts, ends after today, days without custom", () => {
    expect(refusal({ range: "2w" })).toEqual([["range", "one of 7d, 30d, 90d, ytd, 1y, all, custom"]]);
    expect(refusal({ range: "custom", from: "2026-02-01" })).toEqual([["to", "a custom range needs its last day (YYYY-MM-DD)"]]);
    expect(refusal({ range: "custom", from: "2026-02-10", to: "2026-02-01" })).toEqual([["to", "the range ends before it starts"]]);
    expect(refusal({ range: "custom", from: "2026-02-10", to: "2026-03-11" })).toEqual([["to", "a day after today (2026-03-10)"]]);
    expect(refusal({ range: "custom", from: "2026-02-30", to: "2026-03-01" })).toEqual([["from", "not a calendar day"]]);
    expect(refusal({ range: "30d", from: "2026-02-01" })).toEqual([["from", "only with range=custom"]]);
  });
});
