/**
 * The risk-free rate of Sharpe (and the target of Sortino) in the two forms a workspace has
 * it: a constant ANNUAL rate (a setting, "4 %"), or a per-period SERIES (a T-bill or
 * stablecoin-lending return for each period of the returns). A plain number passed to the
 * ratios stays what it always was, a constant PER-PERIOD rate (empyrical's convention).
 *
 * An annual rate a becomes the per-period rate (1 + a)^(1/P) − 1, compounded as omegaRatio
 * de-annualises its threshold. A series must have one entry per return, aligned by index;
 * excess returns are rᵢ − rfᵢ, and a NaN in either drops that period, as a NaN return does.
 */
export type RiskFreeRate = { annual: number } | { perPeriod: ArrayLike<number> };

export type RiskFreeError =
  /** The series does not have one entry per return. */
  | { code: "risk_free_length"; expected: number; actual: number }
  /** An annual rate ≤ −100 % (or not a number) has no per-period equivalent. */
  | { code: "risk_free_annual_rate"; annual: number };

export type RatioResult = { ok: true; value: number } | { ok: false; error: RiskFreeError };

/** (1 + annual)^(1/P) − 1; periodsPerYear 1 keeps the rate as it is. */
export function perPeriodRate(annual: number, periodsPerYear: number): number {
  return periodsPerYear === 1 ? annual : Math.pow(1 + annual, 1 / periodsPerYear) - 1;
}

/**
 * The returns in excess of the rate, or a constant per-period rate to subtract from them
 * (cheaper: no copy, and the same floating-point steps as a number passed directly).
 */
export function excessOver(
  returns: ArrayLike<number>,
  rate: RiskFreeRate,
  periodsPerYear: number,
): { ok: true; constant: number } | { ok: true; excess: Float64Array } | { ok: false; error: RiskFreeError } {
  if ("annual" in rate) {
    if (!(rate.annual > -1)) return { ok: false, error: { code: "risk_free_annual_rate", annual: rate.annual } };
    return { ok: true, constant: perPeriodRate(rate.annual, periodsPerYear) };
  }
  const series = rate.perPeriod;
  if (series.length !== returns.length) return { ok: false, error: { code: "risk_free_length", expected: returns.length, actual: series.length } };
  const excess = new Float64Array(returns.length);
  for (let i = 0; i < returns.length; i++) excess[i] = returns[i]! - series[i]!;
  return { ok: true, excess };
}
