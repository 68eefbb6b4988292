import type { Db } from "@/db/client";
import { listActiveConnections } from "@/db/queries/connections";
import type { SyncTrigger } from "@/db/schema";
import { SyncFailedError, syncConnection } from "./sync-connection";

export interface SyncRunSummary {
  connectionId: string;
  ok: boolean;
  batchId: string | null;
  error?: string;
}

/**
 * Syncs connections one after another. A failure is already recorded on its batch and
 * connection; it does not stop the others.
 */
export async function syncConnections(
  db: Db,
  targets: Array<{ id: string; ownerId: string }>,
  trigger: SyncTrigger,
  now?: () => Date,
): Promise<SyncRunSummary[]> {
  const out: SyncRunSummary[] = [];
  for (const c of targets) {
    try {
      const r = await syncConnection(db, { ownerId: c.ownerId, connectionId: c.id, trigger, now });
      out.push({ connectionId: c.id, ok: true, batchId: r.batchId });
    } catch (e) {
      if (!(e instanceof SyncFailedError)) throw e;
      out.push({ connectionId: c.id, ok: false, batchId: e.batchId, error: e.message });
    }
  }
  return out;
}

/** The in-process schedule's tick: every active connection of every owner. */
export async function syncActiveConnections(db: Db, trigger: SyncTrigger = "cron"): Promise<SyncRunSummary[]> {
  return syncConnections(db, await listActiveConnections(db), trigger);
}
