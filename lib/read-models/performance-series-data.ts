import type { Db } from "@/db/client";
import { benchmarkPricesAt } from "@/db/queries/benchmark-prices";
import { readEquityRollups, readLatestRollup } from "@/db/queries/rollups";
import { calculateCalendarPnl, calculateDrawdowns, rollingSharpe, rollingVolatility } from "@/lib/engines/performance";
import { calendarKey } from "@/lib/engines/performance/calendar-keys";
import { UNITISED_PERIODS_PER_YEAR } from "@/lib/engines/performance/unitised-risk";
import type { UnitisedPoint } from "@/lib/engines/performance/unitised-periods";
import type { ResolvedPortfolio } from "@/lib/portfolios/resolve";
import { D, type Dec, toDecimalString } from "@/lib/money/decimal";
import { addLocalDays } from "@/lib/time/zoned";
import {
  ROLLING_WINDOW_DAYS,
  type MonthlyReturn,
  type PerformanceSeries,
  type RollingPoint,
  type SeriesPoint,
  type SeriesRequest,
} from "./performance-series-schemas";
import { loadSelectionSeries, selectionBasis } from "./selection-series";

/** JSON has no NaN or ∞: an undefined statistic is sent as null. */
const finite = (x: number) => (Number.isFinite(x) ? x : null);
/** Cumulative returns to 12 decimals: far below a chart's pixel and a percentage's 2 decimals. */
const ratioMinusOne = (value: Dec, base: Dec) => toDecimalString(value.div(base).minus(1).toDecimalPlaces(12));

interface NavRow {
  at: Date;
  nav: string | null;
}

const dayOf = (iso: string) => {
  const [year, month, day] = iso.split("-").map(Number) as [number, number, number];
  return { year, month, day };
};
const lastDayOfMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const pad = (n: number) => String(n).padStart(2, "0");

function seriesMethods(timeZone: string, asset: SeriesRequest["benchmark"], basis: string | null): PerformanceSeries["methods"] {
  const source = basis ? "" : ` from the 1d roll-ups (each day's last snapshot in ${timeZone})`;
  const methods = {
    cumulative: `Flow-adjusted: NAV per unit${source} ÷ NAV per unit at the close before the range − 1; deposits and withdrawals never move it`,
    benchmark:
      asset === "none"
        ? "No benchmark"
        : `Benchmark: ${asset}'s spot price in the base currency as this workspace's snapshots recorded it (a venue's quote or the reference index) at each day's close, rebased to 0 % at the first day with a price`,
    underwater: "Underwater: NAV per unit ÷ its running peak since the range's start − 1 (a withdrawal is never a drawdown)",
    monthly: `Monthly return: NAV per unit at the last close of each month in ${timeZone} ÷ at the previous month's last close − 1; a month the range or the history cuts is marked partial`,
    rolling: `Rolling ${ROLLING_WINDOW_DAYS} days: the sample standard deviation of the last ${ROLLING_WINDOW_DAYS} daily NAV-per-unit returns × √${UNITISED_PERIODS_PER_YEAR}, and their mean ÷ that deviation × √${UNITISED_PERIODS_PER_YEAR} (Sharpe, risk-free rate 0)`,
  };
  if (!basis) return methods;
  // A selection's NAV per unit is not the roll-ups': say what it is on every series drawn from it.
  const on = (text: string) => `${text}. Measured ${basis}`;
  return { ...methods, cumulative: on(methods.cumulative), underwater: on(methods.underwater), monthly: on(methods.monthly), rolling: on(methods.rolling) };
}

interface SourceRow extends NavRow {
  /** Where the row's local day starts (a roll-up's bucket start; a daily point's own instant, inside its day). */
  start: number;
}

/** The workspace's rows: its 1d roll-ups from the warm-up on, and the last one before the range when the warm-up has none. */
async function workspaceRows(db: Db, p: { ownerId: string; warmupMs: number; startMs: number; endMs: number }) {
  const read = await readEquityRollups(db, { ownerId: p.ownerId, bucket: "1d", from: new Date(p.warmupMs) });
  const rows: SourceRow[] = read.filter((r) => r.bucketStart.getTime() < p.endMs).map((r) => ({ at: r.lastAt, nav: r.navPerUnit, start: r.bucketStart.getTime() }));
  return {
    rows,
    olderBase: async (): Promise<NavRow | null> => {
      const older = await readLatestRollup(db, { ownerId: p.ownerId, bucket: "1d", before: new Date(p.startMs) });
      return older ? { at: older.lastAt, nav: older.navPerUnit } : null;
    },
  };
}

