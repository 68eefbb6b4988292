import { D, type Dec, toDecimalString } from "@/lib/money/decimal";
import type { Leg } from "@/lib/engines/exposure/legs";

export interface AllocationBucket {
  key: string;
  /** Signed net value in the base currency (spot and derivatives netted). */
  value: string;
  /** |value| / Σ|value| over the buckets of this dimension; a fraction, the buckets sum to 1. */
  weight: string;
}

export interface Allocation {
  byAsset: AllocationBucket[];
  byVenue: AllocationBucket[];
  byAccount: AllocationBucket[];
  byAssetClass: AllocationBucket[];
  byCurrency: AllocationBucket[];
  bySector: AllocationBucket[];
}

/**
 * Net value per key, weighted by absolute value so that a short still takes its share of
 * the pie and the weights of one dimension always sum to 1.
 */
export function allocate(legs: Leg[], keyOf: (leg: Leg) => string): AllocationBucket[] {
  const nets = new Map<string, Dec>();
  for (const leg of legs) {
    const key = keyOf(leg);
    nets.set(key, (nets.get(key) ?? new D(0)).plus(leg.value));
  }
  let denominator = new D(0);
  for (const v of nets.values()) denominator = denominator.plus(v.abs());
  if (denominator.isZero()) return [];
  return [...nets.entries()]
    .filter(([, v]) => !v.isZero())
    .map(([key, v]) => ({ key, v, w: v.abs().div(denominator) }))
    .sort((a, b) => b.w.comparedTo(a.w) || a.key.localeCompare(b.key))
    .map(({ key, v, w }) => ({ key, value: toDecimalString(v), weight: toDecimalString(w) }));
}

export function calculateAllocationFromLegs(legs: Leg[]): Allocation {
  return {
    byAsset: allocate(legs, (l) => l.underlying),
    byVenue: allocate(legs, (l) => l.venue),
    byAccount: allocate(legs, (l) => l.accountUid),
    byAssetClass: allocate(legs, (l) => l.assetClass),
    byCurrency: allocate(legs, (l) => l.currency),
    bySector: allocate(legs, (l) => l.sector),
  };
}
