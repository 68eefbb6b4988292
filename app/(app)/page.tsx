import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import type { Metadata } from "next";
import { connection } from "next/server";
import { EquitySection } from "@/components/dashboard/equity-section";
import { EquityHeader } from "@/components/dashboard/equity-header";
import { HoldingsSection } from "@/components/dashboard/holdings-section";
import { MetricsBar } from "@/components/dashboard/metrics-bar";
import { PerformanceCard } from "@/components/dashboard/performance-card";
import { SyncPanel } from "@/components/dashboard/sync-panel";
import { ExportForm } from "@/components/exports/export-form";
import { Card } from "@/components/ui/card";
import { loadEquitySeries, loadHoldings, loadSummary } from "@/lib/read-models/dashboard-data";
import { DEFAULT_EQUITY_RANGE } from "@/lib/read-models/dashboard-schemas";
import { loadPerformance, loadSelectionPerformance } from "@/lib/read-models/performance-data";
import { loadSelectionEquitySeries } from "@/lib/read-models/selection-equity";
import { loadSelectionSeries } from "@/lib/read-models/selection-series";
import { loadMetricsBar } from "@/lib/read-models/metrics-bar-data";
import { dashboardKeys } from "@/lib/read-models/query-options";
import { requirePageScope } from "@/lib/access/page";
import { hasRole } from "@/lib/auth/roles";
import { recentDays } from "@/lib/exports/export-options";
import { PortfolioNote, PortfolioRefused } from "@/components/portfolios/portfolio-note";
import { EQUITY_HISTORY_NOT_SPLIT, pageSelection, partialNote } from "@/lib/read-models/portfolio-scope";

export const metadata: Metadata = { title: "Overview" };

/**
 * The dashboard. Rendered per request (it reads the database), prefetched on the server.
 * Its <h1> ("Overview") is the shell's page title; the sync toolbar leads the page.
 * For one connection or portfolio (?portfolio=): the summary, metrics bar, equity chart,
 * performance card and holdings of the selection (the chart, periods and card from its daily
 * closes); the equity series export reads the workspace's roll-ups only, so a note says so.
 */
export default async function DashboardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await connection();
  const { db, ownerId, viewer } = await requirePageScope("/");
  const selected = await pageSelection(db, ownerId, await searchParams);
  if (!selected.ok) return <PortfolioRefused page="/" title={selected.title} message={selected.message} />;
  const { portfolio } = selected;
  const key = portfolio.key;
  const whole = portfolio.kind === "workspace";
  const now = new Date();
  const { baseCurrency, timeZone } = viewer.workspace;
  const queryClient = new QueryClient();
  // A selection's chart, metrics bar and performance card stand on one daily series: read it once.
  const series = whole ? undefined : loadSelectionSeries(db, { ownerId, baseCurrency, portfolio, live: { now, timeZone } });
  await Promise.all([
    queryClient.prefetchQuery({ queryKey: dashboardKeys.summary(key), queryFn: () => loadSummary(db, { ownerId, now, baseCurrency, portfolio }) }),
    queryClient.prefetchQuery({
      queryKey: dashboardKeys.equity(DEFAULT_EQUITY_RANGE, key),
      queryFn: () =>
        whole
          ? loadEquitySeries(db, { ownerId, range: DEFAULT_EQUITY_RANGE, now, baseCurrency, timeZone })
          : loadSelectionEquitySeries(db, { ownerId, range: DEFAULT_EQUITY_RANGE, now, baseCurrency, timeZone, portfolio, series }),
    }),
    queryClient.prefetchQuery({ queryKey: dashboardKeys.holdings(key), queryFn: () => loadHoldings(db, { ownerId, baseCurrency, portfolio }) }),
    queryClient.prefetchQuery({
      queryKey: dashboardKeys.performance(key),
      queryFn: () => (whole ? loadPerformance(db, { ownerId, now, baseCurrency, timeZone }) : loadSelectionPerformance(db, { ownerId, now, baseCurrency, timeZone, portfolio, series })),
    }),
    queryClient.prefetchQuery({ queryKey: dashboardKeys.metrics(key), queryFn: () => loadMetricsBar(db, { ownerId, now, baseCurrency, timeZone, portfolio, series }) }),
  ]);
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <div className="space-y-4">
        <PortfolioNote label={portfolio.label} whole={whole} notes={[partialNote(portfolio), whole ? null : EQUITY_HISTORY_NOT_SPLIT]} />
        <SyncPanel canResync={hasRole(viewer.workspace.role, "member")} />
        <MetricsBar />
        <EquityHeader />
        <EquitySection />
        {whole && (
          <>
            <Card title="Export the equity series">
              <ExportForm targets={[{ dataset: "snapshots", label: "Equity series" }]} defaultRange={recentDays(timeZone, now, 30)} timeZone={timeZone} buckets />
            </Card>
          </>
        )}
        <PerformanceCard />
        <HoldingsSection />
      </div>
    </HydrationBoundary>
  );
}
