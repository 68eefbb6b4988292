import { moments, percentileInPlace, sampleStd, validCopy } from "@/lib/engines/performance/nan-stats";
import { DEFAULT_PERIODS_PER_YEAR } from "@/lib/engines/performance/returns";
import { excessOver, type RatioResult, type RiskFreeRate } from "@/lib/engines/performance/risk-free";

/**
 * Risk and risk-adjusted return ratios on periodic simple returns, following empyrical:
 * NaN returns are dropped, rates (riskFree, requiredReturn for Sortino) are per period,
 * and degenerate inputs give NaN or ±∞ exactly where empyrical does.
 *
 * The `*Range` variants work on returns[from, to) so rolling windows need no copies.
 */

export interface PeriodOpts {
  periodsPerYear?: number;
}

export function annualVolatilityRange(returns: ArrayLike<number>, periodsPerYear: number, from: number, to: number): number {
  const m = moments(returns, 0, from, to);
  if (m.n < 2) return NaN;
  return sampleStd(m) * Math.pow(periodsPerYear, 1 / 2);
}

/** Sample standard deviation (ddof 1) × √P; fewer than two values → NaN. */
export function annualVolatility(returns: number[], opts: PeriodOpts = {}): number {
  return annualVolatilityRange(returns, opts.periodsPerYear ?? DEFAULT_PERIODS_PER_YEAR, 0, returns.length);
}

export function sharpeRange(returns: ArrayLike<number>, riskFree: number, periodsPerYear: number, from: number, to: number): number {
  const m = moments(returns, riskFree, from, to);
  if (m.n < 2) return NaN;
  // std 0 with mean > 0 is +∞ and 0/0 is NaN, which is what the division gives.
  return (m.mean / sampleStd(m)) * Math.sqrt(periodsPerYear);
}

/**
 * mean(r − rf) / std(r − rf, ddof 1) × √P. `riskFree` as a number is a constant per-period
 * rate and the answer a number; as `{ annual }` or `{ perPeriod: series }` (risk-free.ts) the
 * answer is a RatioResult, so a series of the wrong length is an error the caller must read.
 */
export function sharpeRatio(returns: number[], opts?: { riskFree?: number; periodsPerYear?: number }): number;
export function sharpeRatio(returns: number[], opts: { riskFree: RiskFreeRate; periodsPerYear?: number }): RatioResult;
export function sharpeRatio(returns: number[], opts: { riskFree?: number | RiskFreeRate; periodsPerYear?: number } = {}): number | RatioResult {
  const periods = opts.periodsPerYear ?? DEFAULT_PERIODS_PER_YEAR;
  const rf = opts.riskFree ?? 0;
  if (typeof rf === "number") return sharpeRange(returns, rf, periods, 0, returns.length);
  const x = excessOver(returns, rf, periods);
  if (!x.ok) return x;
  return { ok: true, value: "excess" in x ? sharpeRange(x.excess, 0, periods, 0, x.excess.length) : sharpeRange(returns, x.constant, periods, 0, returns.length) };
}

/** √(mean(min(r − MAR, 0)²)) × √P, the mean over every valid value; empty → NaN. */
export function downsideRisk(returns: ArrayLike<number>, opts: { requiredReturn?: number; periodsPerYear?: number } = {}): number {
  const mar = opts.requiredReturn ?? 0;
  const periods = opts.periodsPerYear ?? DEFAULT_PERIODS_PER_YEAR;
  let n = 0;
  let ss = 0;
  for (let i = 0; i < returns.length; i++) {
    const r = returns[i]!;
    if (r !== r) continue;
    const d = r - mar;
    if (d < 0) ss += d * d;
    n++;
  }
  if (n === 0) return NaN;
  return Math.sqrt(ss / n) * Math.sqrt(periods);
}

function sortinoOf(returns: ArrayLike<number>, mar: number, periods: number): number {
  const m = moments(returns, mar);
  if (m.n < 2) return NaN;
  return (m.mean * periods) / downsideRisk(returns, { requiredReturn: mar, periodsPerYear: periods });
}

/**
 * mean(r − MAR) × P / downside risk; no downside with a positive mean → +∞. `requiredReturn`
 * as a number is a constant per-period MAR; as `{ annual }` or `{ perPeriod: series }` (the
 * risk-free rate as the target) the answer is a RatioResult, as for sharpeRatio.
 */
export function sortinoRatio(returns: number[], opts?: { requiredReturn?: number; periodsPerYear?: number }): number;
export function sortinoRatio(returns: number[], opts: { requiredReturn: RiskFreeRate; periodsPerYear?: number }): RatioResult;
export function sortinoRatio(returns: number[], opts: { requiredReturn?: number | RiskFreeRate; periodsPerYear?: number } = {}): number | RatioResult {
  const periods = opts.periodsPerYear ?? DEFAULT_PERIODS_PER_YEAR;
  const mar = opts.requiredReturn ?? 0;
  if (typeof mar === "number") return sortinoOf(returns, mar, periods);
  const x = excessOver(returns, mar, periods);
  if (!x.ok) return x;
  return { ok: true, value: "excess" in x ? sortinoOf(x.excess, 0, periods) : sortinoOf(returns, x.constant, periods) };
}

/**
 * Σ gains above the threshold / Σ losses below it. `requiredReturn` is annual and is
 * de-annualised as (1 + required)^(1/P) − 1; `riskFree` is per period. No losses → NaN.
 */
export function omegaRatio(
  returns: number[],
  opts: { riskFree?: number; requiredReturn?: number; periodsPerYear?: number } = {},
): number {
  const riskFree = opts.riskFree ?? 0;
  const required = opts.requiredReturn ?? 0;
  const periods = opts.periodsPerYear ?? DEFAULT_PERIODS_PER_YEAR;
  if (moments(returns).n < 2) return NaN;
  let threshold: number;
  if (periods === 1) threshold = required;
  else if (required <= -1) return NaN;
  else threshold = Math.pow(1 + required, 1 / periods) - 1;

  let gains = 0;
  let losses = 0;
  for (let i = 0; i < returns.length; i++) {
    const excess = returns[i]! - riskFree - threshold;
    if (excess > 0) gains += excess;
    else if (excess < 0) losses -= excess;
  }
  return losses > 0 ? gains / losses : NaN;
}

/** The `cutoff` quantile of returns (numpy's linear interpolation); empty → NaN. */
export function valueAtRisk(returns: number[], opts: { cutoff?: number } = {}): number {
  return percentileInPlace(validCopy(returns), 100 * (opts.cutoff ?? 0.05));
}

/** |95th percentile| / |5th percentile|; empty → NaN. */
export function tailRatio(returns: number[]): number {
  const valid = validCopy(returns);
  if (valid.length === 0) return NaN;
  return Math.abs(percentileInPlace(valid, 95)) / Math.abs(percentileInPlace(valid, 5));
}
