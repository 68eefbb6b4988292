import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { metricRows } from "@/components/performance/metric-rows";
import { PerformanceCharts } from "@/components/performance/performance-charts";
import { MetricsTable } from "@/components/performance/metrics-table";
import { RangeSelector } from "@/components/performance/range-selector";
import { TradeStatsSection } from "@/components/performance/trade-stats-section";
import { Card } from "@/components/ui/card";
import { EmptyState, ErrorState } from "@/components/ui/states";
import { formatDateTime } from "@/components/format";
import { requirePageScope } from "@/lib/access/page";
import { parsePerformanceRange } from "@/lib/read-models/performance-range";
import { BENCHMARKS, type Benchmark } from "@/lib/read-models/performance-series-schemas";
import { loadPerformanceSummary } from "@/lib/read-models/performance-summary-data";
import { filterErrorMessage } from "@/lib/read-models/trade-filters";
import { isoDate, localDayOf } from "@/lib/time/zoned";
import { PortfolioNote, PortfolioRefused } from "@/components/portfolios/portfolio-note";
import { pageSelection } from "@/lib/read-models/portfolio-scope";

export const metadata: Metadata = { title: "Performance" };

/** "All": the charts' longest range (3,660 local days, GET /api/performance/series's limit) back from its last day. */
const earliestChartDay = (toDay: string) => new Date(Date.parse(`${toDay}T00:00:00Z`) - 3659 * 86_400_000).toISOString().slice(0, 10);

/** The benchmark the URL names (?benchmark=), else bitcoin; the charts' picker changes it in place. */
function benchmarkOf(v: string | string[] | undefined): Benchmark {
  const b = Array.isArray(v) ? v[0] : v;
  return (BENCHMARKS as readonly string[]).includes(b ?? "") ? (b as Benchmark) : "BTC";
}

/**
 * The workspace's performance over a range in the URL (?range=30d, or custom local days):
 * the metrics table (time-weighted and money-weighted return, Sharpe with the workspace's
 * risk-free rate, drawdown with its dates…), then the charts, then the trade statistics.
 * Rendered on the server from the read model GET /api/performance/summary also serves.
 * For one connection or portfolio (?portfolio=) the trade statistics are its accounts', and
 * the metrics table and charts are measured on the daily series of its whole connections
 * (their end-of-day closes and flows: lib/read-models/selection-series.ts); the note names
 * a connection only part of which is selected (left out).
 */
export default async function PerformancePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await connection();
  const { db, ownerId, viewer } = await requirePageScope("/performance");
  const { baseCurrency, timeZone } = viewer.workspace;
  const now = new Date();
  const today = isoDate(localDayOf(timeZone, now.getTime()));
  const search = await searchParams;
  const selected = await pageSelection(db, ownerId, search);
  if (!selected.ok) return <PortfolioRefused page="/performance" title={selected.title} message={selected.message} />;
  const { portfolio } = selected;
  const whole = portfolio.kind === "workspace";
  const range = parsePerformanceRange(search, { now, timeZone });
  if (!range.success) {
    return (
      <Card title="Performance">
        <div className="space-y-4">
          <RangeSelector selected={null} fromDay={null} toDay={today} today={today} timeZone={timeZone} />
          <ErrorState title="This range cannot be shown" message={filterErrorMessage(range.error)} />
          <Link href="/performance" className="inline-block text-sm font-medium text-indigo-700 hover:underline dark:text-indigo-300">
            Show the last 90 days
          </Link>
        </div>
      </Card>
    );
  }
  const r = range.data;
  const data = await loadPerformanceSummary(db, { ownerId, baseCurrency, timeZone, range: r, portfolio });
  const metrics = data.metrics;
  if ((metrics === null || metrics.state === "empty") && data.trades.overall.trades === 0 && data.trades.fillsInRange === 0 && whole) {
    return (
      <Card title="Performance">
        <EmptyState title="No performance yet" action={{ href: "/connections/new", label: "Connect a venue" }}>
          Connect a venue to see performance: time-weighted return, Sharpe, drawdown and trade statistics appear after its first daily snapshot.
        </EmptyState>
      </Card>
    );
  }
  const selector = <RangeSelector selected={r.id} fromDay={r.fromDay} toDay={r.toDay} today={today} timeZone={timeZone} />;
  const note = <PortfolioNote label={portfolio.label} whole={whole} notes={[data.portfolio?.notFiltered]} />;
  if (metrics === null) {
    return (
      <div className="space-y-4">
        {note}
        <Card title={`Trade statistics · ${r.label}`} actions={selector}>
          <TradeStatsSection data={data.trades} />
        </Card>
      </div>
    );
  }
  return (
    <div className="space-y-4">
      {note}
      <Card title={`Metrics · ${r.label}`} actions={selector}>
        <div className="space-y-3">
          <p className="text-xs text-fg-subtle" data-testid="range-note">
            {metrics.returns} daily returns of NAV per unit
            {metrics.firstReturnAt && metrics.lastReturnAt
              ? `, ${formatDateTime(metrics.firstReturnAt, timeZone)} to ${formatDateTime(metrics.lastReturnAt, timeZone)}`
              : ""}
            {whole
              ? `, from the daily roll-ups in ${timeZone}`
              : `, daily, from the end-of-day snapshots of ${portfolio.kind === "connection" ? "the connection" : "its whole connections"} in ${timeZone}, summed, with the flows of their accounts`}
            ; deposits and withdrawals are not returns.
          </p>
          {metrics.state === "empty" ? (
            <EmptyState title="No daily close yet">
              {whole
                ? "The first daily return comes a day after the first snapshot."
                : `No end-of-day snapshot of ${portfolio.label}'s whole connections yet: each local day is closed after its midnight.`}
            </EmptyState>
          ) : metrics.state === "no_returns" ? (
            <EmptyState title="No daily return in this range">Pick a longer range: the first return comes a day after the first snapshot.</EmptyState>
          ) : (
            <MetricsTable rows={metricRows(metrics, { timeZone, baseCurrency })} />
          )}
        </div>
      </Card>
      <PerformanceCharts from={r.fromDay ?? earliestChartDay(r.toDay)} to={r.toDay} benchmark={benchmarkOf(search.benchmark)} />
      <Card title={`Trade statistics · ${r.label}`}>
        <TradeStatsSection data={data.trades} />
      </Card>
    </div>
  );
}
