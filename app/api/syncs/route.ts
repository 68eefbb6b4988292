// GET /api/syncs?cursor&limit&sort=startedAt.desc&connection&status&trigger — one keyset page of the active workspace's sync runs, each with its connection, counts, error and live progress.
import { parseTableState } from "@/components/data-table/url-state";
import { syncTableConfig } from "@/components/syncs/sync-table-config";
import { listConnections } from "@/db/queries/connections";
import { guardRoute } from "@/lib/access/route";
import { ok } from "@/lib/read-models/respond";
import { loadSyncHistoryPage } from "@/lib/read-models/sync-history-data";
import { syncHistoryPageSchema } from "@/lib/read-models/sync-history-schemas";

export async function GET(request: Request) {
  return guardRoute(request, "viewer", async ({ db, ownerId }) => {
    // The same parsers as the page's URL: anything they do not allow reads as the default.
    const config = syncTableConfig(await listConnections(db, { ownerId }));
    const page = await loadSyncHistoryPage(db, { ownerId, request: parseTableState(new URL(request.url).search, config), now: new Date() });
    return ok(syncHistoryPageSchema, page);
  });
}
