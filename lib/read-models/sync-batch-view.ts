import type { SyncBatchRow } from "@/db/schema";
import type { SyncBatchView } from "@/lib/read-models/dashboard-schemas";
import { redact } from "@/lib/security/redact";

/**
 * A batch row as the API reports it: ISO times, no owner, the venue's weight per bucket
 * but not its per-endpoint detail. Errors were redacted where they arose; they pass
 * through `redact` once more here, so a secret can never reach a browser by this road.
 */
export function toSyncBatchView(b: SyncBatchRow, observedAt: Date = new Date()): SyncBatchView {
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
    apiWeight: b.apiUsage?.usedWeight ?? null,
    failedStreams: (b.failedStreams ?? []).map((f) => ({ ...f, message: redact(f.message) })),
    errorKind: b.errorKind,
    error: b.error === null ? null : redact(b.error),
    progress: b.progress,
    observedAt: observedAt.toISOString(),
  };
}
