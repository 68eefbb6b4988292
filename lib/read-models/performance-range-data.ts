import type { Db } from "@/db/client";
import { readEquityRollups } from "@/db/queries/rollups";
import { readUnitIssues } from "@/db/queries/unit-ledger";
import {
  annualReturn,
  annualVolatility,
  calculateDrawdowns,
  calmarRatio,
  cumulativeReturn,
  maxDrawdown,
  omegaRatio,
  pointOfRollup,
  sharpeRatio,
  sortinoRatio,
  tailRatio,
  unitisedPeriod,
  unitisedReturns,
  UNITISED_PERIODS_PER_YEAR,
  valueAtRisk,
  type DatedReturn,
  type UnitIssue,
  type UnitisedPoint,
} from "@/lib/engines/performance";
import type { ResolvedRange } from "./performance-range";
import { fractionToPercent } from "./workspace-settings";
import type { RangeMetrics } from "./performance-summary-schemas";

/** JSON has no NaN or ∞: an undefined or infinite statistic is sent as null. */
const finite = (x: number | null | undefined) => (typeof x === "number" && Number.isFinite(x) ? x : null);
const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/** Where each metric is defined: an anchor of docs/metrics.md (the metrics bar's convention). */
export const RANGE_METRIC_DOCS = {
  twr: "docs/metrics.md#time-weighted-return-and-flow-adjusted-returns",
  mwr: "docs/metrics.md#money-weighted-return-xirr",
  annualReturn: "docs/metrics.md#performance-performance",
  annualVolatility: "docs/metrics.md#performance-performance",
  sharpeRatio: "docs/metrics.md#the-risk-free-rate-setting",
  sortinoRatio: "docs/metrics.md#the-risk-free-rate-setting",
  maxDrawdown: "docs/metrics.md#drawdown-series-and-episodes",
  calmarRatio: "docs/metrics.md#performance-performance",
  omegaRatio: "docs/metrics.md#the-risk-free-rate-setting",
  valueAtRisk95: "docs/metrics.md#performance-performance",
  tailRatio: "docs/metrics.md#performance-performance",
  days: "docs/metrics.md#best-and-worst-day-positive-days",
} as const;

function rangeMethods(riskFreeRate: string, P: number, basis: string | null): RangeMetrics["methods"] {
  const rf = `${fractionToPercent(riskFreeRate)} %`;
  const m = (key: keyof typeof RANGE_METRIC_DOCS, text: string) => [key, { text: basis ? `${text}. Measured ${basis}` : text, doc: RANGE_METRIC_DOCS[key] }] as const;
  return Object.fromEntries([
    m("twr", "Time-weighted: Π(1 + daily NAV-per-unit return) − 1; deposits and withdrawals buy and redeem units, so they never move it"),
    m("mwr", "Money-weighted: XIRR of the value at the start, every flow and the value at the end (annual, ACT/365)"),
    m("annualReturn", `CAGR of the daily returns: Π(1 + r)^(${P} / n) − 1`),
    m("annualVolatility", `Sample standard deviation of the daily returns × √${P}`),
    m("sharpeRatio", `mean(r − rf) / std(r − rf) × √${P}; rf = the workspace's ${rf} a year, compounded per day`),
    m("sortinoRatio", `mean(r − MAR) × ${P} / downside deviation; MAR = the risk-free rate ${rf} a year`),
    m("maxDrawdown", "Deepest fall of NAV per unit below its running peak, with the peak, the trough and the day it got back"),
    m("calmarRatio", "Annualised return ÷ |max drawdown| (none without a drawdown)"),
    m("omegaRatio", `Σ gains ÷ Σ losses of the daily returns around the risk-free rate ${rf} a year, compounded per day`),
    m("valueAtRisk95", "Historical VaR 95 %: the 5th percentile of the daily returns (linear interpolation)"),
    m("tailRatio", "|95th percentile| ÷ |5th percentile| of the daily returns"),
    m("days", "Largest and smallest daily return, and the share of daily returns above 0"),
  ]);
}

function extreme(returns: readonly DatedReturn[], better: (a: number, b: number) => boolean) {
  let found: DatedReturn | null = null;
  for (const r of returns) if (found === null || better(r.value, found.value)) found = r;
  return found ? { at: found.at.toISOString(), value: found.value } : null;
}

/**
 * The metrics table of /performance over one range, from the workspace's 1d roll-ups (cut in
 * its zone) and unit ledger, never from raw snapshots. Every return is a daily NAV-per-unit
 * return (unitisedReturns), so a deposit or withdrawal is never a gain, a loss or a drawdown.
 * A return counts when it ends inside the range; the first is measured from the last
 * snapshot before the range. The engine computes each statistic (docs/metrics.md); the
 * risk-free rate is the workspace's annual setting, passed as `{ annual }`.
 */
