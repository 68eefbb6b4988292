import { xirr, type DatedFlow } from "@/lib/engines/performance/xirr";
import { D, type Dec, toDecimalString } from "@/lib/money/decimal";
import { localDayOf, localWeekOf, startOfLocalMonth, startOfLocalYear } from "@/lib/time/zoned";

/**
 * Period performance from the unitised series (equity roll-ups carrying units, NAV per unit
 * and cumulative net flows; the unit ledger). A flow at τ belongs to the first snapshot
 * instant ≥ τ and is inside that snapshot's equity, so between two points a < b:
 *
 *   net flows = cumNetFlows_b − cumNetFlows_a        PnL = (equity_b − equity_a) − net flows
 *   TWR = NAV_b / NAV_a − 1                          (units move at the NAV of their instant)
 *
 * Money is exact (decimal strings); TWR and MWR are floats. Definitions: docs/metrics.md,
 * "Flow-adjusted periods".
 */

/** A roll-up row at its snapshot instant (`at` = its last_at). */
export interface UnitisedPoint {
  at: Date;
  equity: string;
  /** null when no units are outstanding (everything withdrawn), or on a legacy row. */
  navPerUnit: string | null;
  /** Σ net external flows up to `at` (openings and closings included); null on a legacy row not yet unitised. */
  cumNetFlows: string | null;
}

/** A stored roll-up row (equity_rollups) as a point of the series. */
export function pointOfRollup(row: { lastAt: Date; equity: string; navPerUnit: string | null; cumNetFlows: string | null }): UnitisedPoint {
  return { at: row.lastAt, equity: row.equity, navPerUnit: row.navPerUnit, cumNetFlows: row.cumNetFlows };
}

/** A row of the unit ledger: units issued (+) or redeemed (−) at `at`. */
export interface UnitIssue {
  at: Date;
  /** Signed, in the base currency: + money in, − money out. */
  netFlow: string;
  /** NAV per unit just before the flow: the price units moved at. */
  navPerUnit: string;
  unitsAfter: string;
}

export interface PeriodResult {
  /** The state the period starts from: the last point before it; null when the history begins inside it. */
  startAt: Date | null;
  endAt: Date;
  startEquity: string;
  endEquity: string;
  /** Net external flows in (startAt, endAt]: + deposits, − withdrawals. */
  netFlows: string;
  /** Δequity − net flows. */
  pnl: string;
  /** NAV-per-unit growth − 1; null when nothing was held at any moment of the period. */
  twr: number | null;
  /** Money-weighted return: XIRR (annual) of the start value, the flows and the end value; null when undefined. */
  mwr: number | null;
}

/**
 * Growth of NAV per unit from `startNav` (null: nothing held) through the unit issues, in
 * order, to `endNav`. Each stretch while units are held contributes its NAV ratio; a span
 * with nothing held contributes nothing (a re-deposit starts a new stretch at its issue
 * price). null when nothing was held at any moment, or when units are held after the last
 * issue but the end has no NAV (a legacy row: not measurable).
 */
export function navGrowth(startNav: string | null, issues: readonly UnitIssue[], endNav: string | null): Dec | null {
  let growth = new D(1);
  let held = false;
  let last: Dec | null = startNav === null ? null : new D(startNav);
  for (const issue of issues) {
    const nav = new D(issue.navPerUnit);
    if (last !== null) {
      growth = growth.times(nav.div(last));
      held = true;
    }
    // Units move at the NAV of the moment, so the NAV after the flow is the NAV before it.
    last = new D(issue.unitsAfter).greaterThan(0) ? nav : null;
  }
  if (last !== null) {
    if (endNav === null) return null;
    growth = growth.times(new D(endNav).div(last));
    held = true;
  }
  return held ? growth : null;
}

/** Issues in (fromMs, toMs], in time order. */
export function issuesBetween(issues: readonly UnitIssue[], fromMs: number, toMs: number): UnitIssue[] {
  return issues.filter((i) => i.at.getTime() > fromMs && i.at.getTime() <= toMs).sort((a, b) => a.at.getTime() - b.at.getTime());
}

