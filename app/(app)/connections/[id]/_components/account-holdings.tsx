import { formatDateTime, formatMoney, formatQuantity, signTone } from "@/components/format";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { signToneClass } from "@/components/ui/tone";
import type { AccountDetail } from "@/lib/read-models/connection-detail";

const th = "py-2 pr-4 font-medium";
const thRight = `${th} text-right`;

/** One account's balances and open positions as of its last sync, and its own NAV points where the venue values it. */
export function AccountHoldings({ account: a }: { account: AccountDetail }) {
  return (
    <Card title={`${a.name}${a.alias ? ` (${a.alias})` : ""}`}>
      <div id={`account-${a.id}`} className="scroll-mt-20 space-y-4 text-sm">
        <p className="text-fg-muted">{a.holdingsAt ? `As of the sync of ${formatDateTime(a.holdingsAt)}.` : "Nothing synced for this account yet."}</p>
        {a.balances.length > 0 && (
          <ScrollRegion label={`Balances of ${a.name}, scrollable`}>
            <table className="w-full whitespace-nowrap">
              <caption className="sr-only">Balances of {a.name}</caption>
              <thead className="text-left text-xs uppercase tracking-wide text-fg-subtle">
                <tr className="border-b border-line">
                  <th scope="col" className={th}>Asset</th>
                  <th scope="col" className={th}>Wallet</th>
                  <th scope="col" className={thRight}>Free</th>
                  <th scope="col" className={thRight}>Locked</th>
                  <th scope="col" className={thRight}>Total</th>
                </tr>
              </thead>
              <tbody>
                {a.balances.map((b) => (
                  <tr key={`${b.wallet}:${b.asset}`} className="border-b border-line-soft last:border-0">
                    <td className="py-2 pr-4 font-medium">{b.asset}</td>
                    <td className="py-2 pr-4 text-fg-muted">{b.wallet}</td>
                    <td className="py-2 pr-4 text-right">{formatQuantity(b.free)}</td>
                    <td className="py-2 pr-4 text-right">{formatQuantity(b.locked)}</td>
                    <td className="py-2 pr-4 text-right">{formatQuantity(b.total)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
        {a.positions.length > 0 && (
          <ScrollRegion label={`Positions of ${a.name}, scrollable`}>
            <table className="w-full whitespace-nowrap">
              <caption className="sr-only">Open positions of {a.name}</caption>
              <thead className="text-left text-xs uppercase tracking-wide text-fg-subtle">
                <tr className="border-b border-line">
                  <th scope="col" className={th}>Symbol</th>
                  <th scope="col" className={th}>Side</th>
                  <th scope="col" className={thRight}>Size</th>
                  <th scope="col" className={thRight}>Entry</th>
                  <th scope="col" className={thRight}>Mark</th>
                  <th scope="col" className={thRight}>Notional</th>
                  <th scope="col" className={thRight}>uPnL</th>
                  <th scope="col" className={thRight}>Liq. price</th>
                </tr>
              </thead>
              <tbody>
                {a.positions.map((p) => (
                  <tr key={`${p.symbol}:${p.side}`} className="border-b border-line-soft last:border-0">
                    <td className="py-2 pr-4 font-medium">{p.symbol}</td>
                    <td className="py-2 pr-4">
                      <Badge tone={p.side === "long" ? "good" : "bad"}>{p.side}</Badge>
                    </td>
                    <td className="py-2 pr-4 text-right">{formatQuantity(p.quantity)}</td>
                    <td className="py-2 pr-4 text-right">{formatQuantity(p.entry_price)}</td>
                    <td className="py-2 pr-4 text-right">{formatQuantity(p.mark_price)}</td>
                    <td className="py-2 pr-4 text-right">{formatMoney(p.notional, p.quote_currency)}</td>
                    <td className={`py-2 pr-4 text-right ${signToneClass[signTone(p.unrealized_pnl)]}`}>{formatMoney(p.unrealized_pnl, p.settle_currency, { signed: true })}</td>
                    <td className="py-2 pr-4 text-right">{p.liquidation_price ? formatQuantity(p.liquidation_price) : "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
        {a.holdingsAt && a.balances.length === 0 && a.positions.length === 0 && <p className="text-fg-muted">No balances and no open positions.</p>}
        {a.valuations.length > 0 && (
          <div>
            <h3 className="mb-1 text-xs font-semibold uppercase tracking-wide text-fg-subtle">Last NAV points (the venue&apos;s own valuation)</h3>
            <ul className="space-y-0.5">
              {a.valuations.map((v) => (
                <li key={v.at} className="flex justify-between gap-4">
                  <span className="text-fg-muted">{formatDateTime(v.at)}</span>
                  <span>{formatMoney(v.netAssets, v.currency ?? "USD")}</span>
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
    </Card>
  );
}
