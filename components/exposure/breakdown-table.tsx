import type { ReactNode } from "react";
import { formatMoney, formatPct, signTone } from "@/components/format";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { signToneClass } from "@/components/ui/tone";
import { methodTitle } from "./methods";

export interface BreakdownRow {
  key: string;
  label: string;
  /** Under the label: the connection of an account, the assets of a sector. */
  detail?: ReactNode;
  value: string;
  weight: string;
  /** An extra money column (a venue's equity), when the table has one. */
  extra?: string | null;
}

/**
 * One allocation dimension (venue, account, asset class, sector): each bucket's net value and
 * its share, the engine's `allocate` (docs/metrics.md, "Allocation").
 */
export function BreakdownTable({
  name,
  keyLabel,
  rows,
  currency,
  extraLabel,
  extraTitle,
}: {
  name: string;
  keyLabel: string;
  rows: BreakdownRow[];
  currency: string;
  extraLabel?: string;
  extraTitle?: string;
}) {
  return (
    <ScrollRegion label={`${name}, scrollable`}>
      <table className="w-full whitespace-nowrap text-sm" data-testid={`breakdown-${keyLabel.toLowerCase().replace(/\s+/g, "-")}`}>
        <caption className="sr-only">{name}: net value and share, in {currency}</caption>
        <thead className="text-left text-xs uppercase tracking-wide text-fg-subtle">
          <tr className="border-b border-line">
            <th scope="col" className="py-2 pr-4">{keyLabel}</th>
            {extraLabel && (
              <th scope="col" className="py-2 pr-4 text-right" title={extraTitle}>
                {extraLabel} ({currency})
              </th>
            )}
            <th scope="col" className="py-2 pr-4 text-right" title="Spot and derivatives netted, cash included (docs/metrics.md#allocation)">
              Net value ({currency})
            </th>
            <th scope="col" className="py-2 text-right" title={methodTitle("allocation")}>Share</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} className="border-b border-line-soft last:border-0">
              <th scope="row" className="py-2 pr-4 text-left font-medium">
                {r.label}
                {r.detail && <div className="whitespace-normal text-xs font-normal text-fg-subtle">{r.detail}</div>}
              </th>
              {extraLabel && <td className="py-2 pr-4 text-right tabular-nums">{r.extra ? formatMoney(r.extra, currency) : "—"}</td>}
              <td className={`py-2 pr-4 text-right tabular-nums ${signToneClass[signTone(r.value)]}`}>{formatMoney(r.value, currency, { signed: true })}</td>
              <td className="py-2 text-right tabular-nums">{formatPct(r.weight)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
