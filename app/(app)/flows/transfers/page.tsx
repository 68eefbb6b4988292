import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import type { Metadata } from "next";
import { connection } from "next/server";
import { transferTableConfig } from "@/components/cash-flows/transfer-table-config";
import { parseTableState } from "@/components/data-table/url-state";
import { Card } from "@/components/ui/card";
import { requirePageScope } from "@/lib/access/page";
import { hasRole } from "@/lib/auth/roles";
import { TRANSFER_WINDOW } from "@/lib/engines/transfers";
import { transferMatchKeys } from "@/lib/read-models/query-options";
import { loadTransferMatchPage } from "@/lib/read-models/transfer-match-data";
import { TransferList } from "./_components/transfer-list";

export const metadata: Metadata = { title: "Transfers" };

/**
 * Transfers between the workspace's connections: each match of a withdrawal from one and a
 * deposit into another, live or undone, with Undo for members. The first page is read on
 * the server for the URL's view, so the table renders filled.
 */
export default async function TransfersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await connection();
  const { db, ownerId, viewer } = await requirePageScope("/flows/transfers");
  const request = parseTableState(await searchParams, transferTableConfig);
  const queryClient = new QueryClient();
  await queryClient.prefetchQuery({ queryKey: transferMatchKeys.page(request), queryFn: () => loadTransferMatchPage(db, { ownerId, request }) });
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <Card title="Transfers between connections">
        <div className="mb-4 max-w-3xl space-y-2 text-sm text-fg-muted">
          <p>
            A match is a withdrawal from one of your connections and a deposit into another that are the same money moving. Matched, the two are{" "}
            <strong className="font-medium text-fg">not counted as a deposit or withdrawal of the workspace</strong>; each still shows on its connection,
            whose balance it moved.
          </p>
          <p>
            How they are matched: by transaction id first (the amounts may differ by a fee the receiving venue took); otherwise by the same asset and
            exactly the same amount, the deposit from {TRANSFER_WINDOW.text}, the closest in time; when two fit equally well, neither is matched.
            Undo a wrong match: both count as the workspace&apos;s flows again, and the two are never matched again.
          </p>
        </div>
        <TransferList canUndo={hasRole(viewer.workspace.role, "member")} />
      </Card>
    </HydrationBoundary>
  );
}
