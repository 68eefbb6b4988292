// GET /api/dashboard/metrics — the overview's metrics bar: equity, flow-adjusted PnL for the day, week, month and year to date in the workspace's zone, exposure, leverage, margin and the largest single-asset weight; ?portfolio=all|connection:<uuid>|portfolio:<uuid> (the portfolio selector; bad shape 400, another workspace's id 404), period PnL then omitted (workspace roll-ups).
import { guardRoute } from "@/lib/access/route";
import { loadMetricsBar } from "@/lib/read-models/metrics-bar-data";
import { metricsBarSchema } from "@/lib/read-models/metrics-bar-schemas";
import { ok } from "@/lib/read-models/respond";
import { routePortfolio } from "@/lib/read-models/portfolio-scope";

export async function GET(request: Request) {
  return guardRoute(request, "viewer", async ({ db, ownerId, workspace }) => {
    const portfolio = await routePortfolio(db, ownerId, request);
    return ok(metricsBarSchema, await loadMetricsBar(db, { ownerId, now: new Date(), baseCurrency: workspace.baseCurrency, timeZone: workspace.timeZone, portfolio }));
  });
}