/**
 * XIRR from the investor's side (docs/metrics.md, XIRR): the start value is paid in
 * (negative), a deposit is paid in (negative), a withdrawal received (positive), and the end
 * value received (positive). Zero amounts are left out; NaN becomes null.
 */
function moneyWeighted(start: { at: Date; equity: Dec } | null, inside: readonly UnitIssue[], end: { at: Date; equity: Dec }): number | null {
  const flows: DatedFlow[] = [];
  if (start && !start.equity.isZero()) flows.push({ date: start.at, amount: start.equity.negated().toNumber() });
  for (const i of inside) {
    const flow = new D(i.netFlow);
    if (!flow.isZero()) flows.push({ date: i.at, amount: flow.negated().toNumber() });
  }
  if (!end.equity.isZero()) flows.push({ date: end.at, amount: end.equity.toNumber() });
  const rate = xirr(flows);
  return Number.isFinite(rate) ? rate : null;
}

/**
 * One period between two points of the series (`start` null: from before the first
 * snapshot, when nothing was held and nothing had flowed). null when either end is a legacy
 * row (flows not yet counted there).
 */
export function unitisedPeriod(p: { start: UnitisedPoint | null; end: UnitisedPoint; issues: readonly UnitIssue[] }): PeriodResult | null {
  const { start, end } = p;
  if (end.cumNetFlows === null || (start && start.cumNetFlows === null)) return null;
  const startEquity = start ? new D(start.equity) : new D(0);
  const startCum = start ? new D(start.cumNetFlows!) : new D(0);
  const endEquity = new D(end.equity);
  const netFlows = new D(end.cumNetFlows).minus(startCum);
  const inside = issuesBetween(p.issues, start ? start.at.getTime() : -Infinity, end.at.getTime());
  const growth = navGrowth(start?.navPerUnit ?? null, inside, end.navPerUnit);
  return {
    startAt: start?.at ?? null,
    endAt: end.at,
    startEquity: toDecimalString(startEquity),
    endEquity: toDecimalString(endEquity),
    netFlows: toDecimalString(netFlows),
    pnl: toDecimalString(endEquity.minus(startEquity).minus(netFlows)),
    twr: growth === null ? null : growth.minus(1).toNumber(),
    mwr: moneyWeighted(start ? { at: start.at, equity: startEquity } : null, inside, { at: end.at, equity: endEquity }),
  };
}

/**
 * The period from instant `fromMs` to the last point. It starts from the last point before
 * `fromMs` (a point at `fromMs` itself, and the flows it holds, are inside the period, as a
 * snapshot at local midnight is inside that day's bucket). null with no point, or when an
 * end is a legacy row.
 */
export function periodSince(points: readonly UnitisedPoint[], issues: readonly UnitIssue[], fromMs: number): PeriodResult | null {
  const end = points.at(-1);
  if (!end) return null;
  let start: UnitisedPoint | null = null;
  for (const point of points) {
    if (point.at.getTime() >= fromMs) break;
    start = point;
  }
  return unitisedPeriod({ start, end, issues });
}

export const CALENDAR_PERIODS = ["day", "week", "month", "ytd"] as const;
export type CalendarPeriodId = (typeof CALENDAR_PERIODS)[number];

/**
 * Where a period to date begins, in the workspace's zone: today's local midnight, Monday's
 * (ISO week), the 1st of the month, 1 January. DST-correct (lib/time/zoned.ts).
 */
export function calendarPeriodStart(period: CalendarPeriodId, nowMs: number, timeZone: string): number {
  switch (period) {
    case "day":
      return localDayOf(timeZone, nowMs).startMs;
    case "week":
      return localWeekOf(timeZone, nowMs).startMs;
    case "month":
      return startOfLocalMonth(timeZone, nowMs);
    case "ytd":
      return startOfLocalYear(timeZone, nowMs);
  }
}
