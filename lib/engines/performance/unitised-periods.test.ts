import { describe, expect, it } from "vitest";
import { xnpv } from "@/lib/engines/performance/xirr";
import { UnitLedger } from "./testing/unit-ledger";
import { calendarPeriodStart, navGrowth, periodSince, unitisedPeriod } from "./unitised-periods";

const ms = (iso: string) => Date.parse(iso);

describe("unitisedPeriod: PnL = Δequity − net flows, TWR from NAV per unit, MWR by XIRR", () => {
  // 1 Jan 2026: 10,000 opens; by 2 Jul it is 11,000 (+10 %) and 5,000 is deposited; by 1 Jan 2027 it is 15,200 (−5 %).
  const ledger = new UnitLedger().open("2026-01-01T00:00:00Z", "10000").snapshot("2026-07-02T00:00:00Z", "16000", "5000").snapshot("2027-01-01T00:00:00Z", "15200");
  const [opening, afterDeposit, end] = ledger.points;

  it("10,000 → +10 % → deposit 5,000 → −5 %: equity 15,200, PnL +200, TWR = 1.10 × 0.95 − 1 = +4.5 %", () => {
    const r = unitisedPeriod({ start: opening!, end: end!, issues: ledger.issues })!;
    expect(r.startEquity).toBe("10000");
    expect(r.endEquity).toBe("15200");
    expect(r.netFlows).toBe("5000");
    expect(r.pnl).toBe("200");
    expect(r.twr).toBeCloseTo(1.1 * 0.95 - 1, 12);
    expect(afterDeposit!.navPerUnit).toBe("1.1");
  });

  it("same story, MWR: −10,000 on 1 Jan, −5,000 on 2 Jul (182 days), +15,200 on 1 Jan 2027 → XIRR 1.6004 %, below the TWR (the deposit met the fall)", () => {
    const r = unitisedPeriod({ start: opening!, end: end!, issues: ledger.issues })!;
    expect(r.mwr).toBeCloseTo(0.016003935552728, 9);
    const flows = [
      { date: "2026-01-01", amount: -10000 },
      { date: "2026-07-02", amount: -5000 },
      { date: "2027-01-01", amount: 15200 },
    ];
    expect(Math.abs(xnpv(r.mwr!, flows))).toBeLessThan(1e-6);
  });

  it("since inception (no point before): start 0, net flows 10,000 + 5,000 = 15,000 (the opening counts), PnL +200, same TWR and MWR", () => {
    const r = periodSince(ledger.points, ledger.issues, -Infinity)!;
    expect(r.startAt).toBeNull();
    expect([r.startEquity, r.netFlows, r.pnl]).toEqual(["0", "15000", "200"]);
    expect(r.twr).toBeCloseTo(0.045, 12);
    expect(r.mwr).toBeCloseTo(0.016003935552728, 9);
  });

  it("a period that ends where it starts (no snapshot since) is PnL 0, TWR 0, MWR undefined (null)", () => {
    const r = unitisedPeriod({ start: end!, end: end!, issues: ledger.issues })!;
    expect([r.pnl, r.netFlows, r.twr, r.mwr]).toEqual(["0", "0", 0, null]);
  });

  it("a legacy row (flows not yet counted) at either end gives no period rather than a made-up one", () => {
    const legacy = { ...opening!, navPerUnit: null, cumNetFlows: null };
    expect(unitisedPeriod({ start: legacy, end: end!, issues: ledger.issues })).toBeNull();
    expect(unitisedPeriod({ start: null, end: { ...end!, cumNetFlows: null }, issues: [] })).toBeNull();
  });
});

