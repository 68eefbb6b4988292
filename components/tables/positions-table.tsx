import { formatMoney, formatQuantity, signTone } from "@/components/format";
import { Badge } from "@/components/ui/badge";
import type { Holdings } from "@/lib/read-models/dashboard-schemas";

const toneClass = { up: "text-emerald-700", down: "text-rose-700", flat: "text-slate-700" };

export function PositionsTable({ positions }: { positions: Holdings["positions"] }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full whitespace-nowrap text-sm" data-testid="positions-table">
        <thead className="text-left text-xs uppercase tracking-wide text-slate-500">
          <tr className="border-b border-slate-200">
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
            <tr key={p.id} className="border-b border-slate-100 last:border-0">
              <td className="py-2 pr-4 font-medium">{p.symbol}</td>
              <td className="py-2 pr-4">
                <Badge tone={p.side === "long" ? "good" : "bad"}>{p.side}</Badge>
              </td>
              <td className="py-2 pr-4 text-right">{formatQuantity(p.quantity)}</td>
              <td className="py-2 pr-4 text-right">{formatQuantity(p.entryPrice)}</td>
              <td className="py-2 pr-4 text-right">{formatQuantity(p.markPrice)}</td>
              <td className="py-2 pr-4 text-right">{formatMoney(p.notional, p.quoteCurrency)}</td>
              <td className={`py-2 pr-4 text-right ${toneClass[signTone(p.unrealizedPnl)]}`}>
                {formatMoney(p.unrealizedPnl, p.quoteCurrency, { signed: true })}
              </td>
              <td className="py-2 pr-4 text-right">{p.liquidationPrice ? formatQuantity(p.liquidationPrice) : "—"}</td>
              <td className="py-2 pr-4 text-right">
                {p.leverage ? `${formatQuantity(p.leverage)}×` : "—"} {p.marginMode && <span className="text-xs text-slate-500">{p.marginMode}</span>}
              </td>
              <td className="py-2 text-slate-600">
                <span className="mr-1">{p.accountName}</span>
                {p.isDemo && <Badge tone="demo">Demo</Badge>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
