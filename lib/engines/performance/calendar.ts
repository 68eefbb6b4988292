import { D, type Dec, toDecimalString } from "@/lib/money/decimal";
import { type CalendarPeriod, calendarKey } from "@/lib/engines/performance/calendar-keys";

export type { CalendarPeriod } from "@/lib/engines/performance/calendar-keys";

/** Equity measured at `at` before `flow` (+ deposit, − withdrawal) is applied, as for TWR. */
export interface EquityPoint {
  at: string | Date;
  equity: string;
  flow?: string;
}

export interface CalendarBucket {
  /** "2024-03-01", "2024-W09" or "2024-03" in the requested time zone. */
  key: string;
  /** Equity after flows at the end of the previous bucket (the first point's equity for the first bucket). */
  startEquity: string;
  /** Equity after flows at the bucket's last point. */
  endEquity: string;
  /** Net external flows booked at points inside the bucket. */
  flows: string;
  /** endEquity − startEquity − flows: what the market made, never what was deposited. */
  pnl: string;
  /** Time-weighted return inside the bucket; NaN when a sub-period has no defined return. */
  return: number;
  points: number;
}

const toDate = (at: string | Date) => (typeof at === "string" ? new Date(at) : at);

/**
 * Daily, ISO-weekly or monthly PnL of an equity series, cut in the viewer's time zone.
 * Exact: money is added and subtracted with decimals; only the return is a float.
 */
export function calculateCalendarPnl(
  points: EquityPoint[],
  opts: { period: CalendarPeriod; timeZone: string },
): CalendarBucket[] {
  const sorted = points
    .map((p, i) => ({ ms: toDate(p.at).getTime(), i, equity: new D(p.equity), flow: new D(p.flow ?? 0) }))
    .sort((a, b) => a.ms - b.ms || a.i - b.i);
  const first = sorted[0];
  if (!first) return [];

  const buckets: CalendarBucket[] = [];
  let current: { key: string; start: Dec; flows: Dec; growth: Dec; valid: boolean; points: number } | null = null;
  let previousAfterFlow: Dec = first.equity;

  const close = (endAfterFlow: Dec) => {
    if (!current) return;
    buckets.push({
      key: current.key,
      startEquity: toDecimalString(current.start),
      endEquity: toDecimalString(endAfterFlow),
      flows: toDecimalString(current.flows),
      pnl: toDecimalString(endAfterFlow.minus(current.start).minus(current.flows)),
      return: current.valid ? current.growth.minus(1).toNumber() : NaN,
      points: current.points,
    });
  };

  sorted.forEach((p, index) => {
    const key = calendarKey(new Date(p.ms), opts.period, opts.timeZone);
    if (!current || current.key !== key) {
      close(previousAfterFlow);
      current = { key, start: previousAfterFlow, flows: new D(0), growth: new D(1), valid: true, points: 0 };
    }
    if (index > 0) {
      const start = previousAfterFlow;
      if (start.isZero() && p.equity.isZero()) {
        // Fully withdrawn and not yet funded again: no return this sub-period.
      } else if (!start.greaterThan(0)) current.valid = false;
      else current.growth = current.growth.times(p.equity.div(start));
    }
    current.flows = current.flows.plus(p.flow);
    current.points++;
    previousAfterFlow = p.equity.plus(p.flow);
  });
  close(previousAfterFlow);
  return buckets;
}
