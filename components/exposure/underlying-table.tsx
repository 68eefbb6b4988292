import { formatMoney, formatPct, signTone } from "@/components/format";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { signToneClass } from "@/components/ui/tone";
import type { Exposure } from "@/lib/read-models/exposure-schemas";
import { times } from "./exposure-format";
import { methodTitle } from "./methods";

const num = "py-2 pr-4 text-right tabular-nums";

function Signed({ value, currency }: { value: string; currency: string }) {
  return <span className={signToneClass[signTone(value)]}>{formatMoney(value, currency, { signed: true })}</span>;
}

/** One row per underlying, spot and derivatives netted (the engine's rows), and their sums. */
export function UnderlyingTable({ data }: { data: Exposure }) {
  const ccy = data.baseCurrency;
  const t = data.totals!;
  return (
    <ScrollRegion label="Exposure per underlying, scrollable">
      <table className="w-full whitespace-nowrap text-sm" data-testid="underlying-table">
        <caption className="sr-only">Long, short, net and gross exposure per underlying, in {ccy}, with % of NAV and leverage</caption>
        <thead className="text-left text-xs uppercase tracking-wide text-fg-subtle">
          <tr className="border-b border-line">
            <th scope="col" className="py-2 pr-4">Underlying</th>
            <th scope="col" className="py-2 pr-4" title={methodTitle("sector")}>Sector</th>
            <th scope="col" className="py-2 pr-4 text-right" title={methodTitle("long")}>Long ({ccy})</th>
            <th scope="col" className="py-2 pr-4 text-right" title={methodTitle("short")}>Short ({ccy})</th>
            <th scope="col" className="py-2 pr-4 text-right" title={methodTitle("net")}>Net ({ccy})</th>
            <th scope="col" className="py-2 pr-4 text-right" title={methodTitle("gross")}>Gross ({ccy})</th>
            <th scope="col" className="py-2 pr-4 text-right" title={methodTitle("netWeight")}>% of NAV</th>
            <th scope="col" className="py-2 text-right" title={methodTitle("leverage")}>Leverage</th>
          </tr>
        </thead>
        <tbody>
          {data.underlyings.map((r) => (
            <tr key={r.underlying} className="border-b border-line-soft">
              <th scope="row" className="py-2 pr-4 text-left font-medium">{r.underlying}</th>
              <td className="py-2 pr-4 text-fg-muted">{r.sector}</td>
              <td className={num}>{formatMoney(r.long, ccy)}</td>
              <td className={num}>{formatMoney(r.short, ccy)}</td>
              <td className={num}><Signed value={r.net} currency={ccy} /></td>
              <td className={num}>{formatMoney(r.gross, ccy)}</td>
              <td className={num}>{r.netWeight === null ? "—" : formatPct(r.netWeight, { signed: true })}</td>
              <td className="py-2 text-right tabular-nums">{times(r.leverage)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot className="font-medium">
          <tr className="border-t border-line">
            <th scope="row" className="py-2 pr-4 text-left" colSpan={2}>Σ rows</th>
            <td className={num}>{formatMoney(t.long, ccy)}</td>
            <td className={num}>{formatMoney(t.short, ccy)}</td>
            <td className={num}><Signed value={t.net} currency={ccy} /></td>
            <td className={num} title="Σ of the rows' gross: long − short, each side counted">{formatMoney(t.grossUnnetted, ccy)}</td>
            <td className={num}>{t.netWeight === null ? "—" : formatPct(t.netWeight, { signed: true })}</td>
            <td className="py-2 text-right tabular-nums">{times(t.leverageUnnetted)}</td>
          </tr>
        </tfoot>
      </table>
    </ScrollRegion>
  );
}
