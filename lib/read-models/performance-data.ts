import type { Db } from "@/db/client";
import { readEquityRollups } from "@/db/queries/rollups";
import { readUnitIssues } from "@/db/queries/unit-ledger";
import {
  calendarPeriodStart,
  periodSince,
  pointOfRollup,
  unitisedReturns,
  unitisedRisk,
  type PeriodResult,
  type UnitIssue,
  type UnitisedPoint,
} from "@/lib/engines/performance";
import type { ResolvedPortfolio } from "@/lib/portfolios/resolve";
import { PERFORMANCE_PERIODS, type Performance, type PerformancePeriod } from "./performance-schemas";
import { scopeView } from "./portfolio-scope";
import { loadSelectionSeries, selectionBasisToDate, type SharedSeries } from "./selection-series";

/** JSON has no NaN or ∞: an undefined or infinite statistic is sent as null. */
const finite = (x: number | null | undefined) => (typeof x === "number" && Number.isFinite(x) ? x : null);
const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

function performanceMethods(timeZone: string, risk: string): Performance["methods"] {
  return {
    pnl: "Flow-adjusted PnL: Δequity − net flows (deposits − withdrawals; a connection's opening equity joins as a deposit, a deleted one's leaves as a withdrawal)",
    twr: "TWR: the change in NAV per unit (units are issued and redeemed at each flow's NAV, so flows never move it)",
    mwr: "MWR: XIRR of the flows and the values (annual rate, ACT/365)",
    periods: `Periods to date in ${timeZone}: day from local midnight, week from Monday, month from the 1st, YTD from 1 January; each measured from the last snapshot before it`,
    risk: `Volatility, Sharpe and Sortino on ${risk}`,
    drawdown: "Drawdown: NAV per unit below its running peak (a withdrawal is never a drawdown)",
  };
}

function periodView(id: PerformancePeriod["id"], from: number, r: PeriodResult | null): PerformancePeriod {
  return {
    id,
    from: new Date(from).toISOString(),
    startAt: iso(r?.startAt),
    endAt: iso(r?.endAt),
    counted: r !== null,
    startEquity: r?.startEquity ?? null,
    endEquity: r?.endEquity ?? null,
    netFlows: r?.netFlows ?? null,
    pnl: r?.pnl ?? null,
    twr: finite(r?.twr),
  };
}

/**
 * The workspace's flow-adjusted performance from its 1d roll-ups (cut in its zone) and unit
 * ledger: PnL, net flows and TWR for the day, week, month and year to date; since inception
 * also MWR; drawdown and risk on daily NAV-per-unit returns. Rows after `now` are ignored.
 */
export async function loadPerformance(db: Db, p: { ownerId: string; now: Date; baseCurrency: string; timeZone: string }): Promise<Performance> {
  const [rows, issues] = await Promise.all([
    readEquityRollups(db, { ownerId: p.ownerId, bucket: "1d", from: new Date(0) }),
    readUnitIssues(db, { ownerId: p.ownerId, upTo: p.now }),
  ]);
  const points: UnitisedPoint[] = rows.filter((r) => r.lastAt.getTime() <= p.now.getTime()).map(pointOfRollup);
  return performanceOf(points, issues, p);
}

/**
 * The same for a connection or portfolio selection, on its daily unitised series (the
 * end-of-day closes of its whole connections and their accounts' flows; today from each
 * connection's latest snapshot: selection-series.ts). Each method names that basis.
 */
export async function loadSelectionPerformance(
  db: Db,
  p: { ownerId: string; now: Date; baseCurrency: string; timeZone: string; portfolio: ResolvedPortfolio; series?: SharedSeries },
): Promise<Performance> {
  const series = await (p.series ?? loadSelectionSeries(db, { ...p, live: { now: p.now, timeZone: p.timeZone } }));
  const doc = performanceOf(series.points, series.issues, p);
  const basis = `measured ${selectionBasisToDate(p.portfolio, p.timeZone)}`;
  const methods = Object.fromEntries(Object.entries(doc.methods).map(([k, v]) => [k, `${v}; ${basis}`])) as Performance["methods"];
  return { ...doc, portfolio: scopeView(p.portfolio), asOf: series.latestAt?.toISOString() ?? null, methods };
}

function performanceOf(points: readonly UnitisedPoint[], issues: readonly UnitIssue[], p: { now: Date; baseCurrency: string; timeZone: string }): Performance {
  const last = points.at(-1);
  const inceptionAt = issues[0]?.at ?? points[0]?.at ?? null;
  const returns = unitisedReturns(points, issues);
  const risk = unitisedRisk(returns, inceptionAt ?? p.now);
  // Since inception needs the whole series unitised: a legacy first row hides flows before it.
  const inception = points[0]?.cumNetFlows != null ? periodSince(points, issues, -Infinity) : null;
  const nowMs = p.now.getTime();
  return {
    baseCurrency: p.baseCurrency,
    timeZone: p.timeZone,
    asOf: iso(last?.at),
    state: !last ? "empty" : last.cumNetFlows === null ? "not_counted" : "ok",
    periods: PERFORMANCE_PERIODS.map((id) => {
      const from = calendarPeriodStart(id, nowMs, p.timeZone);
      return periodView(id, from, periodSince(points, issues, from));
    }),
    inception: {
      at: iso(inceptionAt),
      counted: inception !== null,
      netFlows: inception?.netFlows ?? null,
      pnl: inception?.pnl ?? null,
      twr: finite(inception?.twr),
      mwr: finite(inception?.mwr),
    },
    drawdown: {
      current: finite(risk.drawdown?.current),
      peakAt: iso(risk.drawdown?.peakAt),
      max: finite(risk.drawdown?.max),
    },
    risk: {
      periodsPerYear: risk.periodsPerYear,
      returns: risk.returns,
      annualVolatility: finite(risk.annualVolatility),
      sharpeRatio: finite(risk.sharpeRatio),
      sortinoRatio: finite(risk.sortinoRatio),
    },
    methods: performanceMethods(p.timeZone, risk.method),
  };
}
