import { DEFAULT_PERIODS_PER_YEAR } from "@/lib/engines/performance/returns";
import { annualVolatilityRange, sharpeRange } from "@/lib/engines/performance/risk";

/**
 * Metrics over a trailing window, as empyrical's roll_* functions: one value per full
 * window, so the output has n − window + 1 entries (none when window > n) and entry k
 * covers returns[k .. k + window − 1]. Each window is computed afresh (two passes), which
 * keeps a flat window's volatility at exactly 0.
 */

function checkWindow(window: number): void {
  if (!Number.isInteger(window) || window < 1) throw new RangeError(`window must be a positive integer, got ${window}`);
}

export function rollingSharpe(
  returns: number[],
  window: number,
  opts: { riskFree?: number; periodsPerYear?: number } = {},
): number[] {
  checkWindow(window);
  const periods = opts.periodsPerYear ?? DEFAULT_PERIODS_PER_YEAR;
  const riskFree = opts.riskFree ?? 0;
  const out: number[] = [];
  for (let end = window; end <= returns.length; end++) out.push(sharpeRange(returns, riskFree, periods, end - window, end));
  return out;
}

export function rollingVolatility(returns: number[], window: number, opts: { periodsPerYear?: number } = {}): number[] {
  checkWindow(window);
  const periods = opts.periodsPerYear ?? DEFAULT_PERIODS_PER_YEAR;
  const out: number[] = [];
  for (let end = window; end <= returns.length; end++) out.push(annualVolatilityRange(returns, periods, end - window, end));
  return out;
}
