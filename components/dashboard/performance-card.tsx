"use client";

import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { formatMoney, formatPct, signTone } from "@/components/format";
import { Card } from "@/components/ui/card";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { signToneClass } from "@/components/ui/tone";
import { PERFORMANCE_PERIOD_LABELS, type Performance } from "@/lib/read-models/performance-schemas";
import { performanceQuery } from "@/lib/read-models/query-options";
import { usePortfolioKey } from "@/components/portfolios/use-portfolio-key";

/** A float fraction as "+4.50%"; null (undefined: nothing held, too few returns) as a dash. */
function Ratio({ value, signed = true, title }: { value: number | null; signed?: boolean; title?: string }) {
  if (value === null) return <span className="text-fg-subtle" title={title ?? "Not defined for this span"}>—</span>;
  const text = String(value);
  return (
    <span className={signed ? signToneClass[signTone(text)] : undefined} title={title}>
      {formatPct(text, { signed })}
    </span>
  );
}

function Money({ value, currency }: { value: string | null; currency: string }) {
  if (value === null) return <span className="text-fg-subtle">—</span>;
  return <span className={signToneClass[signTone(value)]}>{formatMoney(value, currency, { signed: true })}</span>;
}

const number2 = new Intl.NumberFormat("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const plain = (x: number | null) => (x === null ? "—" : number2.format(x));

function PeriodTable({ data }: { data: Performance }) {
  const ccy = data.baseCurrency;
  return (
    <ScrollRegion label="Performance by period, scrollable">
      <table className="w-full whitespace-nowrap text-sm" data-testid="performance-table">
        <caption className="sr-only">Flow-adjusted PnL, net flows and time-weighted return, to date</caption>
        <thead className="text-left text-xs uppercase tracking-wide text-fg-subtle">
          <tr className="border-b border-line">
            <th scope="col" className="py-2 pr-2">Period</th>
            <th scope="col" className="py-2 pr-2 text-right" title={data.methods.pnl}>PnL ({ccy})</th>
            <th scope="col" className="py-2 pr-2 text-right">Net flows</th>
            <th scope="col" className="py-2 text-right" title={data.methods.twr}>TWR</th>
          </tr>
        </thead>
        <tbody>
          {data.periods.map((p) => (
            <tr key={p.id} className="border-b border-line-soft last:border-0">
              <th scope="row" className="py-1.5 pr-2 text-left font-medium">
                {PERFORMANCE_PERIOD_LABELS[p.id]}
                {/* No snapshot before the period: it starts from nothing, the opening equity counted as a flow (docs/metrics.md). */}
                {p.counted && p.startAt === null && <span className="block text-xs font-normal text-fg-subtle">from the first snapshot</span>}
              </th>
              {p.counted ? (
                <>
                  <td className="py-1.5 pr-2 text-right"><Money value={p.pnl} currency={ccy} /></td>
                  <td className="py-1.5 pr-2 text-right">{p.netFlows === null ? "—" : formatMoney(p.netFlows, ccy, { signed: true })}</td>
                  <td className="py-1.5 text-right"><Ratio value={p.twr} title={p.twr === null ? "Nothing was held in this period" : undefined} /></td>
                </>
              ) : (
                <td colSpan={3} className="py-1.5 text-right text-fg-subtle">flows not yet counted</td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

function Figure({ label, title, children }: { label: string; title: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-xs text-fg-subtle" title={title}>{label}</dt>
      <dd className="font-medium">{children}</dd>
    </div>
  );
}

/**
 * Day / week / month / year to date: flow-adjusted PnL and TWR from the unitised series, MWR
 * since inception, drawdown and risk on NAV per unit. Each figure names its method (the
 * footnote, and a tooltip on its heading).
 */
export function PerformanceCard() {
  const { data, isPending, isError, error, refetch } = useQuery(performanceQuery(usePortfolioKey()));
  if (isPending) return <LoadingState label="Loading performance" blocks={["h-48"]} />;
  if (isError) return <ErrorState title="Performance could not load" message={error.message} onRetry={() => void refetch()} />;
  if (data.state === "empty") {
    return (
      <Card title="Performance">
        <EmptyState title="No history yet">Performance appears after the first snapshot; press Resync to read your venues.</EmptyState>
      </Card>
    );
  }
  if (data.state === "not_counted") {
    return (
      <Card title="Performance">
        <EmptyState title="Flows not yet counted">
          Deposits and withdrawals have not been counted for this history yet, so no flow-adjusted figure is shown rather than one
          that would count a deposit as profit. They appear once the history is recomputed with its deposits and withdrawals.
        </EmptyState>
      </Card>
    );
  }
  return (
    <Card title="Performance">
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <PeriodTable data={data} />
        <dl className="grid grid-cols-2 content-start gap-x-6 gap-y-2 text-sm" data-testid="performance-figures">
          <Figure label="MWR since inception" title={data.methods.mwr}>
            {data.inception.counted ? <Ratio value={data.inception.mwr} /> : <span className="text-fg-subtle">flows not yet counted</span>}
          </Figure>
          <Figure label="TWR since inception" title={data.methods.twr}>
            <Ratio value={data.inception.twr} />
          </Figure>
          <Figure label="Drawdown now" title={data.methods.drawdown}>
            <Ratio value={data.drawdown.current} />
          </Figure>
          <Figure label="Max drawdown" title={data.methods.drawdown}>
            <Ratio value={data.drawdown.max} />
          </Figure>
          <Figure label="Volatility (annual)" title={data.methods.risk}>
            <Ratio value={data.risk.annualVolatility} signed={false} />
          </Figure>
          <Figure label="Sharpe / Sortino" title={data.methods.risk}>
            {`${plain(data.risk.sharpeRatio)} / ${plain(data.risk.sortinoRatio)}`}
          </Figure>
        </dl>
      </div>
      <p className="mt-4 text-xs text-fg-subtle" data-testid="performance-methods">
        Flow-adjusted: Δequity − net flows (deposits − withdrawals, and the equity of a connection added or deleted in the period); TWR from NAV per unit; MWR = XIRR of flows and values (annual rate); periods in{" "}
        {data.timeZone}, from the last snapshot before each one starts. Drawdown, volatility, Sharpe and Sortino on{" "}
        {data.risk.returns} daily NAV-per-unit returns, annualised with {data.risk.periodsPerYear} a year; risk-free rate 0.
        {data.portfolio && (
          <>
            {" "}
            For {data.portfolio.label}: one point a day, the end-of-day closes of its whole connections summed (today from their latest
            snapshots), its accounts&apos; flows counted, a transfer to or from another connection included.
          </>
        )}
      </p>
    </Card>
  );
}
