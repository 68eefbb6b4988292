import { type Amount, amountToString, minus, plus, ZERO_AMOUNT as ZERO } from "@/lib/money/amount";
import { calendarPeriodStart, type PeriodResult, type UnitIssue, type UnitisedPoint, unitisedPeriod } from "@/lib/engines/performance/unitised-periods";
import { calculatePerformanceSummary, type PerformanceSummary } from "@/lib/engines/performance/summary";
import { wallOfDate } from "@/lib/engines/history/day-grid";
import type { AssetSeries, ByMethod, HistoryDay, PortfolioSeries } from "@/lib/engines/history/types";

/**
 * Ranges of the reconstructed series: 1D, WTD, MTD, YTD, 1Y, 5Y, max and each calendar year,
 * cut in the workspace's zone. A range runs from the last day-end before it starts to the
 * last day-end inside it (the unitised periods' rule, lib/engines/performance/unitised-periods),
 * so flows, PnL, TWR (NAV per unit) and MWR (XIRR) come from the same functions as the
 * observed series. Per symbol, PnL over a range is the change of its cumulative PnL.
 */
export const ROLLING_RANGES = ["1D", "WTD", "MTD", "YTD", "1Y", "5Y", "max"] as const;
export type RollingRange = (typeof ROLLING_RANGES)[number];

export interface RangeResult {
  /** Day index the range starts after (-1: from nothing), and the one it ends on. */
  startIndex: number;
  endIndex: number;
  portfolio: PeriodResult | null;
  /** Per asset: PnL over the range (realised + unrealised − fees + funding + income), per cost method. */
  bySymbol: Record<string, ByMethod<string>>;
}

export interface HistoryPerformance {
  ranges: Record<RollingRange, RangeResult>;
  years: Record<string, RangeResult>;
  /** Daily returns of NAV per unit, and every metric of docs/metrics.md on them (365 periods a year). */
  dailyReturns: number[];
  summary: PerformanceSummary;
}

const DAY = 86_400_000;

/** Unrealised PnL of one asset at the end of day i: value − cost basis (zero for the base currency, whose cost basis is not kept). */
export function assetUnrealised(s: AssetSeries, i: number, method: keyof ByMethod<unknown>): Amount {
  return s.isBase ? ZERO : minus(s.value[i]!, s.costBasis[method][i]!);
}

/** Cumulative PnL of one asset at day i, per method: realised + unrealised − fees + funding + income. */
export function assetPnl(s: AssetSeries, i: number): ByMethod<Amount> {
  const other = plus(minus(s.funding[i]!, s.fees[i]!), s.income[i]!);
  return {
    fifo: plus(plus(s.realised.fifo[i]!, assetUnrealised(s, i, "fifo")), other),
    average: plus(plus(s.realised.average[i]!, assetUnrealised(s, i, "average")), other),
  };
}

export function historyPerformance(p: {
  days: readonly HistoryDay[];
  timeZone: string;
  portfolio: PortfolioSeries;
  assets: readonly AssetSeries[];
  issues: readonly UnitIssue[];
}): HistoryPerformance {
  const { days, portfolio } = p;
  const n = days.length;
  const point = (i: number): UnitisedPoint => ({
    at: new Date(days[i]!.endMs - 1),
    equity: amountToString(portfolio.value[i]!),
    navPerUnit: portfolio.navPerUnit[i]!,
    cumNetFlows: amountToString(portfolio.cumNetFlows[i]!),
  });
  // The last day whose end is before `ms` (-1 when none).
  const lastBefore = (ms: number) => {
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (days[mid]!.endMs - 1 < ms) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  };
  const range = (startIndex: number, endIndex: number): RangeResult => {
    const bySymbol: Record<string, ByMethod<string>> = {};
    for (const s of p.assets) {
      const end = assetPnl(s, endIndex);
      const start = startIndex >= 0 ? assetPnl(s, startIndex) : { fifo: ZERO, average: ZERO };
      bySymbol[s.asset] = { fifo: amountToString(minus(end.fifo, start.fifo)), average: amountToString(minus(end.average, start.average)) };
    }
    const portfolioResult = unitisedPeriod({ start: startIndex >= 0 ? point(startIndex) : null, end: point(endIndex), issues: p.issues });
    return { startIndex, endIndex, portfolio: portfolioResult, bySymbol };
  };

  const last = n - 1;
  const nowMs = days[last]!.endMs - 1;
  const lastWall = wallOfDate(days[last]!.date, "to");
  const yearsBack = (k: number) => {
    const d = new Date(lastWall);
    // The day after the same date k years earlier (29 February falls on 1 March).
    const wall = Date.UTC(d.getUTCFullYear() - k, d.getUTCMonth(), d.getUTCDate()) + DAY;
    return wall <= wallOfDate(days[0]!.date, "from") ? -Infinity : days[Math.round((wall - wallOfDate(days[0]!.date, "from")) / DAY)]!.startMs;
  };
  const fromMs: Record<RollingRange, number> = {
    "1D": calendarPeriodStart("day", nowMs, p.timeZone),
    WTD: calendarPeriodStart("week", nowMs, p.timeZone),
    MTD: calendarPeriodStart("month", nowMs, p.timeZone),
    YTD: calendarPeriodStart("ytd", nowMs, p.timeZone),
    "1Y": yearsBack(1),
    "5Y": yearsBack(5),
    max: -Infinity,
  };
  const ranges = {} as Record<RollingRange, RangeResult>;
  for (const r of ROLLING_RANGES) ranges[r] = range(lastBefore(fromMs[r]), last);

  const years: Record<string, RangeResult> = {};
  let i = 0;
  while (i < n) {
    const year = days[i]!.date.slice(0, 4);
    let j = i;
    while (j + 1 < n && days[j + 1]!.date.startsWith(year)) j++;
    years[year] = range(i - 1, j);
    i = j + 1;
  }

  const dailyReturns: number[] = [];
  for (let k = 1; k < n; k++) {
    const a = portfolio.navPerUnit[k - 1];
    const b = portfolio.navPerUnit[k];
    if (a && b) dailyReturns.push(Number(b) / Number(a) - 1);
  }
  return { ranges, years, dailyReturns, summary: calculatePerformanceSummary(dailyReturns, { periodsPerYear: 365 }) };
}
