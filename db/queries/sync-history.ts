import { and, asc, eq, type SQL } from "drizzle-orm";
import type { Db } from "../client";
import { connections, syncBatches, syncRawResponses, type SyncStatus, type SyncTrigger } from "../schema";
import { keysetOrder, keysetResult, keysetWhere, keyText, type KeysetCursor } from "./keyset";
import { NotFoundError } from "./not-found";

export interface SyncHistoryFilters {
  connectionId?: string;
  status?: SyncStatus;
  trigger?: SyncTrigger;
}

const KEY = { at: syncBatches.startedAt, id: syncBatches.id };

/**
 * One page of the workspace's sync runs, newest first by default, each with its
 * connection's label and provider. Keyset by (started_at, id), served by
 * sync_batches_owner_started_idx.
 */
export async function listSyncHistoryPage(
  db: Db,
  p: { ownerId: string; cursor: KeysetCursor | null; limit: number; descending: boolean; filters: SyncHistoryFilters },
) {
  const where: SQL[] = [eq(syncBatches.ownerId, p.ownerId)];
  if (p.filters.connectionId) where.push(eq(syncBatches.connectionId, p.filters.connectionId));
  if (p.filters.status) where.push(eq(syncBatches.status, p.filters.status));
  if (p.filters.trigger) where.push(eq(syncBatches.trigger, p.filters.trigger));
  const range = keysetWhere(KEY, p.cursor, p.descending);
  if (range) where.push(range);
  const fetched = await db
    .select({ batch: syncBatches, connectionLabel: connections.label, provider: connections.provider, key: keyText(syncBatches.startedAt) })
    .from(syncBatches)
    .innerJoin(connections, eq(connections.id, syncBatches.connectionId))
    .where(and(...where))
    .orderBy(...keysetOrder(KEY, p.cursor, p.descending))
    .limit(p.limit + 1);
  return keysetResult(fetched, { cursor: p.cursor, limit: p.limit, key: (r) => ({ at: r.key, id: r.batch.id }) });
}

/** The stored venue responses of one run, without their bodies. */
export async function listRawResponses(db: Db, p: { ownerId: string; batchId: string }) {
  return db
    .select({
      id: syncRawResponses.id,
      endpoint: syncRawResponses.endpoint,
      capturedAt: syncRawResponses.capturedAt,
      bytes: syncRawResponses.bytes,
      truncated: syncRawResponses.truncated,
    })
    .from(syncRawResponses)
    .where(and(eq(syncRawResponses.ownerId, p.ownerId), eq(syncRawResponses.batchId, p.batchId)))
    .orderBy(asc(syncRawResponses.capturedAt), asc(syncRawResponses.endpoint));
}

/** One stored response with its body; another workspace's is not found. */
export async function getRawResponse(db: Db, p: { ownerId: string; id: string }) {
  const [row] = await db
    .select()
    .from(syncRawResponses)
    .where(and(eq(syncRawResponses.ownerId, p.ownerId), eq(syncRawResponses.id, p.id)));
  if (!row) throw new NotFoundError("raw response");
  return row;
}
