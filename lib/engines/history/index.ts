import { type Amount, amount, amountToString, minus, plus, ZERO_AMOUNT as ZERO } from "@/lib/money/amount";
import { walkBackwards } from "@/lib/engines/history/backward-walk";
import { dayGrid } from "@/lib/engines/history/day-grid";
import { AssetIndex, normaliseEvents } from "@/lib/engines/history/events";
import { replayForwards } from "@/lib/engines/history/forward-replay";
import { navSeries } from "@/lib/engines/history/nav-series";
import { priceGrid } from "@/lib/engines/history/price-grid";
import type { UnitIssue } from "@/lib/engines/performance/unitised-periods";
import { localDate, isoDate } from "@/lib/time/zoned";
import type { AssetSeries, HistoryDay, HistoryInput, PortfolioSeries, ResidualEvent } from "@/lib/engines/history/types";

export type * from "@/lib/engines/history/types";
export { historyPerformance, assetPnl, assetUnrealised, ROLLING_RANGES, type HistoryPerformance, type RangeResult, type RollingRange } from "@/lib/engines/history/ranges";

/**
 * History reconstruction (issue 18): past holdings, value and PnL, day by day, from fills,
 * flows, income and daily closes, anchored on today's venue balances.
 *
 * 1. day-grid: the local days of the workspace's zone;
 * 2. events: fills, flows and income as holding changes on their day;
 * 3. backward-walk: from today's balances back to the first day; what nothing explains
 *    becomes a residual event (never hidden, never performance);
 * 4. forward-replay: from zero with the residuals, cost basis by FIFO and average cost,
 *    value at the day's close (carried forward and marked where a day has none);
 * 5. nav-series: the unit ledger, NAV per unit.
 *
 * Pure: no database, no clock, no Node built-ins. Definitions: docs/metrics.md, "Reconstructed history".
 */
export interface HistoryResult {
  baseCurrency: string;
  days: HistoryDay[];
  /** Every asset met (the base currency included), in order of first appearance. */
  assets: AssetSeries[];
  portfolio: PortfolioSeries;
  residuals: ResidualEvent[];
  /** The unit ledger's issues (for ranges: historyPerformance). */
  issues: UnitIssue[];
}

function balancesOf(record: Readonly<Record<string, string>>, assets: AssetIndex, field: string): Map<number, Amount> {
  const out = new Map<number, Amount>();
  for (const [asset, text] of Object.entries(record)) {
    let a: Amount;
    try {
      a = amount(text);
    } catch {
      throw new RangeError(`${field}.${asset} must be a decimal, got ${JSON.stringify(text)}`);
    }
    out.set(assets.of(asset), a);
  }
  return out;
}

const dense = (m: Map<number, Amount>, n: number) => Array.from({ length: n }, (_, a) => m.get(a) ?? ZERO);

function firstEventDate(input: HistoryInput): string {
  let min = Infinity;
  for (const list of [input.fills, input.flows, input.income]) {
    for (const e of list ?? []) {
      const ms = typeof e.at === "number" ? e.at : e.at instanceof Date ? e.at.getTime() : Date.parse(e.at);
      if (ms < min) min = ms;
    }
  }
  return Number.isFinite(min) ? isoDate(localDate(min, input.timeZone)) : input.to;
}

export function reconstructHistory(input: HistoryInput): HistoryResult {
  if (!input.baseCurrency) throw new RangeError("baseCurrency is required");
  const days = dayGrid(input.timeZone, input.from ?? firstEventDate(input), input.to);
  const assets = new AssetIndex();
  const base = assets.of(input.baseCurrency);
  const today = balancesOf(input.balances, assets, "balances");
  const observedByName = (input.observed ?? []).map((o, k) => {
    const day = days.findIndex((d) => d.date === o.date);
    if (day < 0) throw new RangeError(`observed[${k}].date ${o.date} is outside the series`);
    return { day, balances: balancesOf(o.balances, assets, `observed[${k}].balances`) };
  });
  const events = normaliseEvents(input, days, assets);
  const A = assets.names.length;
  const balances = dense(today, A);
  const observed = new Map(observedByName.map((o) => [o.day, dense(o.balances, A)]));
  const residuals = walkBackwards({ dayCount: days.length, assetCount: A, events, balances, observed });
  const dayOf = new Map(days.map((d, i) => [d.date, i]));
  const prices = assets.names.map((name, a) => priceGrid(name, input.prices[name], dayOf, days[0]!.date, days.length, a === base));
  const { assets: series, totals, residualValues } = replayForwards({ dayCount: days.length, assets: assets.names, base, events, residuals, prices, balances });

  const n = days.length;
  const cash = series[base]!.value;
  const unrealisedFifo = new Array<Amount>(n);
  const unrealisedAvg = new Array<Amount>(n);
  const cumNetFlows = new Array<Amount>(n);
  const pnl = new Array<Amount>(n);
  const dayFlows = new Array<Amount>(n);
  let cum = ZERO;
  for (let i = 0; i < n; i++) {
    const invested = minus(totals.value[i]!, cash[i]!);
    unrealisedFifo[i] = minus(invested, totals.costBasis.fifo[i]!);
    unrealisedAvg[i] = minus(invested, totals.costBasis.average[i]!);
    dayFlows[i] = plus(totals.netFlows[i]!, totals.residualFlows[i]!);
    cum = plus(cum, dayFlows[i]!);
    cumNetFlows[i] = cum;
    pnl[i] = minus(totals.value[i]!, cum);
  }
  const nav = navSeries({ endMs: days.map((d) => d.endMs), value: totals.value, flows: dayFlows });
  const portfolio: PortfolioSeries = {
    value: totals.value,
    costBasis: totals.costBasis,
    realised: totals.realised,
    unrealised: { fifo: unrealisedFifo, average: unrealisedAvg },
    fees: totals.fees,
    funding: totals.funding,
    income: totals.income,
    netFlows: totals.netFlows,
    residualFlows: totals.residualFlows,
    cumNetFlows,
    pnl,
    navPerUnit: nav.navPerUnit,
    units: nav.units,
    carriedAssets: totals.carriedAssets,
    unpricedAssets: totals.unpricedAssets,
  };
  const residualEvents: ResidualEvent[] = residualValues.map(({ residual: r, value }) => ({
    kind: r.kind,
    date: days[r.day]!.date,
    asset: assets.names[r.asset]!,
    quantity: amountToString(r.qty),
    value: value === null ? null : amountToString(value),
    at: r.at,
  }));
  return { baseCurrency: input.baseCurrency, days, assets: series, portfolio, residuals: residualEvents, issues: nav.issues };
}

