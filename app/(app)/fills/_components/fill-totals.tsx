import { formatQuantity } from "@/components/format";
import { Skeleton } from "@/components/ui/skeleton";
import type { AssetTotal, FillTotals } from "@/lib/read-models/fill-schemas";

const term = "text-xs font-medium text-fg-subtle";

function Sums({ label, sums, none }: { label: string; sums: AssetTotal[]; none: string }) {
  return (
    <div className="min-w-0">
      <dt className={term}>{label}</dt>
      <dd className="mt-0.5 text-sm text-fg">
        {sums.length === 0 ? (
          <span className="text-fg-subtle">{none}</span>
        ) : (
          <ul className="space-y-0.5">
            {sums.map((s) => (
              <li key={s.asset ?? ""} className="tabular-nums" title={`${s.total} exactly, over ${s.fills} fill${s.fills === 1 ? "" : "s"}`}>
                {formatQuantity(s.total)} <span className="text-xs text-fg-subtle">{s.asset ?? "(quote not named by the symbol)"}</span>
              </li>
            ))}
          </ul>
        )}
      </dd>
    </div>
  );
}

/**
 * The totals of every fill the filters match, not only the page shown: volume (Σ quantity
 * by base asset, Σ price × quantity by quote asset) and fees by fee asset, summed exactly.
 * Assets are never added to each other.
 */
export function FillTotalsPanel({ totals }: { totals: FillTotals | undefined }) {
  if (!totals) return <Skeleton className="h-20" />;
  const n = `${totals.fills.toLocaleString("en-US")} fill${totals.fills === 1 ? "" : "s"}`;
  return (
    <section aria-label="Totals of the matching fills" className="rounded-lg border border-line p-3">
      <dl className="grid grid-cols-1 gap-x-6 gap-y-3 sm:grid-cols-2 lg:grid-cols-4">
        <div>
          <dt className={term}>Fills</dt>
          <dd className="mt-0.5 text-sm tabular-nums text-fg">{totals.fills.toLocaleString("en-US")}</dd>
        </div>
        <Sums label="Volume, quantity (by base asset)" sums={totals.quantity} none="none" />
        <Sums label="Volume, notional (by quote asset)" sums={totals.notional} none="none" />
        <Sums label="Fees (by fee asset)" sums={totals.fees} none="none" />
      </dl>
      <p className="mt-2 text-xs text-fg-subtle">
        Method: Σ price × quantity and Σ quantity over the {n} matching the filters, by asset; fees Σ fee by fee asset. Exact decimal sums over the whole filtered set, not
        only this page; different assets are never added together.
      </p>
    </section>
  );
}
