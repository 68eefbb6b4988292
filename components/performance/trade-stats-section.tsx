import { formatMoney } from "@/components/format";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { signToneClass } from "@/components/ui/tone";
import type { TradeStatsView, TradeSummaryView } from "@/lib/read-models/performance-summary-schemas";
import { DASH, pctText, ratioText } from "./performance-format";

const money = (v: string | null, ccy: string, signed = true) => (v === null ? DASH : formatMoney(v, ccy, { signed }));
const tone = (v: string | null) => (v === null || /^-?0(\.0*)?$/.test(v) ? signToneClass.flat : v.startsWith("-") ? signToneClass.down : signToneClass.up);
const num = "py-1.5 pr-3 text-right tabular-nums whitespace-nowrap";

/** The headline figures of the range, overall in the base currency. */
function Overall({ s, methods }: { s: TradeSummaryView; methods: TradeStatsView["methods"] }) {
  const figure = (id: string, label: string, value: string, methodId: string, cls = "") => (
    <div key={id} data-testid={`trade-${id}`} data-doc={methods[methodId]?.doc} title={`${methods[methodId]?.text ?? ""}. Defined in ${methods[methodId]?.doc ?? ""}`} className="min-w-0">
      <dt className="text-xs text-fg-subtle">{label}</dt>
      <dd className={`font-medium tabular-nums ${cls}`}>{value}</dd>
    </div>
  );
  const c = s.currency;
  return (
    <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-4 lg:grid-cols-5">
      {figure("trips", "Round trips closed", String(s.trades), "trips")}
      {figure("win-rate", "Win rate", pctText(s.winRate), "winRate")}
      {figure("profit-factor", "Profit factor", ratioText(s.profitFactor, { infinite: s.profitFactorInfinite }), "profitFactor")}
      {figure("expectancy", "Expectancy per trip", money(s.expectancy, c), "expectancy", tone(s.expectancy))}
      {figure("realized", "FIFO realised PnL", money(s.realizedPnl, c), "realizedPnl", tone(s.realizedPnl))}
      {figure("average-win", "Average win", money(s.averageWin, c), "expectancy", tone(s.averageWin))}
      {figure("average-loss", "Average loss", s.averageLoss === null ? DASH : money(`-${s.averageLoss}`, c), "expectancy", s.averageLoss === null ? "" : signToneClass.down)}
      {figure("largest-win", "Largest win", money(s.largestWin, c), "trips", tone(s.largestWin))}
      {figure("largest-loss", "Largest loss", money(s.largestLoss, c), "trips", tone(s.largestLoss))}
      {figure("fees", "Fees paid", money(s.fees, c, false), "fees")}
    </dl>
  );
}

