import Link from "next/link";
import { formatDateTime } from "@/components/format";
import { ScrollRegion } from "@/components/ui/scroll-region";
import type { FundList } from "@/lib/read-models/fund-schemas";
import { NavText, NetAssetsText, pointCurrency, ReturnText } from "./fund-figures";

const th = "py-2 pr-3";
const num = "py-1.5 pr-3 text-right tabular-nums";

/**
 * The workspace's 1Token funds, one row each, with what the latest valuation says. Each
 * figure's heading names its source and method on hover; the footnote says them in full.
 */
export function FundTable({ data, timeZone }: { data: FundList; timeZone: string }) {
  const m = data.methods;
  return (
    <div className="space-y-3">
      <ScrollRegion label="Funds, scrollable">
        <table className="w-full whitespace-nowrap text-sm" data-testid="fund-table">
          <caption className="sr-only">1Token funds with their latest valuation</caption>
          <thead className="text-left text-xs uppercase tracking-wide text-fg-subtle">
            <tr className="border-b border-line">
              <th scope="col" className={th}>Fund</th>
              <th scope="col" className={th}>Alias</th>
              <th scope="col" className={th}>Department</th>
              <th scope="col" className={th}>Base</th>
              <th scope="col" className={`${th} text-right`} title={m.navPerUnit}>NAV per unit</th>
              <th scope="col" className={`${th} text-right`} title={m.netAssets}>Net assets</th>
              <th scope="col" className={`${th} text-right`} title={m.grossReturn}>Gross return</th>
              <th scope="col" className={`${th} text-right`} title={m.netReturn}>Net return</th>
              <th scope="col" className="py-2">Valued at</th>
            </tr>
          </thead>
          <tbody>
            {data.funds.map((f) => (
              <tr key={f.id} className="border-b border-line-soft last:border-0">
                <th scope="row" className="py-1.5 pr-3 text-left font-medium">
                  <Link href={`/funds/${f.id}`} className="text-indigo-700 hover:underline dark:text-indigo-300">
                    {f.name}
                  </Link>
                  <span className="ml-2 text-xs font-normal text-fg-subtle">{f.externalId}</span>
                </th>
                <td className="py-1.5 pr-3">{f.alias ?? <span className="text-fg-subtle">—</span>}</td>
                <td className="py-1.5 pr-3">{f.department?.name ?? <span className="text-fg-subtle">—</span>}</td>
                <td className="py-1.5 pr-3">{f.baseCurrency}</td>
                {f.latest ? (
                  <>
                    <td className={num}><NavText value={f.latest.navPerUnit} /></td>
                    <td className={num}><NetAssetsText value={f.latest.netAssets} currency={pointCurrency(f.latest, f.baseCurrency)} /></td>
                    <td className={num}><ReturnText value={f.latest.grossReturn} /></td>
                    <td className={num}><ReturnText value={f.latest.netReturn} /></td>
                    <td className="py-1.5">
                      <time dateTime={f.latest.at} title={`Snapshot ${f.latest.snapshotId}`}>{formatDateTime(f.latest.at, timeZone)}</time>
                    </td>
                  </>
                ) : (
                  <td colSpan={5} className="py-1.5 text-fg-subtle">no valuation yet — it appears after the next sync reads the fund&apos;s NAV</td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      <FundMethodsNote methods={m} timeZone={timeZone} />
    </div>
  );
}

/** Every figure's source and method, in full: the tooltips' text, readable without hovering. */
export function FundMethodsNote({ methods, timeZone }: { methods: FundList["methods"]; timeZone: string }) {
  return (
    <ul className="space-y-0.5 text-xs text-fg-subtle" aria-label="How each figure is made">
      <li>{methods.navPerUnit}.</li>
      <li>{methods.netAssets}.</li>
      <li>{methods.grossReturn}.</li>
      <li>{methods.netReturn}.</li>
      <li>{`Figures are as 1Token reported them in the fund's last valuation; times in ${timeZone}. See docs/metrics.md, “1Token funds”.`}</li>
    </ul>
  );
}
