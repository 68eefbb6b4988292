"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { parseAsStringLiteral, useQueryState } from "nuqs";
import { useState } from "react";
import { EquityChart, type EquityMetric } from "@/components/charts/equity-chart";
import { formatDateTime, toChartNumber } from "@/components/format";
import { Card } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { EmptyState, ErrorState } from "@/components/ui/states";
import { DEFAULT_EQUITY_RANGE, type EquityRangeParam } from "@/lib/read-models/dashboard-schemas";
import { equityQuery } from "@/lib/read-models/query-options";
import { usePortfolioKey } from "@/components/portfolios/use-portfolio-key";

const RANGES: Array<{ id: EquityRangeParam; label: string; spanMs: number }> = [
  { id: "24h", label: "24H", spanMs: 86_400_000 },
  { id: "7d", label: "7D", spanMs: 7 * 86_400_000 },
  { id: "30d", label: "30D", spanMs: 30 * 86_400_000 },
  { id: "90d", label: "90D", spanMs: 90 * 86_400_000 },
  { id: "all", label: "All", spanMs: 365 * 86_400_000 },
];

const METRICS: Array<{ id: EquityMetric; label: string; title: string }> = [
  { id: "equity", label: "Equity", title: "Total equity in the base currency: deposits and withdrawals move it" },
  { id: "nav", label: "NAV per unit", title: "NAV per unit: starts at 1.0000 and moves only with performance, never with deposits or withdrawals" },
];
/** ?chart=nav: the view is a link like any other; the default (equity) leaves the URL clean. */
const metricParser = parseAsStringLiteral(METRICS.map((m) => m.id)).withDefault("equity").withOptions({ history: "push" });

function ToggleGroup<T extends string>({ label, options, value, onChange }: { label: string; options: Array<{ id: T; label: string; title?: string }>; value: T; onChange: (id: T) => void }) {
  return (
    <div className="flex gap-1" role="group" aria-label={label}>
      {options.map((o) => (
        <button
          key={o.id}
          type="button"
          aria-pressed={o.id === value}
          title={o.title}
          onClick={() => onChange(o.id)}
          className={`rounded-md px-2.5 py-1 text-xs font-medium ${o.id === value ? "bg-indigo-600 text-white" : "text-fg-muted hover:bg-surface-2"}`}
        >
          {o.label}
        </button>
      ))}
    </div>
  );
}

export function EquitySection() {
  const [range, setRange] = useState<EquityRangeParam>(DEFAULT_EQUITY_RANGE);
  const [metric, setMetric] = useQueryState("chart", metricParser);
  const { data, isPending, isError, error, refetch, isFetching } = useQuery({ ...equityQuery(range, usePortfolioKey()), placeholderData: keepPreviousData });
  const span = RANGES.find((r) => r.id === range)!.spanMs;

  const controls = (
    <div className="flex flex-wrap gap-3">
      <ToggleGroup label="Chart metric" options={METRICS} value={metric} onChange={(m) => void setMetric(m)} />
      <ToggleGroup label="Chart range" options={RANGES} value={range} onChange={setRange} />
    </div>
  );
  const hasNav = data?.points.some((p) => p.navPerUnit !== null) ?? false;

  return (
    <Card title={metric === "nav" ? "NAV per unit" : "Equity"} actions={controls}>
      {isPending ? (
        <Skeleton className="h-72" />
      ) : isError ? (
        <ErrorState title="The equity history could not load" message={error.message} onRetry={() => void refetch()} />
      ) : data.points.filter((p) => p.equity !== null).length < 2 ? (
        <EmptyState title={`Not enough history in ${data.baseCurrency} for a chart yet`}>
          {data.portfolio
            ? `${data.portfolio.label}'s chart has one point a day, from its end-of-day closes: it needs two days.`
            : "Snapshots are captured on every sync."}
        </EmptyState>
      ) : metric === "nav" && !hasNav ? (
        <EmptyState title="Flows not yet counted for this range">
          NAV per unit appears once deposits and withdrawals are counted for this history; until then only equity is shown.
        </EmptyState>
      ) : (
        <div className={isFetching ? "opacity-70 transition-opacity" : ""}>
          <EquityChart
            metric={metric}
            currency={data.baseCurrency}
            timeZone={data.timeZone}
            spanMs={span}
            reconstructedUntil={data.reconstructedUntil === null ? null : new Date(data.reconstructedUntil).getTime()}
            points={data.points.map((p) => {
              const label = metric === "nav" ? p.navPerUnit : p.equity;
              return { t: new Date(p.at).getTime(), value: label === null ? null : toChartNumber(label), label, netFlows: p.netFlows };
            })}
          />
          <p className="mt-2 text-xs text-fg-subtle">
            {metric === "nav"
              ? "NAV per unit starts at 1.0000; deposits and withdrawals issue or redeem units at the NAV of their moment, so only performance moves it."
              : "Equity includes deposits and withdrawals; switch to NAV per unit to see performance alone."}{" "}
            Amber dots mark buckets with deposits or withdrawals.
            {data.portfolio &&
              ` ${data.portfolio.label}: one point a local day in ${data.timeZone}, the end-of-day closes of its whole connections summed (today from their latest snapshots); the workspace's finer buckets are kept for the whole workspace only.`}
            {data.reconstructedUntil !== null &&
              ` Up to ${formatDateTime(data.reconstructedUntil, data.timeZone)} the history is reconstructed from fills, deposits, withdrawals and daily closes (the dashed line); after it, measured at each sync.`}
          </p>
        </div>
      )}
    </Card>
  );
}
