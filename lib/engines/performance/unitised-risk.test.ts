import { describe, expect, it } from "vitest";
import { UnitLedger } from "./testing/unit-ledger";
import { navDrawdown, unitisedReturns, unitisedRisk, UNITISED_PERIODS_PER_YEAR } from "./unitised-risk";

const day = (d: string) => `2026-11-${d}T00:00:00Z`;

describe("unitisedReturns: NAV-per-unit growth between successive daily points", () => {
  it("1,000 → 1,100 (+10 %) → deposit 1,100 on a flat day (2,200) → 2,090 (−5 %): returns 0, +10 %, 0, −5 % — the deposit is no return", () => {
    const l = new UnitLedger().open(day("01"), "1000").snapshot(day("02"), "1100").snapshot(day("03"), "2200", "1100").snapshot(day("04"), "2090");
    const r = unitisedReturns(l.points, l.issues);
    expect(r.map((x) => x.at.toISOString().slice(0, 10))).toEqual(["2026-11-01", "2026-11-02", "2026-11-03", "2026-11-04"]);
    expect(r.map((x) => x.value)).toEqual([0, expect.closeTo(0.1, 12), expect.closeTo(0, 12), expect.closeTo(-0.05, 12)]);
  });

  it("everything withdrawn on the 3rd, re-deposited on the 5th: the empty 4th gives no return (skipped, not 0)", () => {
    const l = new UnitLedger()
      .open(day("01"), "1000")
      .snapshot(day("02"), "1200")
      .snapshot(day("03"), "0", "-1200")
      .snapshot(day("04"), "0")
      .snapshot(day("05"), "500", "500")
      .snapshot(day("06"), "550");
    const r = unitisedReturns(l.points, l.issues);
    expect(r.map((x) => x.at.toISOString().slice(8, 10))).toEqual(["01", "02", "03", "05", "06"]);
    expect(r.map((x) => x.value)).toEqual([0, expect.closeTo(0.2, 12), 0, 0, expect.closeTo(0.1, 12)]);
  });

  it("a legacy row (not yet unitised) gives no return into it nor out of it", () => {
    const l = new UnitLedger().open(day("01"), "1000").snapshot(day("02"), "1100").snapshot(day("03"), "1210");
    const points = l.points.map((p, i) => (i === 1 ? { ...p, navPerUnit: null, cumNetFlows: null } : p));
    expect(unitisedReturns(points, l.issues).map((x) => x.at.toISOString().slice(8, 10))).toEqual(["01"]);
  });
});

describe("navDrawdown and unitisedRisk", () => {
  // NAV 1 → 1.2 → half the equity withdrawn (1.2 still) → 1.05: 1.05 / 1.2 − 1 = −12.5 %.
  const l = new UnitLedger()
    .open(day("01"), "10000")
    .snapshot(day("02"), "12000")
    .snapshot(day("03"), "6000", "-6000")
    .snapshot(day("04"), "5250");
  const returns = unitisedReturns(l.points, l.issues);

  it("a withdrawal of half the equity is not a drawdown; the later fall to NAV 1.05 is −12.5 % from the 1.2 peak (last held on 3 Nov, across the withdrawal)", () => {
    const dd = navDrawdown(returns, new Date(day("01")))!;
    expect(dd.current).toBeCloseTo(-0.125, 12);
    expect(dd.max).toBeCloseTo(-0.125, 12);
    expect(dd.peakAt.toISOString()).toBe("2026-11-03T00:00:00.000Z");
    expect(dd.currentAt.toISOString()).toBe("2026-11-04T00:00:00.000Z");
  });

  it("returns 0, +20 %, 0, −12.5 %: volatility = std × √365, Sharpe = mean / std × √365, Sortino = mean × 365 / (√(0.125² / 4) × √365)", () => {
    const values = [0, 0.2, 0, -0.125];
    const mean = values.reduce((a, b) => a + b) / 4;
    const std = Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / 3);
    const risk = unitisedRisk(returns, new Date(day("01")));
    expect(risk.periodsPerYear).toBe(UNITISED_PERIODS_PER_YEAR);
    expect(risk.returns).toBe(4);
    expect(risk.annualVolatility).toBeCloseTo(std * Math.sqrt(365), 10);
    expect(risk.sharpeRatio).toBeCloseTo((mean / std) * Math.sqrt(365), 10);
    expect(risk.sortinoRatio).toBeCloseTo((mean * 365) / (Math.sqrt(0.125 ** 2 / 4) * Math.sqrt(365)), 10);
    expect(risk.method).toMatch(/daily NAV-per-unit returns .* 365 periods a year/);
  });

  it("against a per-period series rf [0, 5 %, 0, 0]: excess 0, +15 %, 0, −12.5 % gives the Sharpe of those excess returns", () => {
    const excess = [0, 0.15, 0, -0.125];
    const mean = excess.reduce((a, b) => a + b) / 4;
    const std = Math.sqrt(excess.reduce((a, v) => a + (v - mean) ** 2, 0) / 3);
    const risk = unitisedRisk(returns, new Date(day("01")), UNITISED_PERIODS_PER_YEAR, { perPeriod: [0, 0.05, 0, 0] });
    expect(risk.riskFreeError).toBeNull();
    expect(risk.sharpeRatio).toBeCloseTo((mean / std) * Math.sqrt(365), 10);
    expect(risk.sortinoRatio).toBeCloseTo((mean * 365) / (Math.sqrt(0.125 ** 2 / 4) * Math.sqrt(365)), 10);
    expect(risk.method).toMatch(/risk-free rate a per-period series/);
  });

  it("an annual 4 % is named in the method; a series of 3 for 4 returns is an error and no ratio", () => {
    expect(unitisedRisk(returns, new Date(day("01")), 365, { annual: 0.04 }).method).toMatch(/risk-free rate 4 % a year/);
    const bad = unitisedRisk(returns, new Date(day("01")), 365, { perPeriod: [0, 0, 0] });
    expect(bad.riskFreeError).toEqual({ code: "risk_free_length", expected: 4, actual: 3 });
    expect(bad.sharpeRatio).toBeNaN();
    expect(bad.sortinoRatio).toBeNaN();
  });

  it("never below the start: drawdown 0 with the peak at the last high; no return at all: no drawdown", () => {
    const up = new UnitLedger().open(day("01"), "100").snapshot(day("02"), "110");
    expect(navDrawdown(unitisedReturns(up.points, up.issues), new Date(day("01")))).toMatchObject({ current: 0, max: 0 });
    expect(navDrawdown([], new Date(day("01")))).toBeNull();
  });
});
