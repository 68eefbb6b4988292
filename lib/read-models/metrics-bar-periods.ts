import type { Db } from "@/db/client";
import { readEquityRollups, readLatestRollup } from "@/db/queries/rollups";
import { readUnitIssues } from "@/db/queries/unit-ledger";
import { calendarPeriodStart, periodSince, pointOfRollup, type UnitIssue, type UnitisedPoint } from "@/lib/engines/performance";
import type { ResolvedPortfolio } from "@/lib/portfolios/resolve";
import { D, toDecimalString } from "@/lib/money/decimal";
import { isoDate, localDate } from "@/lib/time/zoned";
import type { MetricsBarPeriod } from "./metrics-bar-schemas";
import { PERFORMANCE_PERIODS } from "./performance-schemas";
import { loadSelectionSeries, type LiveDay, type SharedSeries } from "./selection-series";

export interface BarPeriods {
  periods: MetricsBarPeriod[];
  /** The first point read: where the history (in this currency) begins, as far as these periods can see. */
  historyStartsAt: Date | null;
}

/**
 * Day, week, month and year to date, flow-adjusted, from the 1d roll-ups (cut in the
 * workspace's zone) and the unit ledger — the performance card's arithmetic
 * (`periodSince`): PnL = equity now − equity at the last snapshot before the period −
 * net flows (Σ cum_net_flows between the two), the percent TWR (NAV per unit).
 *
 * Reads only what the year needs: the last daily row before 1 January and the rows since.
 * Where the history begins inside a period the bar shows no figure and says when it begins,
 * rather than a PnL "from nothing" (which would be the history's own PnL, not the period's).
 */
export async function loadBarPeriods(db: Db, p: { ownerId: string; now: Date; timeZone: string }): Promise<BarPeriods> {
  const nowMs = p.now.getTime();
  const starts = PERFORMANCE_PERIODS.map((id) => ({ id, from: calendarPeriodStart(id, nowMs, p.timeZone) }));
  // The year is the longest period; the other three start inside it.
  const yearStart = new Date(Math.min(...starts.map((s) => s.from)));
  const [before, rows] = await Promise.all([
    readLatestRollup(db, { ownerId: p.ownerId, bucket: "1d", before: yearStart }),
    readEquityRollups(db, { ownerId: p.ownerId, bucket: "1d", from: yearStart }),
  ]);
  const points: UnitisedPoint[] = [...(before ? [before] : []), ...rows].filter((r) => r.lastAt.getTime() <= nowMs).map(pointOfRollup);
  const first = points[0];
  const last = points.at(-1);
  if (!first || !last) return { periods: [], historyStartsAt: null };
  const issues = await readUnitIssues(db, { ownerId: p.ownerId, after: first.at, upTo: last.at });
  return barPeriodsOf(points, issues, { nowMs, timeZone: p.timeZone });
}

/**
 * The same periods for a connection or portfolio selection, on its daily unitised series
 * (selection-series.ts: the end-of-day closes of its whole connections and their accounts'
 * flows, today's point from each connection's latest snapshot): a period starts from the
 * close of the local day before it.
 */
export async function loadSelectionBarPeriods(
  db: Db,
  p: { ownerId: string; now: Date; timeZone: string; baseCurrency: string; portfolio: ResolvedPortfolio; latest: LiveDay["latest"]; series?: SharedSeries },
): Promise<BarPeriods> {
  const series = await (p.series ?? loadSelectionSeries(db, { ...p, live: { now: p.now, timeZone: p.timeZone, latest: p.latest } }));
  // Today's point stands at the day's last instant (the close so far); what starts after now is not read.
  return barPeriodsOf(series.points, series.issues, { nowMs: p.now.getTime(), timeZone: p.timeZone });
}

function barPeriodsOf(points: readonly UnitisedPoint[], issues: readonly UnitIssue[], p: { nowMs: number; timeZone: string }): BarPeriods {
  const starts = PERFORMANCE_PERIODS.map((id) => ({ id, from: calendarPeriodStart(id, p.nowMs, p.timeZone) }));
  const first = points[0];
  if (!first) return { periods: [], historyStartsAt: null };
  const historyStarts = `history starts on ${isoDate(localDate(first.at.getTime(), p.timeZone))}`;
  const periods = starts.map(({ id, from }): MetricsBarPeriod => {
    const base = { id, from: new Date(from).toISOString() };
    const none = { startAt: null, startEquity: null, netFlows: null, pnl: null, pct: null };
    if (first.at.getTime() >= from) return { ...base, status: "no_history", reason: historyStarts, ...none };
    const r = periodSince(points, issues, from);
    if (!r || !r.startAt) return { ...base, status: "not_counted", reason: "flows not yet counted", ...none };
    return {
      ...base,
      status: "ok",
      reason: null,
      startAt: r.startAt.toISOString(),
      startEquity: r.startEquity,
      netFlows: r.netFlows,
      pnl: r.pnl,
      pct: r.twr === null ? null : toDecimalString(new D(r.twr).toDecimalPlaces(10)),
    };
  });
  return { periods, historyStartsAt: first.at };
}
