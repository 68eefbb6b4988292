// GET /api/performance — the active workspace's flow-adjusted performance: PnL, net flows and TWR for the day, week, month and year to date, MWR since inception, drawdown and risk on NAV per unit.
import { guardRoute } from "@/lib/access/route";
import { loadPerformance } from "@/lib/read-models/performance-data";
import { performanceSchema } from "@/lib/read-models/performance-schemas";
import { ok } from "@/lib/read-models/respond";

export async function GET(request: Request) {
  return guardRoute(request, "viewer", async ({ db, ownerId, workspace }) =>
    ok(performanceSchema, await loadPerformance(db, { ownerId, now: new Date(), baseCurrency: workspace.baseCurrency, timeZone: workspace.timeZone })),
  );
}
