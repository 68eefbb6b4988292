// GET /api/funds — the active workspace's 1Token funds with their latest valuation (NAV per unit, net assets, gross and net return) and each figure's method; `?department=<id>` keeps one department's funds (another workspace's department is a 404); ?portfolio=all|connection:<uuid>|portfolio:<uuid> (the portfolio selector; bad shape 400, another workspace's id 404).
import { guardRoute } from "@/lib/access/route";
import { loadFundList, parseFundFilters } from "@/lib/read-models/fund-data";
import { fundListSchema } from "@/lib/read-models/fund-schemas";
import { filterRefused, ok } from "@/lib/read-models/respond";
import { routePortfolio } from "@/lib/read-models/portfolio-scope";

export async function GET(request: Request) {
  return guardRoute(request, "viewer", async ({ db, ownerId }) => {
    const filters = parseFundFilters(new URL(request.url).searchParams);
    if (!filters.success) return filterRefused(filters.error);
    const portfolio = await routePortfolio(db, ownerId, request);
    return ok(fundListSchema, await loadFundList(db, { ownerId, departmentId: filters.data.department, portfolio }));
  });
}
