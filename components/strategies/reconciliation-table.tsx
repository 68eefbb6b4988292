import { formatMoney, formatQuantity } from "@/components/format";
import { Badge } from "@/components/ui/badge";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { D } from "@/lib/money/decimal";
import type { AccountReconciliation, StrategyMethods } from "@/lib/read-models/strategy-schemas";
import { Price } from "./strategy-positions-table";

const HELD_LABEL = {
  "venue-only": { text: "venue only", title: "The venue holds this; no strategy's fills explain any of it" },
  "strategy-only": { text: "strategy only", title: "A strategy's fills say it holds this; the venue holds none" },
} as const;

/**
 * One connection's reconciliation: per symbol, the venue's quantity against the sum of the
 * strategies' and the residual (venue − Σ strategies). A residual row is highlighted and
 * says "residual" in words; a symbol held only at the venue, or only in a strategy, says so.
 */
export function ReconciliationTable({ account, methods }: { account: AccountReconciliation; methods: StrategyMethods }) {
  const r = account.reconciliation;
  if (r === null) {
    return <p className="text-sm text-fg-muted">Not reconciled yet: the hourly reconciliation (or Run now) attributes this connection&apos;s newest snapshot once it has one.</p>;
  }
  if (account.lines.length === 0) return <p className="text-sm text-fg-muted">The venue held nothing at the reconciled snapshot, and no strategy holds a position.</p>;
  const residuals = account.lines.filter((l) => !new D(l.residualQuantity).isZero()).length;
  return (
    <div className="space-y-2">
      <p className="text-xs text-fg-subtle">
        {residuals === 0 ? "Every symbol is explained by the strategies: no residual." : `${residuals} of ${account.lines.length} symbols have a residual (what no strategy explains).`}
        {r.unpriced.length > 0 && ` Could not be valued or costed: ${r.unpriced.join(", ")}.`}
      </p>
      <ScrollRegion label={`Reconciliation of ${account.label}, scrollable`}>
        <table className="w-full whitespace-nowrap text-sm" data-testid="reconciliation-table">
          <caption className="sr-only">Venue positions against the sum of the strategies, {account.label}</caption>
          <thead className="text-left text-xs uppercase tracking-wide text-fg-subtle">
            <tr className="border-b border-line">
              <th scope="col" className="py-2 pr-3">Symbol</th>
              <th scope="col" className="py-2 pr-3 text-right">Venue</th>
              <th scope="col" className="py-2 pr-3 text-right">Σ strategies</th>
              <th scope="col" className="py-2 pr-3">By strategy</th>
              <th scope="col" className="py-2 pr-3 text-right" title={methods.residual}>Residual</th>
              <th scope="col" className="py-2 pr-3 text-right" title={methods.averageCost}>Weighted avg cost</th>
              <th scope="col" className="py-2 text-right">Residual value</th>
            </tr>
          </thead>
          <tbody>
            {account.lines.map((l) => {
              const residual = !new D(l.residualQuantity).isZero();
              const held = l.heldAt === "both" ? null : HELD_LABEL[l.heldAt];
              return (
                <tr
                  key={l.symbol}
                  data-residual={residual ? "true" : undefined}
                  data-held={l.heldAt}
                  className={`border-b border-line-soft last:border-0 ${residual ? "bg-amber-50 dark:bg-amber-950/40" : ""}`}
                >
                  <th scope="row" className={`py-1.5 pr-3 text-left font-medium ${residual ? "border-l-4 border-amber-500 pl-2" : "pl-3"}`}>
                    {l.symbol}
                    {residual && (
                      <span className="ml-2">
                        <Badge tone="warn" title={methods.residual}>
                          residual
                        </Badge>
                      </span>
                    )}
                    {held && (
                      <span className="ml-2">
                        <Badge tone="neutral" title={held.title}>
                          {held.text}
                        </Badge>
                      </span>
                    )}
                  </th>
                  <td className="py-1.5 pr-3 text-right tabular-nums" title={l.venueQuantity}>{formatQuantity(l.venueQuantity)}</td>
                  <td className="py-1.5 pr-3 text-right tabular-nums" title={l.strategyQuantity}>{formatQuantity(l.strategyQuantity)}</td>
                  <td className="py-1.5 pr-3 text-xs">
                    {l.strategies.length === 0 ? (
                      <span className="text-fg-subtle">none</span>
                    ) : (
                      l.strategies.map((s) => (
                        <span key={s.strategy} className="mr-2 inline-block" title={s.averageCost === null ? undefined : `average cost ${s.averageCost} ${l.quoteCurrency}`}>
                          <span className="font-mono">{s.strategy}</span> {formatQuantity(s.quantity)}
                        </span>
                      ))
                    )}
                  </td>
                  <td className="py-1.5 pr-3 text-right tabular-nums font-medium" title={l.residualQuantity}>
                    {residual ? formatQuantity(l.residualQuantity) : <span className="font-normal text-fg-subtle">0</span>}
                  </td>
                  <td className="py-1.5 pr-3 text-right tabular-nums">{residual ? <Price value={l.residualAverageCost} currency={l.quoteCurrency} /> : <span className="text-fg-subtle">—</span>}</td>
                  <td className="py-1.5 text-right tabular-nums">
                    {residual && l.residualValueBase !== null ? (
                      <span title={`${l.residualValueBase} ${r.baseCurrency} (exact)`}>{formatMoney(l.residualValueBase, r.baseCurrency)}</span>
                    ) : (
                      <span className="text-fg-subtle">—</span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollRegion>
    </div>
  );
}