export async function loadRangeMetrics(db: Db, p: { ownerId: string; range: ResolvedRange; riskFreeRate: string }): Promise<RangeMetrics> {
  const toMs = Date.parse(p.range.to);
  const [rows, issues] = await Promise.all([
    readEquityRollups(db, { ownerId: p.ownerId, bucket: "1d", from: new Date(0) }),
    readUnitIssues(db, { ownerId: p.ownerId, upTo: new Date(toMs) }),
  ]);
  return rangeMetricsOf(rows.map(pointOfRollup), issues, { range: p.range, riskFreeRate: p.riskFreeRate, basis: null });
}

/**
 * The same table on any unitised series (the workspace's, or a selection's daily one:
 * selection-series.ts). `basis`, when given, is appended to every method: what the series is.
 */
export function rangeMetricsOf(
  allPoints: readonly UnitisedPoint[],
  allIssues: readonly UnitIssue[],
  p: { range: ResolvedRange; riskFreeRate: string; basis: string | null },
): RangeMetrics {
  const toMs = Date.parse(p.range.to);
  const fromMs = p.range.from === null ? -Infinity : Date.parse(p.range.from);
  const issues = allIssues.filter((i) => i.at.getTime() <= toMs);
  const points: UnitisedPoint[] = allPoints.filter((r) => r.at.getTime() <= toMs);
  const P = UNITISED_PERIODS_PER_YEAR;
  // A rate, not money: the engine's ratios are floats, and the stored fraction is exact to far below a float's step.
  const annual = Number(p.riskFreeRate);
  const inRange = unitisedReturns(points, issues).filter((r) => r.at.getTime() >= fromMs);
  const values = inRange.map((r) => r.value);

  // The period's money figures: from the last point before the range to the last inside it.
  const end = points.at(-1);
  const start = end ? (points.filter((pt) => pt.at.getTime() < fromMs).at(-1) ?? null) : null;
  const period = end && (start === null || start.at.getTime() < end.at.getTime()) ? unitisedPeriod({ start, end, issues }) : null;

  // Drawdown dates on the NAV-per-unit index, 1 where the range's first return starts from.
  const origin = start?.at ?? issues[0]?.at ?? inRange[0]?.at ?? null;
  let index = 1;
  const indexPoints = origin ? [{ at: origin, value: 1 }, ...inRange.map((r) => ({ at: r.at, value: (index *= 1 + r.value) }))] : [];
  const deepest = calculateDrawdowns(indexPoints).periods[0] ?? null;

  const sharpe = sharpeRatio(values, { riskFree: { annual }, periodsPerYear: P });
  const sortino = sortinoRatio(values, { requiredReturn: { annual }, periodsPerYear: P });
  const enough = values.length > 0;
  return {
    state: points.length === 0 ? "empty" : enough ? "ok" : "no_returns",
    returns: values.length,
    firstReturnAt: iso(inRange[0]?.at),
    lastReturnAt: iso(inRange.at(-1)?.at),
    periodsPerYear: P,
    riskFreeRate: p.riskFreeRate,
    twr: enough ? finite(cumulativeReturn(values)) : null,
    mwr: finite(period?.mwr),
    pnl: period?.pnl ?? null,
    netFlows: period?.netFlows ?? null,
    annualReturn: enough ? finite(annualReturn(values, { periodsPerYear: P })) : null,
    annualVolatility: finite(annualVolatility(values, { periodsPerYear: P })),
    sharpeRatio: sharpe.ok ? finite(sharpe.value) : null,
    sortinoRatio: sortino.ok ? finite(sortino.value) : null,
    maxDrawdown: {
      depth: enough ? finite(maxDrawdown(values)) : null,
      peakAt: deepest?.peakAt ?? null,
      troughAt: deepest?.troughAt ?? null,
      recoveryAt: deepest?.recoveryAt ?? null,
    },
    calmarRatio: finite(calmarRatio(values, { periodsPerYear: P })),
    omegaRatio: finite(omegaRatio(values, { requiredReturn: annual, periodsPerYear: P })),
    valueAtRisk95: enough ? finite(valueAtRisk(values, { cutoff: 0.05 })) : null,
    tailRatio: finite(tailRatio(values)),
    bestDay: extreme(inRange, (a, b) => a > b),
    worstDay: extreme(inRange, (a, b) => a < b),
    positiveDays: enough ? values.filter((v) => v > 0).length / values.length : null,
    methods: rangeMethods(p.riskFreeRate, P, p.basis),
  };
}
