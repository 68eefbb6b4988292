/**
 * Performance metrics. Float statistics on simple periodic returns (oldest first) follow
 * empyrical's conventions exactly, NaN and ±∞ included; XIRR follows pyxirr / Excel; TWR
 * is the GIPS true time-weighted return. Definitions and worked examples: docs/metrics.md.
 *
 * Pure: no clock, no I/O. Implementation lives in ./performance/, one concern per file.
 */
export {
  annualReturn,
  cumulativeReturn,
  cumulativeReturns,
  DEFAULT_PERIODS_PER_YEAR,
  simpleReturns,
} from "@/lib/engines/performance/returns";
export {
  annualVolatility,
  downsideRisk,
  omegaRatio,
  sharpeRatio,
  sortinoRatio,
  tailRatio,
  valueAtRisk,
} from "@/lib/engines/performance/risk";
export { perPeriodRate, type RatioResult, type RiskFreeError, type RiskFreeRate } from "@/lib/engines/performance/risk-free";
export {
  calculateDrawdowns,
  calmarRatio,
  drawdownSeries,
  maxDrawdown,
  type DrawdownAnalysis,
  type DrawdownPeriod,
  type ValuePoint,
} from "@/lib/engines/performance/drawdown";
export { alpha, beta } from "@/lib/engines/performance/benchmark";
export { xirr, xnpv, type DatedFlow } from "@/lib/engines/performance/xirr";
export { flowAdjustedReturns, timeWeightedReturn } from "@/lib/engines/performance/twr";
export {
  calculateCalendarPnl,
  type CalendarBucket,
  type CalendarPeriod,
  type EquityPoint,
} from "@/lib/engines/performance/calendar";
export { rollingSharpe, rollingVolatility } from "@/lib/engines/performance/rolling";
export {
  calculatePerformanceSummary,
  type PerformanceOptions,
  type PerformanceSummary,
} from "@/lib/engines/performance/summary";
export {
  CALENDAR_PERIODS,
  calendarPeriodStart,
  issuesBetween,
  navGrowth,
  periodSince,
  pointOfRollup,
  unitisedPeriod,
  type CalendarPeriodId,
  type PeriodResult,
  type UnitIssue,
  type UnitisedPoint,
} from "@/lib/engines/performance/unitised-periods";
export {
  navDrawdown,
  unitisedReturns,
  unitisedRisk,
  UNITISED_PERIODS_PER_YEAR,
  type DatedReturn,
  type NavDrawdown,
  type UnitisedRisk,
} from "@/lib/engines/performance/unitised-risk";
