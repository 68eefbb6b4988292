import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import type { Metadata } from "next";
import { connection } from "next/server";
import { parseTableState } from "@/components/data-table/url-state";
import { syncTableConfig } from "@/components/syncs/sync-table-config";
import { Card } from "@/components/ui/card";
import { listConnections } from "@/db/queries/connections";
import { requirePageScope } from "@/lib/access/page";
import { hasRole } from "@/lib/auth/roles";
import { syncKeys } from "@/lib/read-models/query-options";
import { loadSyncHistoryPage } from "@/lib/read-models/sync-history-data";
import { SyncHistory } from "./_components/sync-history";

export const metadata: Metadata = { title: "Syncs" };

/**
 * The workspace's sync history: every run with its trigger, mode, outcome, cost and
 * counts, filterable by connection, status and trigger. The first page is read on the
 * server for the URL's view, so the table renders filled.
 */
export default async function SyncsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await connection();
  const { db, ownerId, viewer } = await requirePageScope("/syncs");
  const connections = (await listConnections(db, { ownerId })).map((c) => ({ id: c.id, label: c.label }));
  const request = parseTableState(await searchParams, syncTableConfig(connections));
  const queryClient = new QueryClient();
  await queryClient.prefetchQuery({ queryKey: syncKeys.history(request), queryFn: () => loadSyncHistoryPage(db, { ownerId, request, now: new Date() }) });
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <Card title="Sync history">
        <SyncHistory connections={connections} canRetry={hasRole(viewer.workspace.role, "member")} />
      </Card>
    </HydrationBoundary>
  );
}