/** A selection's rows: its daily series (selection-series.ts), from the warm-up on. */
function selectionRows(points: readonly UnitisedPoint[], p: { warmupMs: number; startMs: number; endMs: number }) {
  const all = points.map((pt) => ({ at: pt.at, nav: pt.navPerUnit, start: pt.at.getTime() }));
  return {
    rows: all.filter((r) => r.start >= p.warmupMs && r.start < p.endMs),
    olderBase: async (): Promise<NavRow | null> => all.filter((r) => r.start < p.startMs).at(-1) ?? null,
  };
}

/** Local-month returns of the NAV series from the engine; a first bucket holding only the base (the month before the range) is dropped. */
function monthlyReturns(navs: Array<{ at: Date; nav: string }>, p: { timeZone: string; from: string; to: string; baseBeforeRange: boolean }): MonthlyReturn[] {
  let buckets = calculateCalendarPnl(
    navs.map((n) => ({ at: n.at, equity: n.nav })),
    { period: "month", timeZone: p.timeZone },
  );
  if (p.baseBeforeRange && buckets[0]?.points === 1 && buckets[0].key === calendarKey(navs[0]!.at, "month", p.timeZone)) buckets = buckets.slice(1);
  return buckets.map((b, i) => {
    const [year, month] = b.key.split("-").map(Number) as [number, number];
    const monthStart = `${b.key}-01`;
    const monthEnd = `${b.key}-${pad(lastDayOfMonth(year, month))}`;
    const partial = p.from > monthStart || p.to < monthEnd || (i === 0 && !p.baseBeforeRange);
    return { key: b.key, year, month, return: finite(b.return), partial };
  });
}

/** Rolling statistics over consecutive daily NAV returns (exact ratios, floats only at the end); kept from the range's start on. */
function rollingStats(rows: NavRow[], startMs: number): RollingPoint[] {
  const returns: Array<{ at: Date; value: number }> = [];
  let previous: Dec | null = null;
  for (const r of rows) {
    if (r.nav === null) continue;
    const nav = new D(r.nav);
    if (previous !== null && previous.greaterThan(0)) returns.push({ at: r.at, value: nav.div(previous).minus(1).toNumber() });
    previous = nav;
  }
  const values = returns.map((r) => r.value);
  if (values.length < ROLLING_WINDOW_DAYS) return [];
  const vol = rollingVolatility(values, ROLLING_WINDOW_DAYS, { periodsPerYear: UNITISED_PERIODS_PER_YEAR });
  const sharpe = rollingSharpe(values, ROLLING_WINDOW_DAYS, { periodsPerYear: UNITISED_PERIODS_PER_YEAR, riskFree: 0 });
  return vol
    .map((v, k) => ({ at: returns[k + ROLLING_WINDOW_DAYS - 1]!.at, volatility: finite(v), sharpe: finite(sharpe[k]!) }))
    .filter((p) => p.at.getTime() >= startMs)
    .map((p) => ({ ...p, at: p.at.toISOString() }));
}

/**
 * The /performance charts' series over local days [from, to] in the workspace's zone, from
 * its 1d roll-ups only (never raw snapshots): cumulative flow-adjusted return against a
 * benchmark, the underwater series, monthly returns by local month, and rolling 30-day
 * volatility and Sharpe. The range is measured from the last close before `from` (the
 * base, shown as the first point at 0 %); the rolling window warms up on the 30 days before.
 */
