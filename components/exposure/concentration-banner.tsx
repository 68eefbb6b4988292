import { formatPct } from "@/components/format";
import type { Exposure } from "@/lib/read-models/exposure-schemas";

/**
 * The >50 % single-asset flag (docs/metrics.md, "Concentration"): an alert that names each
 * asset over the threshold and its share, so it is read out by screen readers as it appears.
 */
export function ConcentrationBanner({ concentration }: { concentration: NonNullable<Exposure["concentration"]> }) {
  if (concentration.breaches.length === 0) return null;
  const threshold = formatPct(concentration.threshold);
  return (
    <div
      role="alert"
      data-testid="concentration-flag"
      className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950/50 dark:text-amber-100"
    >
      <p className="font-medium">
        <span aria-hidden="true">⚠ </span>Concentration: {concentration.breaches.map((b) => `${b.asset} is ${formatPct(b.weight)}`).join(", ")} of the
        portfolio, above the {threshold} single-asset limit.
      </p>
      <p className="mt-1 text-amber-900 dark:text-amber-200">Share = |net value| ÷ Σ |net value| over assets, spot and derivatives netted.</p>
    </div>
  );
}
