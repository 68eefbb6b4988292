// GET /api/alerts?cursor&limit&sort=lastSeenAt.desc&kind&severity&connection&acknowledged&state — one keyset page of the active workspace's alerts, each marked with a mute in force.
import { alertTableConfig } from "@/components/alerts/alert-table-config";
import { parseTableState } from "@/components/data-table/url-state";
import { listConnections } from "@/db/queries/connections";
import { guardRoute } from "@/lib/access/route";
import { loadAlertPage } from "@/lib/read-models/alert-data";
import { alertPageSchema } from "@/lib/read-models/alert-schemas";
import { ok } from "@/lib/read-models/respond";

export async function GET(request: Request) {
  return guardRoute(request, "viewer", async ({ db, ownerId }) => {
    const config = alertTableConfig(await listConnections(db, { ownerId }));
    const page = await loadAlertPage(db, { ownerId, request: parseTableState(new URL(request.url).search, config), now: new Date() });
    return ok(alertPageSchema, page);
  });
}
