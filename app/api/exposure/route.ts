// GET /api/exposure — the active workspace's exposure: per underlying (long, short, net, gross, % of NAV, leverage), by venue, account, asset class and sector, concentration, and each derivative's distance to liquidation; ?portfolio=all|connection:<uuid>|portfolio:<uuid> (the portfolio selector; bad shape 400, another workspace's id 404).
import { guardRoute } from "@/lib/access/route";
import { loadExposure } from "@/lib/read-models/exposure-data";
import { exposureSchema } from "@/lib/read-models/exposure-schemas";
import { ok } from "@/lib/read-models/respond";
import { routePortfolio } from "@/lib/read-models/portfolio-scope";

export async function GET(request: Request) {
  return guardRoute(request, "viewer", async ({ db, ownerId, workspace }) => {
    const portfolio = await routePortfolio(db, ownerId, request);
    return ok(exposureSchema, await loadExposure(db, { ownerId, baseCurrency: workspace.baseCurrency, portfolio }));
  });
}
