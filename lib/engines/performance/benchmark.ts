import { DEFAULT_PERIODS_PER_YEAR } from "@/lib/engines/performance/returns";

/**
 * Beta and alpha against a benchmark, as empyrical's *_aligned functions: the two series
 * are paired by index and a pair with a NaN on either side is dropped.
 */

function checkAligned(returns: number[], benchmark: number[]): void {
  if (returns.length !== benchmark.length) {
    throw new RangeError(`returns (${returns.length}) and benchmark (${benchmark.length}) must be aligned, one value per period`);
  }
}

/**
 * Cov(r, b) / Var(b), both population moments over the valid pairs. A benchmark that
 * does not move (variance < 1e-30) gives NaN rather than a meaningless huge number.
 */
export function beta(returns: number[], benchmark: number[]): number {
  if (returns.length < 1 || benchmark.length < 2) return NaN;
  checkAligned(returns, benchmark);
  let n = 0;
  let sumB = 0;
  for (let i = 0; i < returns.length; i++) {
    const r = returns[i]!;
    const b = benchmark[i]!;
    if (r !== r || b !== b) continue;
    sumB += b;
    n++;
  }
  if (n === 0) return NaN;
  const meanB = sumB / n;
  let cov = 0;
  let varB = 0;
  for (let i = 0; i < returns.length; i++) {
    const r = returns[i]!;
    const b = benchmark[i]!;
    if (r !== r || b !== b) continue;
    const residual = b - meanB;
    cov += residual * r;
    varB += residual * residual;
  }
  cov /= n;
  varB /= n;
  return varB < 1e-30 ? NaN : cov / varB;
}

/**
 * Annualised by compounding: (1 + mean((r − rf) − β·(b − rf)))^P − 1, with rf per period.
 */
export function alpha(
  returns: number[],
  benchmark: number[],
  opts: { riskFree?: number; periodsPerYear?: number } = {},
): number {
  if (returns.length < 2) return NaN;
  const riskFree = opts.riskFree ?? 0;
  const periods = opts.periodsPerYear ?? DEFAULT_PERIODS_PER_YEAR;
  const b = beta(returns, benchmark);
  if (b !== b) return NaN;
  let n = 0;
  let sum = 0;
  for (let i = 0; i < returns.length; i++) {
    const excess = returns[i]! - riskFree - b * (benchmark[i]! - riskFree);
    if (excess !== excess) continue;
    sum += excess;
    n++;
  }
  if (n === 0) return NaN;
  return Math.pow(sum / n + 1, periods) - 1;
}