describe("a withdrawal of everything, then a re-deposit", () => {
  // 1,000 opens, grows to 1,200 (NAV 1.2), all 1,200 withdrawn (units 0, NAV null), empty a day,
  // 500 re-deposited (issued at the last NAV, 1.2), grows 10 % to 550.
  const ledger = new UnitLedger()
    .open("2026-03-01T00:00:00Z", "1000")
    .snapshot("2026-03-02T00:00:00Z", "1200")
    .snapshot("2026-03-03T00:00:00Z", "0", "-1200")
    .snapshot("2026-03-04T00:00:00Z", "0")
    .snapshot("2026-03-05T00:00:00Z", "500", "500")
    .snapshot("2026-03-06T00:00:00Z", "550");

  it("units go to 0 and NAV per unit is null while nothing is held", () => {
    expect(ledger.points.map((p) => [p.units, p.navPerUnit])).toEqual([
      ["1000", "1"],
      ["1000", "1.2"],
      [null, null],
      [null, null],
      [expect.stringMatching(/^416\.666/), "1.2"],
      [expect.stringMatching(/^416\.666/), "1.32"],
    ]);
  });

  it("since inception: PnL = 550 − (1,000 − 1,200 + 500) = +250; TWR = 1.2 × 1.1 − 1 = +32 %, the empty span skipped", () => {
    const r = periodSince(ledger.points, ledger.issues, -Infinity)!;
    expect([r.netFlows, r.pnl]).toEqual(["300", "250"]);
    expect(r.twr).toBeCloseTo(0.32, 12);
  });

  it("from inside the empty span: start 0 with cum −200, PnL = 550 − 0 − (300 − (−200)) = +50, TWR = 1.32 / 1.2 − 1 = +10 %", () => {
    const r = periodSince(ledger.points, ledger.issues, ms("2026-03-04T12:00:00Z"))!;
    expect([r.startEquity, r.netFlows, r.pnl]).toEqual(["0", "500", "50"]);
    expect(r.twr).toBeCloseTo(0.1, 12);
  });

  it("across the withdrawal: PnL = (550 − 1,200) − (−1,200 + 500) = +50; TWR = (1.2 / 1.2) × (1.32 / 1.2) − 1 = +10 %", () => {
    const r = periodSince(ledger.points, ledger.issues, ms("2026-03-02T12:00:00Z"))!;
    expect([r.startEquity, r.netFlows, r.pnl]).toEqual(["1200", "-700", "50"]);
    expect(r.twr).toBeCloseTo(0.1, 12);
  });

  it("a period wholly inside the empty span: PnL 0 and no TWR (nothing was held)", () => {
    const empty = unitisedPeriod({ start: ledger.points[2]!, end: ledger.points[3]!, issues: ledger.issues })!;
    expect([empty.pnl, empty.twr]).toEqual(["0", null]);
  });

  it("a re-deposit issued at 1.00 instead of the last NAV gives the same TWR: 1.2 × (1.1 / 1.0) − 1 = +32 %", () => {
    const reset = new UnitLedger()
      .open("2026-03-01T00:00:00Z", "1000")
      .snapshot("2026-03-02T00:00:00Z", "1200")
      .snapshot("2026-03-03T00:00:00Z", "0", "-1200")
      .snapshot("2026-03-05T00:00:00Z", "500", "500", { reissueNav: "1" })
      .snapshot("2026-03-06T00:00:00Z", "550");
    expect(reset.points.at(-1)!.navPerUnit).toBe("1.1");
    expect(periodSince(reset.points, reset.issues, -Infinity)!.twr).toBeCloseTo(0.32, 12);
  });
});

describe("a deposit in the same minute as a snapshot at the period boundary (Asia/Kolkata, today from 19 Nov 18:30Z)", () => {
  // 100 deposited at 23:59:10 local belongs to the 23:59:30 snapshot: yesterday's.
  // 200 deposited at 23:59:50 local belongs to the first snapshot at or after it, 00:00:00: today's.
  const ledger = new UnitLedger()
    .open("2026-11-19T04:00:00Z", "1000")
    .snapshot("2026-11-19T18:29:30Z", "1110", "100")
    .snapshot("2026-11-19T18:30:00Z", "1320", "200")
    .snapshot("2026-11-20T06:00:00Z", "1330");
  const now = ms("2026-11-20T06:05:00Z");
  const dayStart = calendarPeriodStart("day", now, "Asia/Kolkata");

  it("the day starts at 19 Nov 18:30Z; a snapshot exactly then is inside it", () => {
    expect(new Date(dayStart).toISOString()).toBe("2026-11-19T18:30:00.000Z");
  });

  it("today: net flows +200 only, PnL = (1,330 − 1,110) − 200 = +20, TWR = (1,120 / 1,110) × (1,330 / 1,320) − 1 = +1.665 %", () => {
    const r = periodSince(ledger.points, ledger.issues, dayStart)!;
    expect(r.startAt!.toISOString()).toBe("2026-11-19T18:29:30.000Z");
    expect([r.startEquity, r.netFlows, r.pnl]).toEqual(["1110", "200", "20"]);
    expect(r.twr).toBeCloseTo((1120 / 1110) * (1330 / 1320) - 1, 12);
  });
});

describe("navGrowth", () => {
  it("with no issue is NAV end / NAV start: 1.05 / 1.2 = 0.875", () => {
    expect(navGrowth("1.2", [], "1.05")!.toString()).toBe("0.875");
  });

  it("nothing held at either end and no issue: no growth (null)", () => {
    expect(navGrowth(null, [], null)).toBeNull();
  });
});

describe("calendarPeriodStart (Asia/Kolkata, now Friday 20 Nov 2026 06:05Z = 11:35 local)", () => {
  const now = ms("2026-11-20T06:05:00Z");
  it.each([
    ["day", "2026-11-19T18:30:00.000Z"],
    ["week", "2026-11-15T18:30:00.000Z"],
    ["month", "2026-10-31T18:30:00.000Z"],
    ["ytd", "2025-12-31T18:30:00.000Z"],
  ] as const)("%s starts at %s (local midnight)", (period, expected) => {
    expect(new Date(calendarPeriodStart(period, now, "Asia/Kolkata")).toISOString()).toBe(expected);
  });

  it("in UTC the week starts Monday 16 Nov 00:00Z and the year 1 Jan 2026 00:00Z", () => {
    expect(new Date(calendarPeriodStart("week", now, "UTC")).toISOString()).toBe("2026-11-16T00:00:00.000Z");
    expect(new Date(calendarPeriodStart("ytd", now, "UTC")).toISOString()).toBe("2026-01-01T00:00:00.000Z");
  });
});
