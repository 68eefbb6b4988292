import { describe, expect, it } from "vitest";
import { calculateDrawdowns, drawdownSeries } from "@/lib/engines/performance";

// 100, 120 (peak), 90 (trough: 90 / 120 − 1 = −25 %), 110, 130 (recovered, new peak), 117 (−10 %, open).
describe("drawdowns of 100 → 120 → 90 → 110 → 130 → 117: −25 % recovered, then −10 % open", () => {
  const analysis = calculateDrawdowns([
    { at: "2024-01-01", value: 100 },
    { at: "2024-01-02", value: 120 },
    { at: "2024-01-03", value: 90 },
    { at: "2024-01-04", value: 110 },
    { at: "2024-01-05", value: 130 },
    { at: "2024-01-06", value: 117 },
  ]);

  it("lists each episode with its peak, trough and recovery dates, deepest first", () => {
    expect(analysis.periods).toEqual([
      {
        peakAt: "2024-01-02T00:00:00.000Z",
        peakValue: 120,
        troughAt: "2024-01-03T00:00:00.000Z",
        troughValue: 90,
        recoveryAt: "2024-01-05T00:00:00.000Z",
        depth: -0.25,
      },
      {
        peakAt: "2024-01-05T00:00:00.000Z",
        peakValue: 130,
        troughAt: "2024-01-06T00:00:00.000Z",
        troughValue: 117,
        recoveryAt: null,
        depth: -0.1,
      },
    ]);
    expect(analysis.maxDrawdown).toBe(-0.25);
  });

  it("gives the series point by point: 0, 0, −0.25, −0.0833, 0, −0.1", () => {
    const dd = analysis.series.map((p) => p.drawdown);
    expect(dd[0]).toBe(0);
    expect(dd[2]).toBeCloseTo(-0.25, 14);
    expect(dd[3]).toBeCloseTo(110 / 120 - 1, 14);
    expect(dd[4]).toBe(0);
    expect(dd[5]).toBeCloseTo(-0.1, 14);
  });

  it("no points → NaN and no episodes", () => {
    expect(calculateDrawdowns([])).toEqual({ series: [], periods: [], maxDrawdown: NaN });
  });
});

describe("drawdownSeries on returns: +10 %, −10 %, +10 % → 0, −0.1, −0.01", () => {
  it("starts the equity at 1 before the first return", () => {
    const dd = drawdownSeries([0.1, -0.1, 0.1]);
    expect(dd[0]).toBe(0);
    expect(dd[1]).toBeCloseTo(-0.1, 14);
    expect(dd[2]).toBeCloseTo(1.1 * 0.9 * 1.1 / 1.1 - 1, 14);
  });
});
