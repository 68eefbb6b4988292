import { D, type Dec, toDecimalString } from "@/lib/money/decimal";
import type { AllocationBucket } from "@/lib/engines/exposure/allocation";

export interface Concentration {
  /** The largest asset weight, or null for an empty portfolio. */
  top1: { asset: string; weight: string } | null;
  /** Σ of the five largest asset weights. */
  top5Weight: string;
  /** Herfindahl–Hirschman index Σ wᵢ², from 1/N (evenly spread) to 1 (one asset). */
  herfindahl: string;
  threshold: string;
  /** Assets above the threshold (cash-like assets only when `flagCash`). */
  breaches: { asset: string; weight: string }[];
  flagged: boolean;
}

export function calculateConcentration(
  byAsset: AllocationBucket[],
  options: { threshold: Dec; isCash: (asset: string) => boolean; flagCash: boolean },
): Concentration {
  const weights = byAsset.map((b) => ({ asset: b.key, w: new D(b.weight) }));
  let hhi = new D(0);
  let top5 = new D(0);
  weights.forEach(({ w }, i) => {
    hhi = hhi.plus(w.times(w));
    if (i < 5) top5 = top5.plus(w);
  });
  const breaches = weights
    .filter(({ asset, w }) => w.greaterThan(options.threshold) && (options.flagCash || !options.isCash(asset)))
    .map(({ asset, w }) => ({ asset, weight: toDecimalString(w) }));
  const first = weights[0];
  return {
    top1: first ? { asset: first.asset, weight: toDecimalString(first.w) } : null,
    top5Weight: toDecimalString(top5),
    herfindahl: toDecimalString(hhi),
    threshold: toDecimalString(options.threshold),
    breaches,
    flagged: breaches.length > 0,
  };
}
