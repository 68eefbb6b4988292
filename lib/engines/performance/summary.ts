import { alpha, beta } from "@/lib/engines/performance/benchmark";
import { calmarRatio, maxDrawdown } from "@/lib/engines/performance/drawdown";
import { annualReturn, cumulativeReturn, DEFAULT_PERIODS_PER_YEAR } from "@/lib/engines/performance/returns";
import {
  annualVolatility,
  downsideRisk,
  omegaRatio,
  sharpeRatio,
  sortinoRatio,
  tailRatio,
  valueAtRisk,
} from "@/lib/engines/performance/risk";

export interface PerformanceOptions {
  periodsPerYear?: number;
  /** Per period, for Sharpe and alpha. */
  riskFree?: number;
  /** Per period, the Sortino and downside-risk target (MAR). */
  requiredReturn?: number;
  /** Annual, the omega threshold. */
  omegaRequiredReturn?: number;
  /** Aligned benchmark returns; alpha and beta are NaN without them. */
  benchmark?: number[];
  /** VaR quantile, default 0.05. */
  cutoff?: number;
}

export interface PerformanceSummary {
  periods: number;
  periodsPerYear: number;
  cumulativeReturn: number;
  annualReturn: number;
  annualVolatility: number;
  sharpeRatio: number;
  sortinoRatio: number;
  downsideRisk: number;
  maxDrawdown: number;
  calmarRatio: number;
  omegaRatio: number;
  valueAtRisk: number;
  tailRatio: number;
  alpha: number;
  beta: number;
}

/** Every metric of `docs/metrics.md` for one return series, with one set of conventions. */
export function calculatePerformanceSummary(returns: number[], opts: PerformanceOptions = {}): PerformanceSummary {
  const periodsPerYear = opts.periodsPerYear ?? DEFAULT_PERIODS_PER_YEAR;
  const bench = opts.benchmark;
  return {
    periods: returns.length,
    periodsPerYear,
    cumulativeReturn: cumulativeReturn(returns),
    annualReturn: annualReturn(returns, { periodsPerYear }),
    annualVolatility: annualVolatility(returns, { periodsPerYear }),
    sharpeRatio: sharpeRatio(returns, { riskFree: opts.riskFree, periodsPerYear }),
    sortinoRatio: sortinoRatio(returns, { requiredReturn: opts.requiredReturn, periodsPerYear }),
    downsideRisk: downsideRisk(returns, { requiredReturn: opts.requiredReturn, periodsPerYear }),
    maxDrawdown: maxDrawdown(returns),
    calmarRatio: calmarRatio(returns, { periodsPerYear }),
    omegaRatio: omegaRatio(returns, { riskFree: opts.riskFree, requiredReturn: opts.omegaRequiredReturn, periodsPerYear }),
    valueAtRisk: valueAtRisk(returns, { cutoff: opts.cutoff }),
    tailRatio: tailRatio(returns),
    alpha: bench ? alpha(returns, bench, { riskFree: opts.riskFree, periodsPerYear }) : NaN,
    beta: bench ? beta(returns, bench) : NaN,
  };
}
