import { ScrollRegion } from "@/components/ui/scroll-region";
import { signToneClass } from "@/components/ui/tone";
import type { MetricRow } from "./metric-rows";

/**
 * One row per metric: its value, its method in words, and the anchor of docs/metrics.md
 * that defines it (shown as text with the file in its title, and in `data-doc`, as the
 * overview's metrics bar does: the docs are in the repository, not served). Below the md
 * breakpoint the method and anchor move under the metric's name, so a phone shows each value
 * beside its name instead of scrolled off to the right of it.
 */
export function MetricsTable({ rows }: { rows: readonly MetricRow[] }) {
  return (
    <ScrollRegion label="Performance metrics, scrollable">
      <table className="w-full text-sm" data-testid="metrics-table">
        <caption className="sr-only">Performance metrics over the selected range, with each method</caption>
        <thead className="text-left text-xs uppercase tracking-wide text-fg-subtle">
          <tr className="border-b border-line">
            <th scope="col" className="py-2 pr-3">Metric</th>
            <th scope="col" className="py-2 pr-3 text-right">Value</th>
            <th scope="col" className="hidden py-2 pr-3 md:table-cell">Method</th>
            <th scope="col" className="hidden py-2 md:table-cell">Definition</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} data-testid={`metric-${r.id}`} data-doc={r.doc} className="border-b border-line-soft align-top last:border-0">
              <th scope="row" className="py-1.5 pr-3 text-left font-medium md:whitespace-nowrap">
                {r.label}
                <span className="block text-xs font-normal text-fg-muted md:hidden">{r.method}</span>
                <code title={`Defined in ${r.doc}`} className="block text-xs font-normal break-all text-fg-subtle md:hidden">
                  #{r.doc.split("#")[1]}
                </code>
              </th>
              <td className="py-1.5 pr-3 text-right tabular-nums">
                <span className={`font-medium whitespace-nowrap ${signToneClass[r.tone]}`}>{r.value}</span>
                {r.detail && <span className="block text-xs text-fg-subtle md:whitespace-nowrap">{r.detail}</span>}
              </td>
              <td className="hidden min-w-56 py-1.5 pr-3 text-xs text-fg-muted md:table-cell">{r.method}</td>
              <td className="hidden py-1.5 text-xs md:table-cell">
                <code title={`Defined in ${r.doc}`} className="break-all text-fg-subtle">
                  #{r.doc.split("#")[1]}
                </code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
