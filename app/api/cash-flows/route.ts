// GET /api/cash-flows?cursor&limit&sort=occurredAt.desc&connection&kind&status&source&counted&find — one keyset page of the active workspace's cash flows (current state of each), valued in its base currency, each with whether it counts and why.
import { flowTableConfig } from "@/components/cash-flows/flow-table-config";
import { parseTableState } from "@/components/data-table/url-state";
import { listConnections } from "@/db/queries/connections";
import { guardRoute } from "@/lib/access/route";
import { loadFlowPage } from "@/lib/read-models/cash-flow-data";
import { flowPageSchema } from "@/lib/read-models/cash-flow-schemas";
import { ok } from "@/lib/read-models/respond";

export async function GET(request: Request) {
  return guardRoute(request, "viewer", async ({ db, ownerId, workspace }) => {
    const config = flowTableConfig(await listConnections(db, { ownerId }));
    const page = await loadFlowPage(db, { ownerId, baseCurrency: workspace.baseCurrency, request: parseTableState(new URL(request.url).search, config) });
    return ok(flowPageSchema, page);
  });
}
