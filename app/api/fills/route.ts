// GET /api/fills?cursor&limit&sort=executedAt.desc&connection&account&symbol&side&strategy&from&to&find — one keyset page of the active workspace's fills and the totals (Σ quantity, Σ price × quantity, Σ fee, by asset) of every fill the filters match. A filter value that is not allowed is a 400 naming the field.
import { parseTableState } from "@/components/data-table/url-state";
import { fillTableConfig } from "@/components/fills/fill-table-config";
import { guardRoute } from "@/lib/access/route";
import { loadFillPage, parseFillFilters } from "@/lib/read-models/fill-data";
import { fillPageSchema } from "@/lib/read-models/fill-schemas";
import { filterRefused, ok } from "@/lib/read-models/respond";

/** The table state is read for its cursor, page size and sort only; the filters are the strict ones. */
const NO_CHOICES = { connections: [], accounts: [] };

export async function GET(request: Request) {
  return guardRoute(request, "viewer", async ({ db, ownerId, workspace }) => {
    const url = new URL(request.url);
    const filters = parseFillFilters(url.searchParams);
    if (!filters.success) return filterRefused(filters.error);
    // Cursor, page size and sort by the table's own parsers (anything they do not allow reads as the default). The filters
    // are the strict ones above, so the table's filter choices are not loaded: two queries a request fewer (bench:audit).
    const table = parseTableState(url.search, fillTableConfig(NO_CHOICES));
    const page = await loadFillPage(db, { ownerId, timeZone: workspace.timeZone, request: table, filters: filters.data });
    return ok(fillPageSchema, page);
  });
}
