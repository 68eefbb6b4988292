// GET /api/connections/table?sort=&cursor=&limit=&state=&provider= — one keyset page of the active workspace's connections as the list shows them: state and why, last success, next run, accounts, API use in 24 h. Never credentials.
import { parseTableState } from "@/components/data-table/url-state";
import { CONNECTION_TABLE_URL } from "@/components/connections/table-url";
import { guardRoute } from "@/lib/access/route";
import { loadConnectionRows, pageConnectionRows } from "@/lib/read-models/connection-list";
import { connectionPageSchema } from "@/lib/read-models/connection-schemas";
import { ok } from "@/lib/read-models/respond";

export async function GET(request: Request) {
  return guardRoute(request, "viewer", async ({ db, ownerId }) => {
    const rows = await loadConnectionRows(db, { ownerId, now: new Date() });
    return ok(connectionPageSchema, pageConnectionRows(rows, parseTableState(new URL(request.url).search, CONNECTION_TABLE_URL)));
  });
}
