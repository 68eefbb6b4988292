// GET /api/orders?cursor&limit&sort=placedAt.desc&connection&account&symbol&side&status&strategy&from&to&find — one keyset page of the active workspace's orders (current state of each). A filter value that is not allowed is a 400 naming the field.
import { parseTableState } from "@/components/data-table/url-state";
import { orderTableConfig } from "@/components/orders/order-table-config";
import { guardRoute } from "@/lib/access/route";
import { loadOrderPage, parseOrderFilters } from "@/lib/read-models/order-data";
import { orderPageSchema } from "@/lib/read-models/order-schemas";
import { filterRefused, ok } from "@/lib/read-models/respond";

/** The table state is read for its cursor, page size and sort only; the filters are the strict ones. */
const NO_CHOICES = { connections: [], accounts: [] };

export async function GET(request: Request) {
  return guardRoute(request, "viewer", async ({ db, ownerId, workspace }) => {
    const url = new URL(request.url);
    const filters = parseOrderFilters(url.searchParams);
    if (!filters.success) return filterRefused(filters.error);
    // Cursor, page size and sort by the table's own parsers (anything they do not allow reads as the default). The filters
    // are the strict ones above, so the table's filter choices are not loaded: two queries a request fewer (bench:audit).
    const table = parseTableState(url.search, orderTableConfig(NO_CHOICES));
    const page = await loadOrderPage(db, { ownerId, timeZone: workspace.timeZone, request: table, filters: filters.data });
    return ok(orderPageSchema, page);
  });
}
