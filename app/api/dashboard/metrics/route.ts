// GET /api/dashboard/metrics — the overview's metrics bar: equity, flow-adjusted PnL for the day, week, month and year to date in the workspace's zone, exposure, leverage, margin and the largest single-asset weight.
import { guardRoute } from "@/lib/access/route";
import { loadMetricsBar } from "@/lib/read-models/metrics-bar-data";
import { metricsBarSchema } from "@/lib/read-models/metrics-bar-schemas";
import { ok } from "@/lib/read-models/respond";

export async function GET(request: Request) {
  return guardRoute(request, "viewer", async ({ db, ownerId, workspace }) =>
    ok(metricsBarSchema, await loadMetricsBar(db, { ownerId, now: new Date(), baseCurrency: workspace.baseCurrency, timeZone: workspace.timeZone })),
  );
}
