import { formatDateTime, formatMoney, signTone } from "@/components/format";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/states";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { signToneClass } from "@/components/ui/tone";
import type { ConnectionDetail } from "@/lib/read-models/connection-detail";

const th = "py-2 pr-4 font-medium";

/** The connection's last valued snapshots, newest first: equity and its parts, what could not be priced, and which were reconstructed rather than read. */
export function SnapshotsCard({ snapshots }: { snapshots: ConnectionDetail["snapshots"] }) {
  return (
    <Card title="Last snapshots">
      {snapshots.length === 0 ? (
        <EmptyState title="No snapshots yet">Each successful sync values what the connection holds.</EmptyState>
      ) : (
        <ScrollRegion label="Last snapshots, scrollable">
          <table className="w-full whitespace-nowrap text-sm" data-testid="snapshots-table">
            <thead className="text-left text-xs uppercase tracking-wide text-fg-subtle">
              <tr className="border-b border-line">
                <th scope="col" className={th}>Captured</th>
                <th scope="col" className={`${th} text-right`}>Equity</th>
                <th scope="col" className={`${th} text-right`}>Spot</th>
                <th scope="col" className={`${th} text-right`}>Funding</th>
                <th scope="col" className={`${th} text-right`}>Futures wallet</th>
                <th scope="col" className={`${th} text-right`}>uPnL</th>
                <th scope="col" className={`${th} text-right`}>Gross exposure</th>
                <th scope="col" className={th}>Unpriced</th>
              </tr>
            </thead>
            <tbody>
              {snapshots.map((s) => (
                <tr key={s.capturedAt} className="border-b border-line-soft last:border-0">
                  <td className="py-2 pr-4">
                    {formatDateTime(s.capturedAt)}
                    {s.reconstructed && (
                      <span className="ml-2 rounded border border-line px-1.5 py-0.5 text-xs text-fg-muted" title="Rebuilt from fills, deposits, withdrawals and daily closes: the venue was not read at this time">
                        reconstructed
                      </span>
                    )}
                  </td>
                  <td className="py-2 pr-4 text-right font-medium">{formatMoney(s.equity, s.baseCurrency)}</td>
                  <td className="py-2 pr-4 text-right">{formatMoney(s.spotValue, s.baseCurrency)}</td>
                  <td className="py-2 pr-4 text-right">{formatMoney(s.fundingValue, s.baseCurrency)}</td>
                  <td className="py-2 pr-4 text-right">{formatMoney(s.futuresWalletBalance, s.baseCurrency)}</td>
                  <td className={`py-2 pr-4 text-right ${signToneClass[signTone(s.unrealizedPnl)]}`}>{formatMoney(s.unrealizedPnl, s.baseCurrency, { signed: true })}</td>
                  <td className="py-2 pr-4 text-right">{formatMoney(s.grossExposure, s.baseCurrency)}</td>
                  <td className="py-2 text-fg-muted" title={s.unpricedAssets.length ? "Left out of every figure: no price was found" : undefined}>
                    {s.unpricedAssets.length ? s.unpricedAssets.join(", ") : "—"}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </Card>
  );
}
