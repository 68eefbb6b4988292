import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { Plus } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { parseTableState } from "@/components/data-table/url-state";
import { CONNECTION_TABLE_URL } from "@/components/connections/table-url";
import { Card } from "@/components/ui/card";
import { requirePageScope } from "@/lib/access/page";
import { hasRole } from "@/lib/auth/roles";
import { loadConnectionRows, pageConnectionRows } from "@/lib/read-models/connection-list";
import { connectionKeys } from "@/lib/read-models/connection-queries";
import { ConnectionTable } from "./_components/connection-table";

export const metadata: Metadata = { title: "Connections" };

/**
 * The workspace's venue connections, one row each, with what a person needs to trust them:
 * the state and why, the last success and the next run, the accounts found and the API use
 * of the last day. Prefetched for the view in the URL; admins and owners add connections.
 */
export default async function ConnectionsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await connection();
  const { db, ownerId, viewer } = await requirePageScope("/connections");
  const request = parseTableState(await searchParams, CONNECTION_TABLE_URL);
  const queryClient = new QueryClient();
  await queryClient.prefetchQuery({
    queryKey: connectionKeys.page(request),
    queryFn: async () => pageConnectionRows(await loadConnectionRows(db, { ownerId, now: new Date() }), request),
  });
  const canAdd = hasRole(viewer.workspace.role, "admin");
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <div className="space-y-4">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <p className="max-w-2xl text-sm text-fg-muted">
            Each connection reads one venue with a read-only key, on the venue&apos;s schedule. Open one to see its accounts, holdings and runs.
          </p>
          {canAdd && (
            <Link href="/connections/new" className="inline-flex items-center gap-1.5 rounded-md bg-indigo-600 px-3 py-2 text-sm font-medium text-white shadow-sm hover:bg-indigo-700">
              <Plus aria-hidden className="size-4" />
              Add connection
            </Link>
          )}
        </div>
        <Card title="Connections">
          <ConnectionTable canAdd={canAdd} />
        </Card>
      </div>
    </HydrationBoundary>
  );
}
