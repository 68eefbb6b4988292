import { calculateRebalance, type RebalanceResult } from "@/lib/engines/rebalance";
import { D, sum, toDecimalString } from "@/lib/money/decimal";
import type { StoredTarget } from "@/db/queries/rebalance-targets";
import { type Leg, splitIntoLegs, type VenueBalance } from "./venue-legs";

/**
 * The plan's arithmetic, without the database: the rebalance engine on the selection's
 * holdings (summed over accounts) with the saved targets and each asset's band, then the
 * engine's trades split into legs per venue account with their estimated fees.
 */
export interface PlanInput {
  baseCurrency: string;
  balances: VenueBalance[];
  /** asset → price in the base currency (latest snapshots). */
  prices: Record<string, string>;
  targets: StoredTarget[];
}

export interface PlanCore {
  engine: RebalanceResult;
  /** The weights the engine was given: the saved ones, summing to exactly 1 (see `exactTargets`). */
  weights: Record<string, string>;
  legs: Leg[];
  /** Assets to buy that no account of the selection can take (nothing is held anywhere). */
  unplaced: string[];
  fees: string;
}

/**
 * Saved targets sum to 100 % within ± 0.01 points; the engine wants at most 1 and gives any
 * shortfall to cash. So the difference from exactly 1 (at most 0.0001) is added to, or
 * taken from, the largest target: the set the engine sees sums to exactly 1 and no target
 * is silently turned into cash.
 */
export function exactTargets(targets: StoredTarget[]): Record<string, string> {
  if (targets.length === 0) return {};
  const gap = new D(1).minus(sum(targets.map((t) => t.weight)));
  const largest = [...targets].sort((a, b) => new D(b.weight).comparedTo(a.weight) || a.asset.localeCompare(b.asset))[0]!;
  return Object.fromEntries(targets.map((t) => [t.asset, toDecimalString(t.asset === largest.asset ? new D(t.weight).plus(gap) : new D(t.weight))]));
}

export function planRebalance(input: PlanInput): PlanCore {
  const quantities = new Map<string, string>();
  for (const b of input.balances) quantities.set(b.asset, toDecimalString(new D(quantities.get(b.asset) ?? 0).plus(b.quantity)));
  const weights = exactTargets(input.targets);
  const engine = calculateRebalance({
    baseCurrency: input.baseCurrency,
    prices: input.prices,
    holdings: [...quantities].map(([asset, quantity]) => ({ asset, quantity })),
    targets: weights,
    tolerances: Object.fromEntries(input.targets.map((t) => [t.asset, t.band])),
  });
  // Without targets there is nothing to trade toward: the engine would sell everything into cash.
  const { legs, unplaced } = input.targets.length === 0 ? { legs: [], unplaced: [] } : splitIntoLegs(engine.rows, input.balances, input.baseCurrency);
  return { engine, weights, legs, unplaced, fees: toDecimalString(sum(legs.map((l) => l.fee))) };
}
