import Link from "next/link";
import { formatDateTime, formatMoney, signTone } from "@/components/format";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { D } from "@/lib/money/decimal";
import type { StrategyList, StrategyPnl } from "@/lib/read-models/strategy-schemas";

const toneClass = { up: "text-emerald-700 dark:text-emerald-400", down: "text-rose-700 dark:text-rose-400", flat: "" } as const;

/** A signed amount: green or red, always with its sign, the exact decimal on hover. */
export function SignedMoney({ value, currency }: { value: string | null; currency: string }) {
  if (value === null) return <span className="text-fg-subtle" title="Not known: no price or no cost for this row">—</span>;
  return (
    <span className={toneClass[signTone(value)]} title={`${value} ${currency} (exact)`}>
      {formatMoney(value, currency, { signed: true })}
    </span>
  );
}

/** One figure per connection, each in its own base currency (they are never added across currencies). */
function PerConnection({ latest, pick }: { latest: StrategyPnl[]; pick: (p: StrategyPnl) => string }) {
  return (
    <>
      {latest.map((p) => (
        <span key={p.connectionId} className="block">
          <SignedMoney value={pick(p)} currency={p.baseCurrency} />
          {latest.length > 1 && <span className="ml-1 text-xs text-fg-subtle">{p.connectionLabel}</span>}
        </span>
      ))}
    </>
  );
}

/**
 * One row per strategy tag, then "untagged": its open positions, realised and unrealised
 * PnL at the newest reconciliation (the engines' figures as stored), and its fills, linked
 * to /fills filtered to it.
 */
export function StrategyTable({ data, timeZone }: { data: StrategyList; timeZone: string }) {
  const m = data.methods;
  return (
    <ScrollRegion label="Strategies, scrollable">
      <table className="w-full whitespace-nowrap text-sm" data-testid="strategy-table">
        <caption className="sr-only">Strategies with their positions, PnL and fills</caption>
        <thead className="text-left text-xs uppercase tracking-wide text-fg-subtle">
          <tr className="border-b border-line">
            <th scope="col" className="py-2 pr-3">Strategy</th>
            <th scope="col" className="py-2 pr-3 text-right">Open positions</th>
            <th scope="col" className="py-2 pr-3 text-right" title={m.realizedPnl}>Realised PnL</th>
            <th scope="col" className="py-2 pr-3 text-right" title={m.unrealizedPnl}>Unrealised PnL</th>
            <th scope="col" className="py-2 pr-3 text-right" title="PnL: realised + unrealised, the strategy's newest stored point">PnL</th>
            <th scope="col" className="py-2 pr-3 text-right">Fills</th>
            <th scope="col" className="py-2">Last fill</th>
          </tr>
        </thead>
        <tbody>
          {data.strategies.map((s) => (
            <tr key={s.strategy} className="border-b border-line-soft last:border-0" data-strategy={s.strategy}>
              <th scope="row" className="py-1.5 pr-3 text-left font-medium">
                {s.untagged ? (
                  <span title={m.residual}>
                    untagged <span className="font-normal text-fg-subtle">(residual)</span>
                  </span>
                ) : (
                  <span className="font-mono">{s.strategy}</span>
                )}
              </th>
              <td className="py-1.5 pr-3 text-right tabular-nums">{s.positions.filter((p) => !new D(p.quantity).isZero()).length}</td>
              <td className="py-1.5 pr-3 text-right tabular-nums">
                {s.untagged ? (
                  <span className="text-fg-subtle" title="Not attributed: untagged PnL is the account's PnL less the strategies'">—</span>
                ) : s.latest.length === 0 ? (
                  <span className="text-fg-subtle">not reconciled</span>
                ) : (
                  <PerConnection latest={s.latest} pick={(p) => p.realizedPnl} />
                )}
              </td>
              <td className="py-1.5 pr-3 text-right tabular-nums">
                {s.untagged ? (
                  <span className="text-fg-subtle" title="Not attributed: untagged PnL is the account's PnL less the strategies'">—</span>
                ) : s.latest.length === 0 ? (
                  <span className="text-fg-subtle">not reconciled</span>
                ) : (
                  <PerConnection latest={s.latest} pick={(p) => p.unrealizedPnl} />
                )}
              </td>
              <td className="py-1.5 pr-3 text-right font-medium tabular-nums">
                {s.untagged || s.latest.length === 0 ? <span className="text-fg-subtle">—</span> : <PerConnection latest={s.latest} pick={(p) => p.pnl} />}
              </td>
              <td className="py-1.5 pr-3 text-right tabular-nums">
                <Link href={s.fills.href} className="font-medium text-indigo-700 hover:underline dark:text-indigo-300" aria-label={`${s.fills.count} fills of ${s.strategy}`}>
                  {s.fills.count.toLocaleString("en-US")}
                </Link>
              </td>
              <td className="py-1.5">{s.fills.lastAt ? <time dateTime={s.fills.lastAt}>{formatDateTime(s.fills.lastAt, timeZone)}</time> : <span className="text-fg-subtle">none</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
