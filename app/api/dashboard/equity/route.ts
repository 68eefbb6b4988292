// GET /api/dashboard/equity?range=24h|7d|30d|90d|all[&portfolio=] — the equity series for the range: the whole workspace's from its roll-ups, bucketed for the range; a connection or portfolio's from its daily closes (one point a local day, today from the latest snapshots).
import { z } from "zod";
import { guardRoute } from "@/lib/access/route";
import { loadEquitySeries } from "@/lib/read-models/dashboard-data";
import { equityRangeSchema, equitySeriesSchema } from "@/lib/read-models/dashboard-schemas";
import { badRequest, ok } from "@/lib/read-models/respond";
import { routePortfolio } from "@/lib/read-models/portfolio-scope";
import { loadSelectionEquitySeries } from "@/lib/read-models/selection-equity";

const querySchema = z.object({ range: equityRangeSchema.default("30d") });

export async function GET(request: Request) {
  return guardRoute(request, "viewer", async ({ db, ownerId, workspace }) => {
    const search = Object.fromEntries(new URL(request.url).searchParams);
    delete search.portfolio;
    const query = querySchema.safeParse(search);
    if (!query.success) return badRequest(query.error);
    const portfolio = await routePortfolio(db, ownerId, request);
    const p = { ownerId, range: query.data.range, now: new Date(), baseCurrency: workspace.baseCurrency, timeZone: workspace.timeZone };
    return ok(equitySeriesSchema, portfolio.kind === "workspace" ? await loadEquitySeries(db, p) : await loadSelectionEquitySeries(db, { ...p, portfolio }));
  });
}
