"use client";

import { useQuery } from "@tanstack/react-query";
import { AllocationChart } from "@/components/charts/allocation-chart";
import { toChartNumber } from "@/components/format";
import { AllocationTable } from "@/components/tables/allocation-table";
import { PositionsTable } from "@/components/tables/positions-table";
import { Card } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { EmptyState, ErrorState } from "@/components/ui/states";
import { holdingsQuery } from "@/lib/read-models/query-options";
import { usePortfolioKey } from "@/components/portfolios/use-portfolio-key";

export function HoldingsSection() {
  const { data, isPending, isError, error, refetch } = useQuery(holdingsQuery(usePortfolioKey()));
  if (isPending) {
    return (
      <div className="grid grid-cols-1 gap-4">
        <Skeleton className="h-72" />
        <Skeleton className="h-40" />
      </div>
    );
  }
  if (isError) return <ErrorState title="Holdings could not load" message={error.message} onRetry={() => void refetch()} />;
  return (
    // Stacked: beside the sidebar, a third of the width cuts the allocation table and the
    // positions table needs the full width to show its ten columns without scrolling.
    <div className="grid grid-cols-1 gap-4">
      <Card title="Allocation by asset">
        {data.allocation.length === 0 ? (
          <EmptyState title="No spot holdings" />
        ) : (
          <div className="grid grid-cols-1 items-center gap-4 md:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
            <AllocationChart
              currency={data.baseCurrency}
              slices={data.allocation.map((a) => ({ asset: a.asset, value: toChartNumber(a.value), valueLabel: a.value, weightLabel: a.weight }))}
            />
            <AllocationTable rows={data.allocation} currency={data.baseCurrency} />
          </div>
        )}
      </Card>
      <Card title="Open positions">
        {data.positions.length === 0 ? <EmptyState title="No open derivatives positions" /> : <PositionsTable positions={data.positions} />}
      </Card>
    </div>
  );
}
