import { formatDateTime } from "@/components/format";
import { ScrollRegion } from "@/components/ui/scroll-region";
import type { FundDetail } from "@/lib/read-models/fund-schemas";
import { NavText, NetAssetsText, pointCurrency, ReturnText } from "./fund-figures";

/**
 * The fund's newest valuations, newest first, each with its snapshot id: the exact numbers
 * behind the chart, readable without it (a screen reader's way to the chart's data).
 */
export function FundValuationsTable({ detail }: { detail: FundDetail }) {
  const { recent, methods, timeZone, fund } = detail;
  return (
    <ScrollRegion label="Valuations of the fund, scrollable">
      <table className="w-full whitespace-nowrap text-sm" data-testid="fund-valuations">
        <caption className="sr-only">The fund&apos;s newest {recent.length} valuations, newest first</caption>
        <thead className="text-left text-xs uppercase tracking-wide text-fg-subtle">
          <tr className="border-b border-line">
            <th scope="col" className="py-2 pr-3">Valued at ({timeZone})</th>
            <th scope="col" className="py-2 pr-3 text-right" title={methods.navPerUnit}>NAV per unit</th>
            <th scope="col" className="py-2 pr-3 text-right" title={methods.netAssets}>Net assets</th>
            <th scope="col" className="py-2 pr-3 text-right" title={methods.grossReturn}>Gross return</th>
            <th scope="col" className="py-2 pr-3 text-right" title={methods.netReturn}>Net return</th>
            <th scope="col" className="py-2">Snapshot id</th>
          </tr>
        </thead>
        <tbody>
          {recent.map((p) => (
            <tr key={p.snapshotId} className="border-b border-line-soft last:border-0">
              <td className="py-1.5 pr-3"><time dateTime={p.at}>{formatDateTime(p.at, timeZone)}</time></td>
              <td className="py-1.5 pr-3 text-right tabular-nums"><NavText value={p.navPerUnit} /></td>
              <td className="py-1.5 pr-3 text-right tabular-nums"><NetAssetsText value={p.netAssets} currency={pointCurrency(p, fund.baseCurrency)} /></td>
              <td className="py-1.5 pr-3 text-right tabular-nums"><ReturnText value={p.grossReturn} /></td>
              <td className="py-1.5 pr-3 text-right tabular-nums"><ReturnText value={p.netReturn} /></td>
              <td className="py-1.5 font-mono text-xs">{p.snapshotId}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
