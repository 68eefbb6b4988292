import { formatMoney, formatQuantity, signTone } from "@/components/format";
import { Badge } from "@/components/ui/badge";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { signToneClass } from "@/components/ui/tone";
import type { Holdings } from "@/lib/read-models/dashboard-schemas";

export function PositionsTable({ positions }: { positions: Holdings["positions"] }) {
  return (
    <ScrollRegion label="Open positions, scrollable">
      <table className="w-full whitespace-nowrap text-sm" data-testid="positions-table">
        <thead className="text-left text-xs uppercase tracking-wide text-fg-subtle">
          <tr className="border-b border-line">
            <th className="py-2 pr-4">Symbol</th>
            <th className="py-2 pr-4">Side</th>
            <th className="py-2 pr-4 text-right">Size</th>
            <th className="py-2 pr-4 text-right">Entry</th>
            <th className="py-2 pr-4 text-right">Mark</th>
            <th className="py-2 pr-4 text-right">Notional</th>
            <th className="py-2 pr-4 text-right">uPnL</th>
            <th className="py-2 pr-4 text-right">Liq. price</th>
            <th className="py-2 pr-4 text-right">Leverage</th>
            <th className="py-2">Account</th>
          </tr>
        </thead>
        <tbody>
          {positions.map((p) => (
            <tr key={p.id} className="border-b border-line-soft last:border-0">
              <td className="py-2 pr-4 font-medium">{p.symbol}</td>
              <td className="py-2 pr-4">
                <Badge tone={p.side === "long" ? "good" : "bad"}>{p.side}</Badge>
              </td>
              <td className="py-2 pr-4 text-right">{formatQuantity(p.quantity)}</td>
              <td className="py-2 pr-4 text-right">{formatQuantity(p.entryPrice)}</td>
              <td className="py-2 pr-4 text-right">{formatQuantity(p.markPrice)}</td>
              <td className="py-2 pr-4 text-right">{formatMoney(p.notional, p.quoteCurrency)}</td>
              <td className={`py-2 pr-4 text-right ${signToneClass[signTone(p.unrealizedPnl)]}`}>
                {formatMoney(p.unrealizedPnl, p.quoteCurrency, { signed: true })}
              </td>
              <td className="py-2 pr-4 text-right">{p.liquidationPrice ? formatQuantity(p.liquidationPrice) : "—"}</td>
              <td className="py-2 pr-4 text-right">
                {p.leverage ? `${formatQuantity(p.leverage)}×` : "—"} {p.marginMode && <span className="text-xs text-fg-subtle">{p.marginMode}</span>}
              </td>
              <td className="py-2 text-fg-muted">
                <span className="mr-1">{p.accountName}</span>
                {p.isDemo && <Badge tone="demo">Demo</Badge>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
