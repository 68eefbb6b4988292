// GET /api/dashboard/equity?range=24h|7d|30d|90d|all — the active workspace's equity series, bucketed for the range. The roll-ups are the workspace's only: ?portfolio= naming a connection or portfolio is a 422 saying so.
import { z } from "zod";
import { guardRoute } from "@/lib/access/route";
import { loadEquitySeries } from "@/lib/read-models/dashboard-data";
import { equityRangeSchema, equitySeriesSchema } from "@/lib/read-models/dashboard-schemas";
import { badRequest, ok } from "@/lib/read-models/respond";
import { EQUITY_HISTORY_NOT_SPLIT, routePortfolio } from "@/lib/read-models/portfolio-scope";
import { notSplit } from "@/lib/read-models/respond";

const querySchema = z.object({ range: equityRangeSchema.default("30d") });

export async function GET(request: Request) {
  return guardRoute(request, "viewer", async ({ db, ownerId, workspace }) => {
    const query = querySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!query.success) return badRequest(query.error);
    if ((await routePortfolio(db, ownerId, request)).kind !== "workspace") return notSplit(EQUITY_HISTORY_NOT_SPLIT);
    const { baseCurrency, timeZone } = workspace;
    return ok(equitySeriesSchema, await loadEquitySeries(db, { ownerId, range: query.data.range, now: new Date(), baseCurrency, timeZone }));
  });
}
