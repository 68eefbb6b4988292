import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { z } from "zod";
import { getConnection } from "@/db/queries/connections";
import { NotFoundError } from "@/db/queries/not-found";
import { getSyncBatch } from "@/db/queries/sync-batches";
import { requirePageScope } from "@/lib/access/page";
import { hasRole } from "@/lib/auth/roles";
import { syncKeys } from "@/lib/read-models/query-options";
import { loadRawResponseList } from "@/lib/read-models/raw-response-data";
import { toSyncBatchView } from "@/lib/read-models/sync-batch-view";
import { SyncRunDetail } from "./_components/sync-run-detail";

export const metadata: Metadata = { title: "Sync run" };

/** One sync run; another workspace's run (or a made-up id) is a 404, like one that does not exist. */
export default async function SyncRunPage({ params }: { params: Promise<{ id: string }> }) {
  await connection();
  const { id } = await params;
  const { db, ownerId, viewer } = await requirePageScope(`/syncs/${encodeURIComponent(id)}`);
  if (!z.uuid().safeParse(id).success) notFound();
  const batch = await getSyncBatch(db, { ownerId, batchId: id }).catch((e: unknown) => {
    if (e instanceof NotFoundError) notFound();
    throw e;
  });
  const conn = await getConnection(db, { ownerId, connectionId: batch.connectionId });
  const admin = hasRole(viewer.workspace.role, "admin");
  const queryClient = new QueryClient();
  queryClient.setQueryData(syncKeys.batch(id), toSyncBatchView(batch));
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <SyncRunDetail
        batchId={id}
        connection={{ id: conn.id, label: conn.label, provider: conn.provider }}
        canRetry={hasRole(viewer.workspace.role, "member")}
        rawResponses={admin ? await loadRawResponseList(db, { ownerId, batchId: id }) : null}
      />
    </HydrationBoundary>
  );
}
