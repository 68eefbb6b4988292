"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { parseAsStringLiteral, useQueryState } from "nuqs";
import { CumulativeReturnChart } from "@/components/charts/cumulative-return-chart";
import { MonthlyReturnsHeatmap } from "@/components/charts/monthly-returns-heatmap";
import { RollingVolatilitySharpeChart } from "@/components/charts/rolling-volatility-sharpe-chart";
import { UnderwaterChart } from "@/components/charts/underwater-chart";
import { Card } from "@/components/ui/card";
import { LoadingState, EmptyState, ErrorState } from "@/components/ui/states";
import { BENCHMARKS, type Benchmark, type PerformanceSeries } from "@/lib/read-models/performance-series-schemas";
import { performanceSeriesQuery } from "@/lib/read-models/performance-series-query";
import { usePortfolioKey } from "@/components/portfolios/use-portfolio-key";

const BENCHMARK_LABELS: Record<Benchmark, { label: string; title: string }> = {
  BTC: { label: "BTC", title: "Against bitcoin's price in the base currency, rebased to 0 % at the range's start" },
  ETH: { label: "ETH", title: "Against ether's price in the base currency, rebased to 0 % at the range's start" },
  none: { label: "None", title: "The portfolio alone" },
};

function BenchmarkPicker({ value, onChange }: { value: Benchmark; onChange: (b: Benchmark) => void }) {
  return (
    <div className="flex items-center gap-1" role="group" aria-label="Benchmark">
      <span className="mr-1 text-xs text-fg-subtle" aria-hidden="true">
        Benchmark
      </span>
      {BENCHMARKS.map((b) => (
        <button
          key={b}
          type="button"
          aria-pressed={b === value}
          title={BENCHMARK_LABELS[b].title}
          onClick={() => onChange(b)}
          className={`rounded-md px-2.5 py-1 text-xs font-medium ${b === value ? "bg-indigo-600 text-white" : "text-fg-muted hover:bg-surface-2"}`}
        >
          {BENCHMARK_LABELS[b].label}
        </button>
      ))}
    </div>
  );
}

/** What the benchmark's state means, said under the chart when it is not simply there. */
function benchmarkNote(s: PerformanceSeries): string | null {
  const b = s.benchmark;
  if (b.state === "missing") return `No ${b.asset} price in this range: the benchmark comes from the ${b.asset} prices this workspace's snapshots recorded, and none held ${b.asset}.`;
  if (b.state === "partial") return `${b.asset} has no recorded price on some days (gaps in its line).`;
  return null;
}

/** The four charts for data that has loaded; also what the component tests render. */
export function PerformanceChartsView({ data, benchmark, onBenchmark }: { data: PerformanceSeries; benchmark: Benchmark; onBenchmark: (b: Benchmark) => void }) {
  const picker = <BenchmarkPicker value={benchmark} onChange={onBenchmark} />;
  if (data.state !== "ok" || data.points.length < 2) {
    return (
      <Card title="Performance charts" actions={picker}>
        <EmptyState
          title={data.state === "not_counted" ? "Flows not yet counted for this range" : "Not enough history in this range for a chart"}
          action={{ href: "/connections", label: "Connect a venue" }}
        >
          {data.state === "not_counted"
            ? "The charts use NAV per unit, which appears once deposits and withdrawals are counted for this history."
            : "Connect a venue to see cumulative return, drawdown, monthly returns and rolling volatility: daily closes are recorded on every sync."}
        </EmptyState>
      </Card>
    );
  }
  const note = benchmarkNote(data);
  const cumulativeMethod = data.benchmark.asset === "none" ? data.methods.cumulative : `${data.methods.cumulative}. ${data.methods.benchmark}.`;
  return (
    <div className="grid min-w-0 gap-4 xl:grid-cols-2">
      <Card title="Cumulative return (time-weighted)" actions={picker} className="xl:col-span-2">
        <CumulativeReturnChart points={data.points} benchmark={data.benchmark.asset} timeZone={data.timeZone} method={cumulativeMethod} />
        {note && <p className="mt-1 text-xs text-amber-800 dark:text-amber-300">{note}</p>}
      </Card>
      <Card title="Drawdown (underwater)">
        <UnderwaterChart points={data.points} maxDrawdown={data.maxDrawdown} timeZone={data.timeZone} method={data.methods.underwater} />
      </Card>
      <Card title={`Rolling ${data.rolling.window}-day volatility and Sharpe`}>
        {data.rolling.points.length === 0 ? (
          <EmptyState title={`Fewer than ${data.rolling.window} daily returns up to the end of this range`}>
            The rolling figures start once {data.rolling.window} daily NAV-per-unit returns exist.
          </EmptyState>
        ) : (
          <RollingVolatilitySharpeChart points={data.rolling.points} window={data.rolling.window} timeZone={data.timeZone} method={data.methods.rolling} />
        )}
      </Card>
      <Card title="Monthly returns" className="xl:col-span-2">
        <MonthlyReturnsHeatmap months={data.monthly} timeZone={data.timeZone} method={data.methods.monthly} />
      </Card>
    </div>
  );
}

/** ?benchmark=BTC|ETH|none: the view is a link; the page's value is the default until the picker changes it. */
const benchmarkParser = (initial: Benchmark) => parseAsStringLiteral(BENCHMARKS).withDefault(initial).withOptions({ history: "replace" });

/**
 * The /performance charts for local days [from, to] in the workspace's zone: one request
 * (GET /api/performance/series), its own loading, empty and error states. Changing the
 * range or the benchmark keeps the previous charts on screen until the new data arrives,
 * so nothing re-mounts or jumps.
 */
export function PerformanceCharts({ from, to, benchmark: initial }: { from: string; to: string; benchmark: Benchmark }) {
  const [benchmark, setBenchmark] = useQueryState("benchmark", benchmarkParser(initial));
  const portfolio = usePortfolioKey();
  const { data, isPending, isError, error, refetch, isFetching } = useQuery({ ...performanceSeriesQuery(from, to, benchmark, portfolio), placeholderData: keepPreviousData });
  if (isPending) return <LoadingState label="Loading the performance charts" blocks={["h-80", "h-64", "h-48"]} />;
  if (isError) {
    return (
      <Card title="Performance charts">
        <ErrorState title="The performance charts could not load" message={error.message} onRetry={() => void refetch()} />
      </Card>
    );
  }
  return (
    <div className={isFetching ? "opacity-70 transition-opacity" : ""} aria-busy={isFetching}>
      <PerformanceChartsView data={data} benchmark={benchmark} onBenchmark={(b) => void setBenchmark(b)} />
    </div>
  );
}
