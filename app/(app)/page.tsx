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
import { loadPerformance } from "@/lib/read-models/performance-data";
import { loadMetricsBar } from "@/lib/read-models/metrics-bar-data";
import { dashboardKeys } from "@/lib/read-models/query-options";
import { requirePageScope } from "@/lib/access/page";
import { hasRole } from "@/lib/auth/roles";
import { recentDays } from "@/lib/exports/export-options";

export const metadata: Metadata = { title: "Overview" };

/**
 * The dashboard. Rendered per request (it reads the database), prefetched on the server.
 * Its <h1> ("Overview") is the shell's page title; the sync toolbar leads the page.
 */
export default async function DashboardPage() {
  await connection();
  const { db, ownerId, viewer } = await requirePageScope("/");
  const now = new Date();
  const { baseCurrency, timeZone } = viewer.workspace;
  const queryClient = new QueryClient();
  await Promise.all([
    queryClient.prefetchQuery({ queryKey: dashboardKeys.summary(), queryFn: () => loadSummary(db, { ownerId, now, baseCurrency }) }),
    queryClient.prefetchQuery({
      queryKey: dashboardKeys.equity(DEFAULT_EQUITY_RANGE),
      queryFn: () => loadEquitySeries(db, { ownerId, range: DEFAULT_EQUITY_RANGE, now, baseCurrency, timeZone }),
    }),
    queryClient.prefetchQuery({ queryKey: dashboardKeys.holdings(), queryFn: () => loadHoldings(db, { ownerId, baseCurrency }) }),
    queryClient.prefetchQuery({
      queryKey: dashboardKeys.performance(),
      queryFn: () => loadPerformance(db, { ownerId, now, baseCurrency, timeZone }),
    }),
    queryClient.prefetchQuery({ queryKey: dashboardKeys.metrics(), queryFn: () => loadMetricsBar(db, { ownerId, now, baseCurrency, timeZone }) }),
  ]);
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <div className="space-y-4">
        <SyncPanel canResync={hasRole(viewer.workspace.role, "member")} />
        <MetricsBar />
        <EquityHeader />
        <EquitySection />
        <Card title="Export the equity series">
          <ExportForm targets={[{ dataset: "snapshots", label: "Equity series" }]} defaultRange={recentDays(timeZone, now, 30)} timeZone={timeZone} buckets />
        </Card>
        <PerformanceCard />
        <HoldingsSection />
      </div>
    </HydrationBoundary>
  );
}
