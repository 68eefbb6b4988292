import type { SyncBatchRow } from "@/db/schema";
import type { SyncBatchView } from "@/lib/read-models/dashboard-schemas";

/** A batch row as the API reports it: ISO times, no owner, no raw venue usage detail. */
export function toSyncBatchView(b: SyncBatchRow): SyncBatchView {
  return {
    id: b.id,
    connectionId: b.connectionId,
    trigger: b.trigger,
    status: b.status,
    mode: b.mode,
    startedAt: b.startedAt.toISOString(),
    finishedAt: b.finishedAt?.toISOString() ?? null,
    durationMs: b.durationMs,
    counts: b.counts,
    apiCalls: b.apiCalls,
    failedStreams: b.failedStreams ?? [],
    errorKind: b.errorKind,
    error: b.error,
  };
}
