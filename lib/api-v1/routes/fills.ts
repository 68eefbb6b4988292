import { loadFillPage, fillFiltersSchema } from "@/lib/read-models/fill-data";
import { fillTotalsSchema, fillViewSchema } from "@/lib/read-models/fill-schemas";
import { listEnvelope } from "../envelope";
import { listOf, pageQuery, pageRequest } from "../pagination";
import { defineRoute } from "../route-def";

/** The /fills filters (strict: a value not allowed is a 400 naming it), and paging. */
const fillQuery = fillFiltersSchema.safeExtend(pageQuery).strict();

export const listFills = defineRoute({
  method: "GET",
  path: "/api/v1/fills",
  operationId: "listFills",
  tag: "Orders",
  summary: "The workspace's fills, newest executed first; the first page has the filtered set's totals by asset",
  description:
    "Filters as on /fills: connection, account, symbol, side, strategy tag, from/to (local days of the workspace's time zone, both included), find (a venue or client order id). Keyset-paginated. `totals`, on the first page (no cursor), covers every fill matching the filters (not only that page), summed exactly: quantity by base asset, price × quantity by quote asset, fees by fee asset; later pages have `totals: null`, as the totals do not change with the page.",
  role: "viewer",
  query: fillQuery,
  response: { name: "FillList", schema: listEnvelope(fillViewSchema).extend({ totals: fillTotalsSchema.nullable() }) },
  handle: async ({ scope, query }) => {
    const { cursor, limit, ...filters } = query;
    const page = await loadFillPage(scope.db, { ownerId: scope.ownerId, timeZone: scope.workspace.timeZone, request: pageRequest({ cursor, limit }, {}), filters });
    return { ...listOf(page, (f) => f), totals: page.totals };
  },
});
