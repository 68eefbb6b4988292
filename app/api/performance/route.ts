// GET /api/performance — the active workspace's flow-adjusted performance: PnL, net flows and TWR for the day, week, month and year to date, MWR since inception, drawdown and risk on NAV per unit. The roll-ups are the workspace's only: ?portfolio= naming a connection or portfolio is a 422 saying so.
import { guardRoute } from "@/lib/access/route";
import { loadPerformance } from "@/lib/read-models/performance-data";
import { performanceSchema } from "@/lib/read-models/performance-schemas";
import { notSplit, ok } from "@/lib/read-models/respond";
import { ROLLUPS_NOT_SPLIT, routePortfolio } from "@/lib/read-models/portfolio-scope";

export async function GET(request: Request) {
  return guardRoute(request, "viewer", async ({ db, ownerId, workspace }) => {
    if ((await routePortfolio(db, ownerId, request)).kind !== "workspace") return notSplit(ROLLUPS_NOT_SPLIT);
    return ok(performanceSchema, await loadPerformance(db, { ownerId, now: new Date(), baseCurrency: workspace.baseCurrency, timeZone: workspace.timeZone }));
  });
}
