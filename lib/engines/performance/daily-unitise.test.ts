import { describe, expect, it } from "vitest";
import { unitiseDailyCloses, type ConnectionDayLine } from "./daily-unitise";
import { periodSince } from "./unitised-periods";
import { unitisedReturns } from "./unitised-risk";

const line = (day: string, connectionId: string, equity: string | null, capturedAt = `${day}T12:00:00Z`): ConnectionDayLine => ({
  day,
  asOf: new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000),
  connectionId,
  equity,
  capturedAt: equity === null ? null : new Date(capturedAt),
});
const returns = (s: ReturnType<typeof unitiseDailyCloses>) => unitisedReturns(s.points, s.issues).map((r) => +r.value.toFixed(12));

describe("unitiseDailyCloses", () => {
  it("A: 1,000 → 1,100 (+10 %) → 990 (−10 %) → 2,089 with a 1,000 deposit (+10 % on 990) → returns 0, 0.1, −0.1, 0.1; the deposit is not a return", () => {
    const s = unitiseDailyCloses(
      [line("2026-03-01", "A", "1000"), line("2026-03-02", "A", "1100"), line("2026-03-03", "A", "990"), line("2026-03-04", "A", "2089")],
      [{ connectionId: "A", occurredAt: new Date("2026-03-04T08:00:00Z"), value: "1000" }],
    );
    expect(returns(s)).toEqual([0, 0.1, -0.1, 0.1]);
    expect(s.points.map((p) => p.cumNetFlows)).toEqual(["1000", "1000", "1000", "2000"]);
    expect(s.points[0]!.at.toISOString()).toBe("2026-03-01T23:59:59.999Z");
    const since = periodSince(s.points, s.issues, -Infinity)!;
    // PnL = 2,089 − 0 − (1,000 opening + 1,000 deposit) = +89; TWR = 1.1 × 0.9 × 1.1 − 1 = +8.9 %.
    expect(since.pnl).toBe("89");
    expect(since.twr).toBeCloseTo(0.089, 12);
  });

  it("a flow before the connection's first close is inside its opening; one after the last close waits for the next", () => {
    const s = unitiseDailyCloses(
      [line("2026-03-01", "A", "1000"), line("2026-03-02", "A", "1100")],
      [
        { connectionId: "A", occurredAt: new Date("2026-02-28T08:00:00Z"), value: "1000" },
        { connectionId: "A", occurredAt: new Date("2026-03-02T18:00:00Z"), value: "500" },
      ],
    );
    expect(s.points.map((p) => p.cumNetFlows)).toEqual(["1000", "1000"]);
    expect(returns(s)).toEqual([0, 0.1]);
  });

  it("B joins on day 2 with 500 (an opening) and A's stale close carries no flow: the sum's return is A's +10 % alone", () => {
    const s = unitiseDailyCloses(
      [
        line("2026-03-01", "A", "1000"),
        line("2026-03-02", "A", "1100"),
        line("2026-03-02", "B", "500"),
        line("2026-03-03", "A", "1100", "2026-03-02T12:00:00Z"),
        line("2026-03-03", "B", "500"),
      ],
      [{ connectionId: "A", occurredAt: new Date("2026-03-02T11:00:00Z"), value: "0" }],
    );
    expect(returns(s)).toEqual([0, 0.1, 0]);
    expect(s.points.map((p) => p.equity)).toEqual(["1000", "1600", "1600"]);
  });

  it("a connection that stops having a close leaves at its last equity (a closing), not a −100 % day: A +10 % and B flat on 2,000 is +5 %", () => {
    const s = unitiseDailyCloses([line("2026-03-01", "A", "1000"), line("2026-03-01", "B", "1000"), line("2026-03-02", "A", "1100"), line("2026-03-02", "B", null)], []);
    expect(s.points.map((p) => [p.equity, p.cumNetFlows])).toEqual([
      ["2000", "2000"],
      ["1100", "1000"],
    ]);
    expect(returns(s)).toEqual([0, 0.05]);
  });
});