export async function loadPerformanceSeries(
  db: Db,
  p: { ownerId: string; baseCurrency: string; timeZone: string; portfolio?: ResolvedPortfolio } & SeriesRequest,
): Promise<PerformanceSeries> {
  const startMs = addLocalDays(p.timeZone, dayOf(p.from), 0).startMs;
  const endMs = addLocalDays(p.timeZone, dayOf(p.to), 1).startMs;
  const warmupMs = addLocalDays(p.timeZone, dayOf(p.from), -(ROLLING_WINDOW_DAYS + 1)).startMs;
  const selection = p.portfolio && p.portfolio.kind !== "workspace" ? p.portfolio : null;
  const bounds = { warmupMs, startMs, endMs };
  const { rows, olderBase } = selection
    ? selectionRows((await loadSelectionSeries(db, { ownerId: p.ownerId, baseCurrency: p.baseCurrency, portfolio: selection })).points, bounds)
    : await workspaceRows(db, { ownerId: p.ownerId, ...bounds });
  const inRange: NavRow[] = rows.filter((r) => r.start >= startMs);
  let before: NavRow | null = rows.filter((r) => r.start < startMs).at(-1) ?? null;
  if (!before && inRange.length > 0) before = await olderBase();
  const base = before?.nav != null ? before : (inRange.find((r) => r.nav !== null) ?? null);
  const baseBeforeRange = base !== null && base === before;
  const shown = baseBeforeRange ? [base, ...inRange] : inRange;
  const methods = seriesMethods(p.timeZone, p.benchmark, selection ? selectionBasis(selection, p.timeZone) : null);
  const rolling = { window: ROLLING_WINDOW_DAYS, periodsPerYear: UNITISED_PERIODS_PER_YEAR, riskFree: 0 };

  if (inRange.length === 0 || base === null) {
    return {
      baseCurrency: p.baseCurrency,
      timeZone: p.timeZone,
      from: p.from,
      to: p.to,
      state: inRange.length === 0 ? "empty" : "not_counted",
      baseAt: null,
      points: [],
      maxDrawdown: null,
      benchmark: { asset: p.benchmark, state: p.benchmark === "none" ? "none" : "missing", rebasedAt: null, rebasePrice: null },
      monthly: [],
      rolling: { ...rolling, points: [] },
      methods,
    };
  }

  const baseNav = new D(base.nav!);
  const navs = shown.filter((r): r is { at: Date; nav: string } => r.nav !== null);
  const underwater = calculateDrawdowns(navs.map((n) => ({ at: n.at, value: new D(n.nav).toNumber() })));
  const drawdownAt = new Map(underwater.series.map((s) => [s.at, s.drawdown]));

  const prices =
    p.benchmark === "none"
      ? shown.map(() => null)
      : (await benchmarkPricesAt(db, { ownerId: p.ownerId, baseCurrency: p.baseCurrency, asset: p.benchmark, instants: shown.map((r) => r.at) })).map((x) =>
          x === null ? null : new D(x.price).times(x.fxRate),
        );
  const rebaseIndex = prices.findIndex((x) => x !== null && x.greaterThan(0));
  const rebase = rebaseIndex >= 0 ? prices[rebaseIndex]! : null;

  const points: SeriesPoint[] = shown.map((r, i) => {
    const at = r.at.toISOString();
    const price = prices[i];
    return {
      at,
      navPerUnit: r.nav,
      cumulativeReturn: r.nav === null ? null : ratioMinusOne(new D(r.nav), baseNav),
      benchmarkReturn: rebase && price && i >= rebaseIndex ? ratioMinusOne(price, rebase) : null,
      drawdown: r.nav === null ? null : (drawdownAt.get(at) ?? null),
    };
  });
  const priced = prices.filter((x) => x !== null).length;

  return {
    baseCurrency: p.baseCurrency,
    timeZone: p.timeZone,
    from: p.from,
    to: p.to,
    state: "ok",
    baseAt: base.at.toISOString(),
    points,
    maxDrawdown: finite(underwater.maxDrawdown),
    benchmark: {
      asset: p.benchmark,
      state: p.benchmark === "none" ? "none" : priced === 0 ? "missing" : priced === prices.length ? "ok" : "partial",
      rebasedAt: rebase ? shown[rebaseIndex]!.at.toISOString() : null,
      rebasePrice: rebase ? toDecimalString(rebase) : null,
    },
    monthly: monthlyReturns(navs, { timeZone: p.timeZone, from: p.from, to: p.to, baseBeforeRange }),
    rolling: { ...rolling, points: rollingStats(rows, startMs) },
    methods,
  };
}
