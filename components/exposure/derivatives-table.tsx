import { formatMoney, formatPct, formatQuantity } from "@/components/format";
import { Badge } from "@/components/ui/badge";
import { ScrollRegion } from "@/components/ui/scroll-region";
import type { Exposure } from "@/lib/read-models/exposure-schemas";
import { times } from "./exposure-format";
import { LIQUIDATION_MISSING, methodTitle } from "./methods";

const num = "py-2 pr-4 text-right tabular-nums";

function Distance({ d }: { d: Exposure["derivatives"][number] }) {
  if (d.liquidationDistance === null) {
    const why = LIQUIDATION_MISSING[d.liquidationMissing ?? "not_reported"];
    return (
      <span className="text-fg-subtle" title={why}>
        — <span className="text-xs">({why})</span>
      </span>
    );
  }
  // Past the liquidation price (the venue has not closed it yet) is a loss-side number.
  const past = d.liquidationDistance.startsWith("-");
  return <span className={past ? "font-medium text-rose-700 dark:text-rose-400" : undefined}>{formatPct(d.liquidationDistance)}</span>;
}

/** Each open derivative with its liquidation price, the distance to it from the mark, and its margin mode. */
export function DerivativesTable({ rows }: { rows: Exposure["derivatives"] }) {
  return (
    <ScrollRegion label="Derivatives and liquidation, scrollable">
      <table className="w-full whitespace-nowrap text-sm" data-testid="derivatives-table">
        <caption className="sr-only">Open derivatives: mark, liquidation price, distance to liquidation and margin mode</caption>
        <thead className="text-left text-xs uppercase tracking-wide text-fg-subtle">
          <tr className="border-b border-line">
            <th scope="col" className="py-2 pr-4">Symbol</th>
            <th scope="col" className="py-2 pr-4">Side</th>
            <th scope="col" className="py-2 pr-4 text-right">Size</th>
            <th scope="col" className="py-2 pr-4 text-right">Notional</th>
            <th scope="col" className="py-2 pr-4 text-right">Mark</th>
            <th scope="col" className="py-2 pr-4 text-right">Liq. price</th>
            <th scope="col" className="py-2 pr-4 text-right" title={methodTitle("liquidation")}>To liquidation</th>
            <th scope="col" className="py-2 pr-4">Margin</th>
            <th scope="col" className="py-2 pr-4 text-right">Leverage</th>
            <th scope="col" className="py-2">Account</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((d) => (
            <tr key={d.id} className="border-b border-line-soft last:border-0">
              <th scope="row" className="py-2 pr-4 text-left font-medium">{d.symbol}</th>
              <td className="py-2 pr-4">
                <Badge tone={d.side === "long" ? "good" : "bad"}>{d.side === "long" ? "▲ long" : "▼ short"}</Badge>
              </td>
              <td className={num}>{formatQuantity(d.quantity)}</td>
              <td className={num}>{formatMoney(d.notional, d.quoteCurrency)}</td>
              <td className={num}>{formatQuantity(d.markPrice)}</td>
              <td className={num}>{d.liquidationPrice === null ? "—" : formatQuantity(d.liquidationPrice)}</td>
              <td className={num}><Distance d={d} /></td>
              <td className="py-2 pr-4">{d.marginMode ?? <span className="text-fg-subtle" title="venue did not report">—</span>}</td>
              <td className={num}>{d.leverage === null ? "—" : times(d.leverage)}</td>
              <td className="py-2 text-fg-muted">
                <span className="mr-1">{d.accountName}</span>
                <span className="mr-1 text-xs text-fg-subtle">{d.connectionLabel}</span>
                {d.isDemo && <Badge tone="demo">Demo</Badge>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
