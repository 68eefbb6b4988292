"use client";

import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { formatDateTime, formatMoney, formatPct, signTone } from "@/components/format";
import { Card } from "@/components/ui/card";
import { ErrorState, LoadingState } from "@/components/ui/states";
import { signToneClass } from "@/components/ui/tone";
import type { MetricsBar as MetricsBarData, MetricsBarPeriod } from "@/lib/read-models/metrics-bar-schemas";
import { PERFORMANCE_PERIOD_LABELS } from "@/lib/read-models/performance-schemas";
import { metricsBarQuery } from "@/lib/read-models/query-options";
import { usePortfolioKey } from "@/components/portfolios/use-portfolio-key";

type Method = MetricsBarData["methods"][keyof MetricsBarData["methods"]];

const leverageFormat = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });
const Dash = ({ why }: { why?: string }) => <span className="text-fg-subtle">—{why && <span className="ml-1 text-xs font-normal">({why})</span>}</span>;

/** One figure: its label, its value, and its method (tooltip) with the anchor that defines it. */
function Figure(p: { id: string; label: string; method: Method; note?: string; children: ReactNode; highlight?: boolean }) {
  return (
    <div
      data-testid={`metric-${p.id}`}
      data-doc={p.method.doc}
      title={`${p.note ? `${p.note}. ` : ""}${p.method.text}. Defined in ${p.method.doc}`}
      className={`min-w-0 rounded-md px-2 py-1 ${p.highlight ? "bg-amber-50 dark:bg-amber-950/60" : ""}`}
    >
      <dt className={`text-xs ${p.highlight ? "text-amber-900 dark:text-amber-200" : "text-fg-subtle"}`}>{p.label}</dt>
      <dd className="font-medium tabular-nums">{p.children}</dd>
    </div>
  );
}

function PeriodFigure({ period, data }: { period: MetricsBarPeriod; data: MetricsBarData }) {
  const ccy = data.baseCurrency;
  const label = `${PERFORMANCE_PERIOD_LABELS[period.id]} PnL`;
  if (period.status !== "ok" || period.pnl === null) {
    return (
      <Figure id={`pnl-${period.id}`} label={label} method={data.methods.periodPnl} note={period.reason ?? undefined}>
        <Dash why={period.reason ?? undefined} />
      </Figure>
    );
  }
  const flows = period.netFlows ?? "0";
  const start = period.startEquity === null || period.startAt === null ? "" : `From ${formatMoney(period.startEquity, ccy)} at ${formatDateTime(period.startAt, data.timeZone)}; `;
  const note = `${start}net flows ${formatMoney(flows, ccy, { signed: true })} excluded`;
  return (
    <Figure id={`pnl-${period.id}`} label={label} method={data.methods.periodPnl} note={note}>
      <span className={signToneClass[signTone(period.pnl)]}>{formatMoney(period.pnl, ccy, { signed: true })}</span>
      <span className="block text-xs font-normal">
        {period.pct === null ? (
          <span className="text-fg-subtle">— (nothing held)</span>
        ) : (
          <span className={signToneClass[signTone(period.pct)]}>{formatPct(period.pct, { signed: true })} TWR</span>
        )}
      </span>
    </Figure>
  );
}

function money(value: string | null, ccy: string) {
  return value === null ? <Dash /> : formatMoney(value, ccy);
}

function Bar({ data }: { data: MetricsBarData }) {
  const ccy = data.baseCurrency;
  const m = data.methods;
  const top = data.topAsset;
  const limit = top ? formatPct(top.threshold) : "";
  return (
    <Card>
      <h2 className="sr-only">Key metrics</h2>
      <dl className="grid grid-cols-2 gap-2 text-sm sm:grid-cols-4 lg:grid-cols-6" data-testid="metrics-bar">
        <Figure id="equity" label="Equity" method={m.equity}>
          {money(data.equity, ccy)}
        </Figure>
        {data.periods.map((p) => (
          <PeriodFigure key={p.id} period={p} data={data} />
        ))}
        <Figure id="gross-exposure" label="Gross exposure" method={m.exposure}>
          {money(data.exposure.gross, ccy)}
        </Figure>
        <Figure id="net-exposure" label="Net exposure" method={m.exposure}>
          {money(data.exposure.net, ccy)}
        </Figure>
        <Figure id="leverage" label="Leverage" method={m.leverage}>
          {data.exposure.leverage === null ? <Dash why="equity not positive" /> : `${leverageFormat.format(data.exposure.leverage as `${number}`)}×`}
        </Figure>
        <Figure id="margin-debt" label="Margin debt" method={m.margin}>
          {money(data.margin.debt, ccy)}
        </Figure>
        <Figure id="futures-wallet" label="Futures wallet" method={m.margin}>
          {money(data.margin.futuresWallet, ccy)}
        </Figure>
        <Figure id="margin-used" label="Margin used / available" method={m.margin} note={data.margin.unreported ?? undefined}>
          {data.margin.used === null || data.margin.available === null ? (
            <Dash why={data.margin.unreported ?? undefined} />
          ) : (
            `${formatMoney(data.margin.used, ccy)} / ${formatMoney(data.margin.available, ccy)}`
          )}
        </Figure>
        <Figure
          id="top-asset"
          label="Largest asset"
          method={m.topAsset}
          highlight={top?.flagged ?? false}
          note={top ? `Concentration limit ${limit}${top.cashLike ? "; cash-like, never flagged" : ""}` : undefined}
        >
          {top === null ? (
            <Dash />
          ) : (
            <>
              {top.asset} {formatPct(top.weight)}
              {top.flagged && <span className="block text-xs font-normal text-amber-900 dark:text-amber-200">⚠ over the {limit} limit</span>}
            </>
          )}
        </Figure>
      </dl>
      <p className="mt-3 text-xs text-fg-subtle" data-testid="metrics-bar-methods">
        PnL flow-adjusted (equity change − net deposits and withdrawals), periods to date in {data.timeZone}; % time-weighted (NAV per unit).
        Hover a figure for its method; definitions in docs/metrics.md, “Overview metrics bar”.
        {data.unpricedAssets.length > 0 && ` Excludes unpriced: ${data.unpricedAssets.join(", ")}.`}
      </p>
    </Card>
  );
}

/**
 * The overview's metrics bar (GET /api/dashboard/metrics). Its own loading and error states,
 * so a failure here leaves the rest of the page standing; an empty workspace shows nothing
 * here (the equity card below explains what to do).
 */
export function MetricsBar() {
  const { data, isPending, isError, error, refetch } = useQuery(metricsBarQuery(usePortfolioKey()));
  if (isPending) return <LoadingState label="Loading key metrics" blocks={["h-28"]} />;
  if (isError) return <ErrorState title="Key metrics could not load" message={error.message} onRetry={() => void refetch()} />;
  if (data.state === "empty") return null;
  return <Bar data={data} />;
}
