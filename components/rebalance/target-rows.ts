import { D, sum, toDecimalString } from "@/lib/money/decimal";
import type { RebalancePreview } from "@/lib/rebalance/preview-schema";
import { percentOf } from "@/lib/rebalance/targets-input";

export interface TargetRow {
  asset: string;
  weight: string;
  band: string;
}

/** The band a new row starts with, in percent: ± 2 points. */
export const DEFAULT_BAND_PCT = "2";

/**
 * What the target form starts from: the saved targets, in percent; with none saved, today's
 * weights rounded to 0.01 %, the largest absorbing the rounding so the rows sum to exactly
 * 100 (saving them as they are keeps the portfolio as it is).
 */
export function initialRows(data: RebalancePreview): TargetRow[] {
  if (data.targets.length > 0) return data.targets.map((t) => ({ asset: t.asset, weight: percentOf(t.weight), band: percentOf(t.band) }));
  const held = data.rows.filter((r) => r.currentWeight !== null && new D(r.currentWeight).gt(0));
  if (held.length === 0) return [{ asset: "", weight: "", band: DEFAULT_BAND_PCT }];
  const rounded = held.map((r) => ({ asset: r.asset, weight: new D(r.currentWeight!).times(100).toDecimalPlaces(2) }));
  const gap = new D(100).minus(sum(rounded.map((r) => r.weight)));
  const largest = rounded.reduce((m, r) => (r.weight.gt(m.weight) ? r : m));
  return rounded.map((r) => ({ asset: r.asset, weight: toDecimalString(r === largest ? r.weight.plus(gap) : r.weight), band: DEFAULT_BAND_PCT }));
}

/** The rows' sum in percent, or null while a weight is not a number. */
export function rowsSum(rows: TargetRow[]): string | null {
  try {
    return toDecimalString(sum(rows.map((r) => (r.weight.trim() === "" ? "0" : r.weight.trim()))));
  } catch {
    return null;
  }
}
