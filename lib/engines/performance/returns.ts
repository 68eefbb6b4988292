/** Default annualisation factor: trading days, as empyrical. Crypto callers pass 365. */
export const DEFAULT_PERIODS_PER_YEAR = 252;

/**
 * Period-over-period simple returns of a value series: (pᵢ − pᵢ₋₁) / pᵢ₋₁.
 * A value rising from 0 gives +∞, 0 → 0 gives NaN, as numpy's division does.
 */
export function simpleReturns(equity: number[]): number[] {
  const out = new Array<number>(Math.max(0, equity.length - 1));
  for (let i = 1; i < equity.length; i++) {
    const prev = equity[i - 1]!;
    out[i - 1] = (equity[i]! - prev) / prev;
  }
  return out;
}

/**
 * Compounded path: cumprod(1 + r) − 1, or × startingValue when it is not 0.
 * A NaN return counts as 0 (no change that period).
 */
export function cumulativeReturns(returns: number[], startingValue = 0): number[] {
  const out = new Array<number>(returns.length);
  let growth = 1;
  for (let i = 0; i < returns.length; i++) {
    const r = returns[i]!;
    if (r === r) growth *= 1 + r;
    out[i] = startingValue === 0 ? growth - 1 : growth * startingValue;
  }
  return out;
}

/** prod(1 + r), NaN as a zero return. */
function growthFactor(returns: number[]): number {
  let growth = 1;
  for (let i = 0; i < returns.length; i++) {
    const r = returns[i]!;
    if (r === r) growth *= 1 + r;
  }
  return growth;
}

/** prod(1 + r) − 1 with NaN as a zero return; empty → NaN. */
export function cumulativeReturn(returns: number[]): number {
  if (returns.length === 0) return NaN;
  return growthFactor(returns) - 1;
}

/**
 * CAGR: prod(1 + r)^(P / n) − 1, where n counts every period including NaN ones (a NaN is
 * a period that passed with no change). Written as empyrical computes it, ending^(1 / years).
 */
export function annualReturn(returns: number[], opts: { periodsPerYear?: number } = {}): number {
  if (returns.length === 0) return NaN;
  const periods = opts.periodsPerYear ?? DEFAULT_PERIODS_PER_YEAR;
  const years = returns.length / periods;
  return Math.pow(growthFactor(returns), 1 / years) - 1;
}
