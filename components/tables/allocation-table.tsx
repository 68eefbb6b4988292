import { SLICE_COLORS } from "@/components/charts/allocation-chart";
import { formatMoney, formatPct, formatQuantity } from "@/components/format";
import { ScrollRegion } from "@/components/ui/scroll-region";
import type { Holdings } from "@/lib/read-models/dashboard-schemas";

export function AllocationTable({ rows, currency }: { rows: Holdings["allocation"]; currency: string }) {
  return (
    <ScrollRegion label="Allocation by asset, scrollable">
      <table className="w-full whitespace-nowrap text-sm" data-testid="allocation-table">
        <thead className="text-left text-xs uppercase tracking-wide text-fg-subtle">
          <tr className="border-b border-line">
            <th className="py-2 pr-2">Asset</th>
            <th className="py-2 pr-2 text-right">Quantity</th>
            <th className="py-2 pr-2 text-right">Value</th>
            <th className="py-2 text-right">Weight</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={r.asset} className="border-b border-line-soft last:border-0">
              <td className="py-1.5 pr-2 font-medium">
                <span className="mr-2 inline-block h-2.5 w-2.5 rounded-full" style={{ background: SLICE_COLORS[i % SLICE_COLORS.length] }} />
                {r.asset}
              </td>
              <td className="py-1.5 pr-2 text-right">{formatQuantity(r.quantity)}</td>
              <td className="py-1.5 pr-2 text-right">{formatMoney(r.value, currency)}</td>
              <td className="py-1.5 text-right">{r.weight ? formatPct(r.weight) : "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
