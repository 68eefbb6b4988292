// GET /api/dashboard/summary — the active workspace's equity, day change, components and each connection's sync state; ?portfolio=all|connection:<uuid>|portfolio:<uuid> (the portfolio selector; bad shape 400, another workspace's id 404).
import { guardRoute } from "@/lib/access/route";
import { loadSummary } from "@/lib/read-models/dashboard-data";
import { summarySchema } from "@/lib/read-models/dashboard-schemas";
import { ok } from "@/lib/read-models/respond";
import { routePortfolio } from "@/lib/read-models/portfolio-scope";

export async function GET(request: Request) {
  return guardRoute(request, "viewer", async ({ db, ownerId, workspace }) => {
    const portfolio = await routePortfolio(db, ownerId, request);
    return ok(summarySchema, await loadSummary(db, { ownerId, now: new Date(), baseCurrency: workspace.baseCurrency, portfolio }));
  });
}
