import { formatMoney, formatQuantity } from "@/components/format";
import { Badge } from "@/components/ui/badge";
import { ScrollRegion } from "@/components/ui/scroll-region";
import type { StrategyList } from "@/lib/read-models/strategy-schemas";
import { SignedMoney } from "./strategy-table";

/** A price or cost in its currency, up to 8 significant digits, the exact decimal on hover. */
export function Price({ value, currency }: { value: string | null; currency: string }) {
  if (value === null) return <span className="text-fg-subtle" title="Not known">—</span>;
  return <span title={`${value} ${currency} (exact)`}>{`${formatQuantity(value)} ${currency}`}</span>;
}

/**
 * Each strategy's positions at its connection's newest reconciliation, as the reconcile
 * engine attributed them (untagged: the residual rows). Quantities as stored, signed
 * (negative is short); costs and prices in the symbol's quote currency; value and
 * unrealised PnL in the reconciliation's base currency.
 */
export function StrategyPositionsTable({ data }: { data: StrategyList }) {
  const rows = data.strategies.flatMap((s) => s.positions.map((p) => ({ strategy: s.strategy, untagged: s.untagged, ...p })));
  if (rows.length === 0) {
    return <p className="text-sm text-fg-muted">No position is attributed yet: positions appear after the first reconciliation of a synced connection (hourly, or Run now below).</p>;
  }
  const multi = data.accounts.filter((a) => a.reconciliation !== null).length > 1;
  return (
    <ScrollRegion label="Positions by strategy, scrollable">
      <table className="w-full whitespace-nowrap text-sm" data-testid="strategy-positions">
        <caption className="sr-only">Positions by strategy at the newest reconciliation</caption>
        <thead className="text-left text-xs uppercase tracking-wide text-fg-subtle">
          <tr className="border-b border-line">
            <th scope="col" className="py-2 pr-3">Strategy</th>
            {multi && <th scope="col" className="py-2 pr-3">Account</th>}
            <th scope="col" className="py-2 pr-3">Symbol</th>
            <th scope="col" className="py-2 pr-3 text-right">Quantity</th>
            <th scope="col" className="py-2 pr-3 text-right" title={data.methods.averageCost}>Average cost</th>
            <th scope="col" className="py-2 pr-3 text-right">Market price</th>
            <th scope="col" className="py-2 pr-3 text-right">Value</th>
            <th scope="col" className="py-2 text-right" title={data.methods.unrealizedPnl}>Unrealised PnL</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.strategy}-${r.connectionId}-${r.symbol}`} className="border-b border-line-soft last:border-0">
              <th scope="row" className="py-1.5 pr-3 text-left font-medium">
                {r.untagged ? "untagged" : <span className="font-mono">{r.strategy}</span>}
              </th>
              {multi && <td className="py-1.5 pr-3">{r.connectionLabel}</td>}
              <td className="py-1.5 pr-3">
                {r.symbol}
                {r.closedAtVenue && (
                  <span className="ml-2">
                    <Badge tone="warn" title="The venue no longer holds this symbol; the strategy's row is kept and revalued">
                      closed at venue
                    </Badge>
                  </span>
                )}
              </td>
              <td className="py-1.5 pr-3 text-right tabular-nums" title={r.quantity}>{formatQuantity(r.quantity)}</td>
              <td className="py-1.5 pr-3 text-right tabular-nums"><Price value={r.averageCost} currency={r.quoteCurrency} /></td>
              <td className="py-1.5 pr-3 text-right tabular-nums"><Price value={r.marketPrice} currency={r.quoteCurrency} /></td>
              <td className="py-1.5 pr-3 text-right tabular-nums">
                {r.valueBase === null ? <span className="text-fg-subtle" title="Unpriced">—</span> : <span title={`${r.valueBase} ${r.baseCurrency} (exact)`}>{formatMoney(r.valueBase, r.baseCurrency)}</span>}
              </td>
              <td className="py-1.5 text-right tabular-nums"><SignedMoney value={r.unrealizedPnl} currency={r.baseCurrency} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
