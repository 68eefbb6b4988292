import { annualReturn, DEFAULT_PERIODS_PER_YEAR } from "@/lib/engines/performance/returns";

/**
 * Drawdown from the running peak of compounded returns, as a negative fraction. The equity
 * starts at 1 before the first return, so a first-period loss is already a drawdown; a NaN
 * return counts as no change.
 */
export function drawdownSeries(returns: number[]): number[] {
  const out = new Array<number>(returns.length);
  let value = 1;
  let peak = 1;
  for (let i = 0; i < returns.length; i++) {
    const r = returns[i]!;
    if (r === r) value *= 1 + r;
    if (value > peak) peak = value;
    out[i] = (value - peak) / peak;
  }
  return out;
}

/** min((E − peak) / peak); empty → NaN, never below water → 0. */
export function maxDrawdown(returns: number[]): number {
  if (returns.length === 0) return NaN;
  let value = 1;
  let peak = 1;
  let worst = 0;
  for (let i = 0; i < returns.length; i++) {
    const r = returns[i]!;
    if (r === r) value *= 1 + r;
    if (value > peak) peak = value;
    const dd = (value - peak) / peak;
    if (dd < worst) worst = dd;
  }
  return worst;
}

/** CAGR / |max drawdown|, only when there was a drawdown; otherwise NaN, never ∞. */
export function calmarRatio(returns: number[], opts: { periodsPerYear?: number } = {}): number {
  const mdd = maxDrawdown(returns);
  if (!(mdd < 0)) return NaN;
  const ratio = annualReturn(returns, { periodsPerYear: opts.periodsPerYear ?? DEFAULT_PERIODS_PER_YEAR }) / Math.abs(mdd);
  return Number.isFinite(ratio) ? ratio : NaN;
}

export interface ValuePoint {
  at: string | Date;
  value: number;
}

export interface DrawdownPeriod {
  peakAt: string;
  peakValue: number;
  troughAt: string;
  troughValue: number;
  /** First point back at or above the peak; null while still under water. */
  recoveryAt: string | null;
  /** (trough − peak) / peak, a negative fraction. */
  depth: number;
}

export interface DrawdownAnalysis {
  series: { at: string; drawdown: number }[];
  /** Every episode under water, deepest first. */
  periods: DrawdownPeriod[];
  maxDrawdown: number;
}

const iso = (at: string | Date): string => (typeof at === "string" ? new Date(at).toISOString() : at.toISOString());

/**
 * Drawdown episodes of a value series with their dates. Pass a performance index
 * (`cumulativeReturns(flowAdjustedReturns(...), 1)` with its dates), not raw equity:
 * a withdrawal is not a drawdown.
 */
export function calculateDrawdowns(points: ValuePoint[]): DrawdownAnalysis {
  const series: { at: string; drawdown: number }[] = [];
  const periods: DrawdownPeriod[] = [];
  let peak = -Infinity;
  let peakAt = "";
  let open: DrawdownPeriod | null = null;

  for (const p of points) {
    const at = iso(p.at);
    if (p.value >= peak) {
      if (open) {
        open.recoveryAt = at;
        periods.push(open);
        open = null;
      }
      peak = p.value;
      peakAt = at;
      series.push({ at, drawdown: 0 });
      continue;
    }
    const drawdown = (p.value - peak) / peak;
    series.push({ at, drawdown });
    if (!open) {
      open = { peakAt, peakValue: peak, troughAt: at, troughValue: p.value, recoveryAt: null, depth: drawdown };
    } else if (p.value < open.troughValue) {
      open.troughAt = at;
      open.troughValue = p.value;
      open.depth = drawdown;
    }
  }
  if (open) periods.push(open);
  periods.sort((a, b) => a.depth - b.depth);
  const deepest = periods[0]?.depth ?? 0;
  return { series, periods, maxDrawdown: points.length === 0 ? NaN : deepest };
}
