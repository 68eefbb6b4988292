import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { connection } from "next/server";
import { EquitySection } from "@/components/dashboard/equity-section";
import { EquityHeader } from "@/components/dashboard/equity-header";
import { HoldingsSection } from "@/components/dashboard/holdings-section";
import { SyncPanel } from "@/components/dashboard/sync-panel";
import { loadEquitySeries, loadHoldings, loadSummary } from "@/lib/read-models/dashboard-data";
import { DEFAULT_EQUITY_RANGE } from "@/lib/read-models/dashboard-schemas";
import { dashboardKeys } from "@/lib/read-models/query-options";
import { requirePageScope } from "@/lib/access/page";
import { hasRole } from "@/lib/auth/roles";

/** The dashboard. Rendered per request (it reads the database), prefetched on the server. */
export default async function DashboardPage() {
  await connection();
  const { db, ownerId, viewer } = await requirePageScope("/");
  const now = new Date();
  const queryClient = new QueryClient();
  await Promise.all([
    queryClient.prefetchQuery({ queryKey: dashboardKeys.summary(), queryFn: () => loadSummary(db, { ownerId, now }) }),
    queryClient.prefetchQuery({
      queryKey: dashboardKeys.equity(DEFAULT_EQUITY_RANGE),
      queryFn: () => loadEquitySeries(db, { ownerId, range: DEFAULT_EQUITY_RANGE, now }),
    }),
    queryClient.prefetchQuery({ queryKey: dashboardKeys.holdings(), queryFn: () => loadHoldings(db, { ownerId }) }),
  ]);
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <div className="space-y-4">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h1 className="text-xl font-semibold">Portfolio</h1>
          <SyncPanel canResync={hasRole(viewer.workspace.role, "member")} />
        </div>
        <EquityHeader />
        <EquitySection />
        <HoldingsSection />
      </div>
    </HydrationBoundary>
  );
}
