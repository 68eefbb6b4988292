import { formatMoney, formatPct, formatQuantity, signTone } from "@/components/format";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { signToneClass } from "@/components/ui/tone";
import type { RebalancePreview } from "@/lib/rebalance/preview-schema";
import { rebalanceMethod } from "./methods";

const num = "py-2 pr-4 text-right tabular-nums";

const REASONS: Record<string, string> = {
  rebalance: "outside its band",
  "on-target": "on target",
  "within-tolerance": "within its band",
  "below-minimum": "below the minimum trade",
  dust: "dust, left alone",
  unpriced: "no price: left out",
  cash: "cash: what the trades leave",
  "no-target": "no target saved",
};

/** Current against target, one row per asset: the engine's rows as they are. */
export function WeightsTable({ data }: { data: RebalancePreview }) {
  const ccy = data.baseCurrency;
  return (
    <ScrollRegion label="Current weights against target, scrollable">
      <table className="w-full whitespace-nowrap text-sm" data-testid="weights-table">
        <caption className="sr-only">Each asset&apos;s value in {ccy}, current weight, target weight, band, drift and the suggested trade</caption>
        <thead className="text-left text-xs uppercase tracking-wide text-fg-subtle">
          <tr className="border-b border-line">
            <th scope="col" className="py-2 pr-4">Asset</th>
            <th scope="col" className="py-2 pr-4 text-right" title={rebalanceMethod("value")}>Value ({ccy})</th>
            <th scope="col" className="py-2 pr-4 text-right" title={rebalanceMethod("currentWeight")}>Current</th>
            <th scope="col" className="py-2 pr-4 text-right" title={rebalanceMethod("targetWeight")}>Target</th>
            <th scope="col" className="py-2 pr-4 text-right" title={rebalanceMethod("band")}>Band ±</th>
            <th scope="col" className="py-2 pr-4 text-right" title={rebalanceMethod("drift")}>Drift</th>
            <th scope="col" className="py-2 pr-4 text-right" title={rebalanceMethod("trade")}>Trade ({ccy})</th>
            <th scope="col" className="py-2">Why</th>
          </tr>
        </thead>
        <tbody>
          {data.rows.map((r) => (
            <tr key={r.asset} className="border-b border-line-soft" data-asset={r.asset}>
              <th scope="row" className="py-2 pr-4 text-left font-medium">
                {r.asset}
                <span className="ml-2 text-xs font-normal text-fg-subtle">{formatQuantity(r.quantity)}</span>
              </th>
              <td className={num}>{r.value === null ? "—" : formatMoney(r.value, ccy)}</td>
              <td className={num} data-testid={`current-${r.asset}`}>{r.currentWeight === null ? "—" : formatPct(r.currentWeight)}</td>
              <td className={num} data-testid={`target-${r.asset}`}>{r.targetWeight === null ? "—" : formatPct(r.targetWeight)}</td>
              <td className={num}>{r.band === null ? "—" : formatPct(r.band)}</td>
              <td className={num}>{r.drift === null ? "—" : <span className={signToneClass[signTone(r.drift)]}>{formatPct(r.drift, { signed: true })}</span>}</td>
              <td className={num} data-testid={`trade-${r.asset}`}>
                {r.action === "buy" || r.action === "sell" ? (
                  <span className={signToneClass[signTone(r.valueDelta)]}>
                    {r.action === "buy" ? "Buy " : "Sell "}
                    {formatMoney(r.valueDelta, ccy, { signed: true })}
                  </span>
                ) : (
                  "—"
                )}
              </td>
              <td className="py-2 text-fg-muted">{REASONS[r.reason] ?? r.reason}</td>
            </tr>
          ))}
        </tbody>
        <tfoot className="font-medium">
          <tr className="border-t border-line">
            <th scope="row" className="py-2 pr-4 text-left">Total valued</th>
            <td className={num} data-testid="total-value">{formatMoney(data.totalValue, ccy)}</td>
            <td className={num}>100.00%</td>
            <td colSpan={5} />
          </tr>
        </tfoot>
      </table>
    </ScrollRegion>
  );
}