/** A breakdown: one row per key, each money figure in the row's own currency. */
function Breakdown({ title, rows, keyLabel, testId, inverse }: { title: string; rows: Array<TradeSummaryView & { key: string; inverse?: boolean }>; keyLabel: string; testId: string; inverse?: boolean }) {
  return (
    <div className="space-y-2">
      <h3 className="text-sm font-medium">{title}</h3>
      {rows.length === 0 ? (
        <p className="text-sm text-fg-subtle">No round trip closed and nothing realised in this range.</p>
      ) : (
        <ScrollRegion label={`${title}, scrollable`}>
          <table className="w-full whitespace-nowrap text-sm" data-testid={testId}>
            <thead className="text-left text-xs uppercase tracking-wide text-fg-subtle">
              <tr className="border-b border-line">
                <th scope="col" className="py-2 pr-3">{keyLabel}</th>
                <th scope="col" className="py-2 pr-3 text-right">Trips</th>
                <th scope="col" className="py-2 pr-3 text-right">Win rate</th>
                <th scope="col" className="py-2 pr-3 text-right">Profit factor</th>
                <th scope="col" className="py-2 pr-3 text-right">Expectancy</th>
                <th scope="col" className="py-2 pr-3 text-right">Largest win</th>
                <th scope="col" className="py-2 pr-3 text-right">Largest loss</th>
                <th scope="col" className="py-2 pr-3 text-right">Realised PnL</th>
                <th scope="col" className="py-2 text-right">Fees</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.key} className="border-b border-line-soft last:border-0">
                  <th scope="row" className="py-1.5 pr-3 text-left font-medium">
                    {r.key}
                    {inverse && r.inverse && (
                      <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs font-normal text-amber-900 dark:bg-amber-950 dark:text-amber-200" title="Inverse (coin-margined) contracts: PnL = contracts × contract size × (1/entry − 1/exit), in the coin">
                        inverse, settled in {r.key}
                      </span>
                    )}
                  </th>
                  <td className={num}>{r.trades}</td>
                  <td className={num}>{pctText(r.winRate)}</td>
                  <td className={num}>{ratioText(r.profitFactor, { infinite: r.profitFactorInfinite })}</td>
                  <td className={`${num} ${tone(r.expectancy)}`}>{money(r.expectancy, r.currency)}</td>
                  <td className={`${num} ${tone(r.largestWin)}`}>{money(r.largestWin, r.currency)}</td>
                  <td className={`${num} ${tone(r.largestLoss)}`}>{money(r.largestLoss, r.currency)}</td>
                  <td className={`${num} ${tone(r.realizedPnl)}`}>{money(r.realizedPnl, r.currency)}</td>
                  <td className={num.replace("pr-3", "")}>{money(r.fees, r.currency, false)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </div>
  );
}

/**
 * Trade statistics of the range: the round trips closed in it (FIFO, net of fees) overall,
 * by symbol, by strategy and per settlement currency, and what could not be counted.
 */
export function TradeStatsSection({ data }: { data: TradeStatsView }) {
  const m = data.methods;
  return (
    <div className="space-y-5" data-testid="trade-stats">
      <p className="text-xs text-fg-subtle">
        {m.trips?.text}. {m.conversion?.text}. {data.fillsInRange} fills executed in the range.{" "}
        <code title={`Defined in ${m.trips?.doc}`}>#{m.trips?.doc.split("#")[1]}</code>
      </p>
      <Overall s={data.overall} methods={m} />
      {data.unpricedSymbols.length > 0 && (
        <div role="note" data-testid="unpriced-symbols" className="rounded-md bg-amber-50 p-3 text-sm text-amber-900 dark:bg-amber-950/60 dark:text-amber-200">
          <p className="font-medium">Left out of every figure ({data.unpricedSymbols.length}):</p>
          <ul className="mt-1 list-disc space-y-1 pl-5">
            {data.unpricedSymbols.map((u) => (
              <li key={u.symbol}>
                <span className="font-mono">{u.symbol}</span> — {u.reason} ({u.fills} fill{u.fills === 1 ? "" : "s"})
              </li>
            ))}
          </ul>
        </div>
      )}
      {(data.unpricedCurrencies.length > 0 || data.unconvertedFees > 0) && (
        <p role="note" className="text-sm text-amber-800 dark:text-amber-300">
          {data.unpricedCurrencies.length > 0 && `Overall and per strategy exclude trades in ${data.unpricedCurrencies.join(", ")} (no rate to ${data.baseCurrency}). `}
          {data.unconvertedFees > 0 && `${data.unconvertedFees} fee${data.unconvertedFees === 1 ? "" : "s"} in a currency that could not be converted are left out of PnL.`}
        </p>
      )}
      <Breakdown title="By strategy" keyLabel="Strategy" rows={data.byStrategy} testId="trades-by-strategy" />
      <Breakdown title="By symbol" keyLabel="Symbol" rows={data.bySymbol} testId="trades-by-symbol" />
      <Breakdown title="By settlement currency" keyLabel="Currency" rows={data.bySettlement} testId="trades-by-settlement" inverse />
    </div>
  );
}
