import { z } from "zod";
import type { Db } from "@/db/client";
import { decodeCursor } from "@/db/queries/keyset";
import { listSyncHistoryPage } from "@/db/queries/sync-history";
import { SYNC_STATUSES, SYNC_TRIGGERS } from "@/db/schema/sync-enums";
import type { KeysetPage, KeysetPageRequest } from "./keyset-page";
import { toSyncBatchView } from "./sync-batch-view";
import type { SyncRunView } from "./sync-history-schemas";

// Each filter on its own: one unknown value drops that filter only.
const filtersSchema = z.object({
  connection: z.uuid().optional().catch(undefined),
  status: z.enum(SYNC_STATUSES).optional().catch(undefined),
  trigger: z.enum(SYNC_TRIGGERS).optional().catch(undefined),
});

/**
 * One page of the workspace's sync history for a table request. Unknown filter values and
 * a cursor that is not ours read as "none" (the URL rules of the data table).
 */
export async function loadSyncHistoryPage(db: Db, p: { ownerId: string; request: KeysetPageRequest; now: Date }): Promise<KeysetPage<SyncRunView>> {
  const filters = filtersSchema.parse(p.request.filters);
  const page = await listSyncHistoryPage(db, {
    ownerId: p.ownerId,
    cursor: decodeCursor(p.request.cursor),
    limit: p.request.limit,
    descending: p.request.sort?.desc ?? true,
    filters: { connectionId: filters.connection, status: filters.status, trigger: filters.trigger },
  });
  return {
    ...page,
    rows: page.rows.map((r) => ({ ...toSyncBatchView(r.batch, p.now), connectionLabel: r.connectionLabel, provider: r.provider })),
  };
}
