import { describe, expect, it } from "vitest";
import { breakSeriesAtGaps, findSnapshotHoles, gapThresholdMs, planBackfill } from "./gaps-calculate";

const t = (hhmm: string, day = "2026-11-20") => Date.parse(`${day}T${hhmm}:00Z`);
const MIN = 60_000;
const HOUR = 60 * MIN;

describe("gapThresholdMs = max(3 × expected spacing, 30 min)", () => {
  it("Binance every 300 s: 3 × 5 min = 15 min < 30 min → 30 min", () => {
    expect(gapThresholdMs({ provider: "binance", syncIntervalSeconds: 300 })).toBe(30 * MIN);
  });

  it("a wallet is read every 600 s whatever it asks for: 3 × 10 min = 30 min", () => {
    expect(gapThresholdMs({ provider: "okx_web3", syncIntervalSeconds: 60 })).toBe(30 * MIN);
  });

  it("a demo connection asking for 3600 s is clamped to 300 s like the scheduler: 30 min", () => {
    expect(gapThresholdMs({ provider: "demo", syncIntervalSeconds: 3600 })).toBe(30 * MIN);
  });

  it("calendar venues: 1Token hourly → 3 h, IBKR daily → 72 h, Groww 36 h → 108 h (a long weekend is no hole)", () => {
    expect(gapThresholdMs({ provider: "onetoken", syncIntervalSeconds: 300 })).toBe(3 * HOUR);
    expect(gapThresholdMs({ provider: "ibkr", syncIntervalSeconds: 300 })).toBe(72 * HOUR);
    expect(gapThresholdMs({ provider: "groww", syncIntervalSeconds: 300 })).toBe(108 * HOUR);
  });
});

describe("findSnapshotHoles (threshold 30 min)", () => {
  const p = { thresholdMs: 30 * MIN, nowMs: t("12:00") };

  it("10:00, 10:05, 10:35 (30 min: not longer), 11:50 → one hole 10:35–11:50", () => {
    expect(findSnapshotHoles([t("10:00"), t("10:05"), t("10:35"), t("11:50")], p)).toEqual([{ fromMs: t("10:35"), toMs: t("11:50") }]);
  });

  it("last snapshot 11:00, now 12:00 → an open-ended hole from 11:00", () => {
    expect(findSnapshotHoles([t("10:50"), t("11:00")], p)).toEqual([{ fromMs: t("11:00"), toMs: null }]);
  });

  it("no snapshots → no holes", () => {
    expect(findSnapshotHoles([], p)).toEqual([]);
  });
});

describe("planBackfill", () => {
  it("hole 10:00–11:00 at 5 min → 10:05 … 10:55, 11 points (11:00 already exists)", () => {
    expect(planBackfill({ fromMs: t("10:00"), toMs: t("11:00") }, { stepMs: 5 * MIN, nowMs: t("12:00"), maxPoints: 1000 })).toEqual({
      fromMs: t("10:05"),
      toMs: t("10:55"),
      stepMs: 5 * MIN,
      points: 11,
    });
  });

  it("open hole from 10:00, now 10:42 at 5 min → 10:05 … 10:40, 8 points", () => {
    expect(planBackfill({ fromMs: t("10:00"), toMs: null }, { stepMs: 5 * MIN, nowMs: t("10:42"), maxPoints: 1000 })).toEqual({
      fromMs: t("10:05"),
      toMs: t("10:40"),
      stepMs: 5 * MIN,
      points: 8,
    });
  });

  it("a 10-day hole at 5 min would be 2,879 points; capped at 1,000 the step becomes 3 × 5 = 15 min (959 points)", () => {
    const plan = planBackfill({ fromMs: t("00:00"), toMs: t("00:00", "2026-11-30") }, { stepMs: 5 * MIN, nowMs: t("00:00", "2026-12-01"), maxPoints: 1000 })!;
    expect(plan.stepMs).toBe(15 * MIN);
    expect(plan.points).toBe(959);
    expect(new Date(plan.toMs).toISOString()).toBe("2026-11-29T23:45:00.000Z");
  });
});

describe("breakSeriesAtGaps (15-minute buckets)", () => {
  const pt = (hhmm: string, value: string) => ({ atMs: t(hhmm), value });

  it("B kept syncing while A was silent 10:20–11:40: the 10:30, 10:45, 11:00, 11:15 buckets carry A's old value → one null", () => {
    const series = ["10:00", "10:15", "10:30", "10:45", "11:00", "11:15", "11:30", "11:45"].map((h, i) => pt(h, String(100 + i)));
    const out = breakSeriesAtGaps(series, [{ fromMs: t("10:20"), toMs: t("11:40") }], "15m", "UTC");
    expect(out.map((p) => [new Date(p.atMs).toISOString().slice(11, 16), p.value])).toEqual([
      ["10:00", "100"],
      ["10:15", "101"],
      ["10:30", null],
      ["11:30", "106"],
      ["11:45", "107"],
    ]);
  });

  it("a single connection silent 10:05–12:10 has no bucket inside: one null at 10:15 (bucket after 10:05)", () => {
    const out = breakSeriesAtGaps([pt("10:00", "1"), pt("12:00", "2")], [{ fromMs: t("10:05"), toMs: t("12:10") }], "15m", "UTC");
    expect(out.map((p) => [new Date(p.atMs).toISOString().slice(11, 16), p.value])).toEqual([
      ["10:00", "1"],
      ["10:15", null],
      ["12:00", "2"],
    ]);
  });

  it("a gap that ends within the next bucket bridges nothing: 10:10–10:20 leaves the series alone", () => {
    const series = [pt("10:00", "1"), pt("10:15", "2")];
    expect(breakSeriesAtGaps(series, [{ fromMs: t("10:10"), toMs: t("10:20") }], "15m", "UTC")).toEqual(series);
  });
});

describe("breakSeriesAtGaps (daily buckets in Europe/London)", () => {
  it("the 23-hour 29 March 2026 lies wholly inside a gap 28 Mar 12:00Z – 29 Mar 23:30Z, so it is null; 30 March (from 23:00Z) is measured", () => {
    const day = (iso: string, value: string) => ({ atMs: Date.parse(iso), value });
    const series = [day("2026-03-27T00:00:00Z", "1"), day("2026-03-28T00:00:00Z", "2"), day("2026-03-29T00:00:00Z", "3"), day("2026-03-29T23:00:00Z", "4")];
    const out = breakSeriesAtGaps(series, [{ fromMs: Date.parse("2026-03-28T12:00:00Z"), toMs: Date.parse("2026-03-29T23:30:00Z") }], "1d", "Europe/London");
    expect(out.map((p) => p.value)).toEqual(["1", "2", null, "4"]);
  });
});
