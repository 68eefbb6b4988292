import { drawdownSeries, maxDrawdown } from "@/lib/engines/performance/drawdown";
import { annualVolatility, sharpeRatio, sortinoRatio } from "@/lib/engines/performance/risk";
import type { RiskFreeError, RiskFreeRate } from "@/lib/engines/performance/risk-free";
import { issuesBetween, navGrowth, type UnitIssue, type UnitisedPoint } from "@/lib/engines/performance/unitised-periods";

/**
 * Risk on the unitised series: returns are NAV-per-unit growth between successive points
 * (the 1d roll-ups: one return per local day with a snapshot), so a deposit or withdrawal is
 * never a gain, a loss or a drawdown. Statistics are the empyrical ones of ./risk.ts and
 * ./drawdown.ts, unchanged.
 */

/** Crypto trades every day: daily returns are annualised with 365 periods a year. */
export const UNITISED_PERIODS_PER_YEAR = 365;

export interface DatedReturn {
  /** The instant the return ends at (the point's snapshot instant). */
  at: Date;
  value: number;
}

/**
 * One return per point, from the previous point (the first from the inception, when the
 * opening units were issued): NAV growth through the unit issues between them. A step with
 * nothing held throughout gives no return (skipped, not zero); a step into or out of a legacy
 * row (not yet unitised) gives none either.
 */
export function unitisedReturns(points: readonly UnitisedPoint[], issues: readonly UnitIssue[]): DatedReturn[] {
  const out: DatedReturn[] = [];
  let prev: UnitisedPoint | null = null;
  for (const point of points) {
    const measurable = point.cumNetFlows !== null && (prev === null || prev.cumNetFlows !== null);
    if (measurable) {
      const inside = issuesBetween(issues, prev ? prev.at.getTime() : -Infinity, point.at.getTime());
      const growth = navGrowth(prev?.navPerUnit ?? null, inside, point.navPerUnit);
      if (growth !== null) out.push({ at: point.at, value: growth.minus(1).toNumber() });
    }
    prev = point;
  }
  return out;
}

export interface NavDrawdown {
  /** (index − running peak) / peak after the last return: 0 at a high, −0.125 an eighth below it. */
  current: number;
  /** When the running peak was set (the inception when the index never rose above its start). */
  peakAt: Date;
  currentAt: Date;
  /** The deepest drawdown of the whole series (empyrical max drawdown, the index starting at 1). */
  max: number;
}

/**
 * Drawdown of the NAV-per-unit index (1 at `inceptionAt`, compounded by the returns). null
 * without a return.
 */
export function navDrawdown(returns: readonly DatedReturn[], inceptionAt: Date): NavDrawdown | null {
  const last = returns.at(-1);
  if (!last) return null;
  const values = returns.map((r) => r.value);
  const series = drawdownSeries(values);
  // The peak is the last point standing at it (drawdown exactly 0: the peak is that very value).
  let peakAt = inceptionAt;
  series.forEach((dd, i) => {
    if (dd === 0) peakAt = returns[i]!.at;
  });
  return { current: series.at(-1)!, peakAt, currentAt: last.at, max: maxDrawdown(values) };
}

export interface UnitisedRisk {
  /** What the statistics are computed on, in words. */
  method: string;
  periodsPerYear: number;
  /** How many returns the statistics saw. */
  returns: number;
  drawdown: NavDrawdown | null;
  /** Sample std × √P; NaN below two returns. */
  annualVolatility: number;
  /** Against the risk-free rate (0 without one); ±∞ or NaN as empyrical gives them; NaN with riskFreeError. */
  sharpeRatio: number;
  /** Target (MAR) the same risk-free rate. */
  sortinoRatio: number;
  /** Why the rate given could not be used (a series of the wrong length): both ratios are then NaN. */
  riskFreeError: RiskFreeError | null;
}

function describeRate(rate: RiskFreeRate | undefined): string {
  if (!rate) return "risk-free rate and Sortino target 0";
  if ("annual" in rate) return `risk-free rate ${+(rate.annual * 100).toFixed(6)} % a year, compounded per period, also the Sortino target`;
  return "risk-free rate a per-period series, also the Sortino target";
}

/**
 * `riskFree`: a constant annual rate (the workspace's setting) or one risk-free return per
 * return, aligned with `returns` (risk-free.ts); none is a rate of 0.
 */
export function unitisedRisk(
  returns: readonly DatedReturn[],
  inceptionAt: Date,
  periodsPerYear = UNITISED_PERIODS_PER_YEAR,
  riskFree?: RiskFreeRate,
): UnitisedRisk {
  const values = returns.map((r) => r.value);
  let sharpe: number;
  let sortino: number;
  let riskFreeError: RiskFreeError | null = null;
  if (riskFree) {
    const sh = sharpeRatio(values, { riskFree, periodsPerYear });
    const so = sortinoRatio(values, { requiredReturn: riskFree, periodsPerYear });
    sharpe = sh.ok ? sh.value : NaN;
    sortino = so.ok ? so.value : NaN;
    if (!sh.ok) riskFreeError = sh.error;
  } else {
    sharpe = sharpeRatio(values, { periodsPerYear });
    sortino = sortinoRatio(values, { periodsPerYear });
  }
  return {
    method: `daily NAV-per-unit returns (1d roll-ups), annualised with ${periodsPerYear} periods a year; ${describeRate(riskFree)}`,
    periodsPerYear,
    returns: values.length,
    drawdown: navDrawdown(returns, inceptionAt),
    annualVolatility: annualVolatility(values, { periodsPerYear }),
    sharpeRatio: sharpe,
    sortinoRatio: sortino,
    riskFreeError,
  };
}
