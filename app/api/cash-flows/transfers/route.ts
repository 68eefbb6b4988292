// GET /api/cash-flows/transfers?cursor&limit&sort=matchedAt.desc&state=live|undone&method=tx_id|amount_time — one keyset page of the active workspace's transfers between its connections, both legs of each.
import { transferTableConfig } from "@/components/cash-flows/transfer-table-config";
import { parseTableState } from "@/components/data-table/url-state";
import { guardRoute } from "@/lib/access/route";
import { ok } from "@/lib/read-models/respond";
import { loadTransferMatchPage } from "@/lib/read-models/transfer-match-data";
import { transferMatchPageSchema } from "@/lib/read-models/transfer-match-schemas";

export async function GET(request: Request) {
  return guardRoute(request, "viewer", async ({ db, ownerId }) => {
    const page = await loadTransferMatchPage(db, { ownerId, request: parseTableState(new URL(request.url).search, transferTableConfig) });
    return ok(transferMatchPageSchema, page);
  });
}
