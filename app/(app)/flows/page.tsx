import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import type { Metadata } from "next";
import { connection } from "next/server";
import { flowTableConfig } from "@/components/cash-flows/flow-table-config";
import { ExportForm } from "@/components/exports/export-form";
import { parseTableState } from "@/components/data-table/url-state";
import { Card } from "@/components/ui/card";
import { listConnections } from "@/db/queries/connections";
import { requirePageScope } from "@/lib/access/page";
import { hasRole } from "@/lib/auth/roles";
import { recentDays } from "@/lib/exports/export-options";
import { loadFlowAccounts, loadFlowPage, loadNetDeposits } from "@/lib/read-models/cash-flow-data";
import { cashFlowKeys } from "@/lib/read-models/query-options";
import { AddFlowButton } from "./_components/add-flow-button";
import { CountLegend } from "./_components/count-legend";
import { FlowList } from "./_components/flow-list";
import { NetDeposits } from "./_components/net-deposits";

export const metadata: Metadata = { title: "Flows" };

/**
 * Money in and out of the workspace: every flow the venues report and every one added by
 * hand, with whether it counts in net deposits and why (filters in the URL). Members add,
 * reverse and replace flows; viewers read.
 */
export default async function FlowsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await connection();
  const { db, ownerId, viewer } = await requirePageScope("/flows");
  const { baseCurrency, timeZone, role } = viewer.workspace;
  const canAct = hasRole(role, "member");
  const connections = (await listConnections(db, { ownerId })).map((c) => ({ id: c.id, label: c.label }));
  const request = parseTableState(await searchParams, flowTableConfig(connections));
  const queryClient = new QueryClient();
  const [, net, accounts] = await Promise.all([
    queryClient.prefetchQuery({ queryKey: cashFlowKeys.page(request), queryFn: () => loadFlowPage(db, { ownerId, baseCurrency, request }) }),
    loadNetDeposits(db, { ownerId, baseCurrency }),
    canAct ? loadFlowAccounts(db, { ownerId }) : Promise.resolve([]),
  ]);
  const workspace = { baseCurrency, timeZone };
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <div className="space-y-4">
        <Card
          title="Net deposits"
          actions={
            canAct ? (
              <AddFlowButton accounts={accounts} workspace={workspace} />
            ) : (
              <p className="text-xs text-fg-subtle">Members and above add and correct flows; your role ({role}) reads them.</p>
            )
          }
        >
          <NetDeposits net={net} />
        </Card>
        <Card title="Flows">
          <div className="space-y-4">
            <ExportForm targets={[{ dataset: "cash-flows", label: "Cash flows" }]} defaultRange={recentDays(timeZone, new Date(), 90)} timeZone={timeZone} />
            <FlowList connections={connections} accounts={accounts} canAct={canAct} workspace={workspace} />
            <CountLegend />
          </div>
        </Card>
      </div>
    </HydrationBoundary>
  );
}
