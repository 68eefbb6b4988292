"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { EquityChart } from "@/components/charts/equity-chart";
import { toChartNumber } from "@/components/format";
import { Card } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { EmptyState, ErrorState } from "@/components/ui/states";
import { DEFAULT_EQUITY_RANGE, type EquityRangeParam } from "@/lib/read-models/dashboard-schemas";
import { equityQuery } from "@/lib/read-models/query-options";

const RANGES: Array<{ id: EquityRangeParam; label: string; spanMs: number }> = [
  { id: "24h", label: "24H", spanMs: 86_400_000 },
  { id: "7d", label: "7D", spanMs: 7 * 86_400_000 },
  { id: "30d", label: "30D", spanMs: 30 * 86_400_000 },
  { id: "90d", label: "90D", spanMs: 90 * 86_400_000 },
  { id: "all", label: "All", spanMs: 365 * 86_400_000 },
];

export function EquitySection() {
  const [range, setRange] = useState<EquityRangeParam>(DEFAULT_EQUITY_RANGE);
  const { data, isPending, isError, error, refetch, isFetching } = useQuery({ ...equityQuery(range), placeholderData: keepPreviousData });
  const span = RANGES.find((r) => r.id === range)!.spanMs;

  const picker = (
    <div className="flex gap-1" role="group" aria-label="Chart range">
      {RANGES.map((r) => (
        <button
          key={r.id}
          type="button"
          aria-pressed={r.id === range}
          onClick={() => setRange(r.id)}
          className={`rounded-md px-2.5 py-1 text-xs font-medium ${r.id === range ? "bg-indigo-600 text-white" : "text-fg-muted hover:bg-surface-2"}`}
        >
          {r.label}
        </button>
      ))}
    </div>
  );

  return (
    <Card title="Equity" actions={picker}>
      {isPending ? (
        <Skeleton className="h-72" />
      ) : isError ? (
        <ErrorState title="The equity history could not load" message={error.message} onRetry={() => void refetch()} />
      ) : data.points.filter((p) => p.equity !== null).length < 2 ? (
        <EmptyState title={`Not enough history in ${data.baseCurrency} for a chart yet`}>Snapshots are captured on every sync.</EmptyState>
      ) : (
        <div className={isFetching ? "opacity-70 transition-opacity" : ""}>
          <EquityChart
            currency={data.baseCurrency}
            timeZone={data.timeZone}
            spanMs={span}
            points={data.points.map((p) => ({
              t: new Date(p.at).getTime(),
              equity: p.equity === null ? null : toChartNumber(p.equity),
              label: p.equity,
            }))}
          />
        </div>
      )}
    </Card>
  );
}
