// GET /api/dashboard/equity?range=24h|7d|30d|90d|all — the active workspace's equity series, bucketed for the range.
import { z } from "zod";
import { guardRoute } from "@/lib/access/route";
import { loadEquitySeries } from "@/lib/read-models/dashboard-data";
import { equityRangeSchema, equitySeriesSchema } from "@/lib/read-models/dashboard-schemas";
import { badRequest, ok } from "@/lib/read-models/respond";

const querySchema = z.object({ range: equityRangeSchema.default("30d") });

export async function GET(request: Request) {
  return guardRoute(request, "viewer", async ({ db, ownerId, workspace }) => {
    const query = querySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!query.success) return badRequest(query.error);
    const { baseCurrency, timeZone } = workspace;
    return ok(equitySeriesSchema, await loadEquitySeries(db, { ownerId, range: query.data.range, now: new Date(), baseCurrency, timeZone }));
  });
}
