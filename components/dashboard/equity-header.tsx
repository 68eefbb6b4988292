"use client";

import { useQuery } from "@tanstack/react-query";
import { formatMoney, signTone } from "@/components/format";
import { dayChangeMethod, dayChangeWords } from "./day-change-words";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { EmptyState, ErrorState } from "@/components/ui/states";
import { signToneClass } from "@/components/ui/tone";
import { summaryQuery } from "@/lib/read-models/query-options";
import { usePortfolioKey } from "@/components/portfolios/use-portfolio-key";

function Component({ label, value, currency }: { label: string; value: string | null; currency: string }) {
  return (
    <div>
      <dt className="text-xs text-fg-subtle">{label}</dt>
      <dd className="font-medium">{value === null ? "—" : formatMoney(value, currency)}</dd>
    </div>
  );
}

export function EquityHeader() {
  const { data, isPending, isError, error, refetch } = useQuery(summaryQuery(usePortfolioKey()));
  if (isPending) return <Skeleton className="h-36" />;
  if (isError) return <ErrorState title="Equity could not load" message={error.message} onRetry={() => void refetch()} />;
  if (data.equity === null) {
    return (
      <Card title="Total equity">
        <EmptyState title={`No snapshot valued in ${data.baseCurrency} yet`}>
          Press Resync to read your venues. After a change of base currency, the history in the previous currency is kept and
          shown again if you switch back.
        </EmptyState>
      </Card>
    );
  }
  const ccy = data.baseCurrency;
  const tone = signToneClass[signTone(data.dayChange)];
  const demo = data.connections.some((c) => c.isDemo);
  return (
    <Card>
      <div className="flex flex-wrap items-end justify-between gap-6">
        <div>
          <div className="flex items-center gap-2">
            <h2 className="text-sm font-semibold uppercase tracking-wide text-fg-subtle">Total equity</h2>
            {demo && (
              <Badge tone="demo" title="Simulated venue data: add a real connection to see your own portfolio">
                Demo
              </Badge>
            )}
          </div>
          <p className="mt-1 text-3xl font-semibold tracking-tight sm:text-4xl" data-testid="equity-value">
            {formatMoney(data.equity, ccy)}
          </p>
          <p className={`mt-1 text-sm ${tone}`} data-testid="day-change" title={data.dayChange === null ? undefined : dayChangeMethod(data.dayChangeBasis)}>
            {dayChangeWords(data)}
          </p>
        </div>
        <dl className="grid min-w-0 grid-cols-2 gap-x-6 gap-y-2 text-sm sm:grid-cols-4 sm:gap-x-8">
          <Component label="Spot" value={data.spotValue} currency={ccy} />
          <Component label="Funding" value={data.fundingValue} currency={ccy} />
          <Component label="Futures wallet" value={data.futuresWalletBalance} currency={ccy} />
          <Component label="Unrealized PnL" value={data.unrealizedPnl} currency={ccy} />
          <Component label="Gross exposure" value={data.grossExposure} currency={ccy} />
          <Component label="Net exposure" value={data.netExposure} currency={ccy} />
          <div>
            <dt className="text-xs text-fg-subtle">Leverage</dt>
            <dd className="font-medium">{data.leverage === null ? "—" : `${new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 }).format(data.leverage as `${number}`)}×`}</dd>
          </div>
        </dl>
      </div>
      {data.unpricedAssets.length > 0 && (
        <p className="mt-4 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950/60 dark:text-amber-200" role="status">
          Not valued (no price found): {data.unpricedAssets.join(", ")}. They are excluded from every total.
        </p>
      )}
    </Card>
  );
}
