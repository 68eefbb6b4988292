// GET /api/dashboard/holdings — the active workspace's allocation by asset (latest snapshots) and open positions; ?portfolio=all|connection:<uuid>|portfolio:<uuid> (the portfolio selector; bad shape 400, another workspace's id 404).
import { guardRoute } from "@/lib/access/route";
import { loadHoldings } from "@/lib/read-models/dashboard-data";
import { holdingsSchema } from "@/lib/read-models/dashboard-schemas";
import { ok } from "@/lib/read-models/respond";
import { routePortfolio } from "@/lib/read-models/portfolio-scope";

export async function GET(request: Request) {
  return guardRoute(request, "viewer", async ({ db, ownerId, workspace }) => {
    const portfolio = await routePortfolio(db, ownerId, request);
    return ok(holdingsSchema, await loadHoldings(db, { ownerId, baseCurrency: workspace.baseCurrency, portfolio }));
  });
}
