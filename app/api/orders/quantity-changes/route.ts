// GET /api/orders/quantity-changes?symbol=BTC%2FUSDT&cursor&limit — one keyset page of every QUANTITY_ADDED and QUANTITY_REMOVED event of one symbol across the active workspace's accounts, in time order (the seed's quantity-changes/:symbol). A missing symbol, or one in no symbol's format, is a 400 naming `symbol`; a symbol the workspace never traded is an empty list.
import { parseTableState } from "@/components/data-table/url-state";
import { QUANTITY_CHANGE_TABLE } from "@/components/orders/quantity-change-table";
import { guardRoute } from "@/lib/access/route";
import { loadQuantityChanges, parseQuantityChangeQuery } from "@/lib/read-models/quantity-change-data";
import { quantityChangePageSchema } from "@/lib/read-models/quantity-change-schemas";
import { filterRefused, ok } from "@/lib/read-models/respond";

export async function GET(request: Request) {
  return guardRoute(request, "viewer", async ({ db, ownerId }) => {
    const url = new URL(request.url);
    const query = parseQuantityChangeQuery(url.searchParams);
    if (!query.success) return filterRefused(query.error);
    const table = parseTableState(url.search, QUANTITY_CHANGE_TABLE);
    return ok(quantityChangePageSchema, await loadQuantityChanges(db, { ownerId, symbol: query.data.symbol, request: table }));
  });
}
