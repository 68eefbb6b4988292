// GET /api/strategies — per strategy tag (and "untagged"), its positions and PnL at each connection's newest reconciliation, its stored PnL points and fills; per connection, the reconciliation of the venue against the sum of the strategies (residuals, venue-only and strategy-only symbols). `?connection=<id>` keeps one connection (another workspace's is a 404); ?portfolio=all|connection:<uuid>|portfolio:<uuid> (the portfolio selector; bad shape 400, another workspace's id 404).
import { guardRoute } from "@/lib/access/route";
import { filterRefused, ok } from "@/lib/read-models/respond";
import { loadStrategies, parseStrategyFilters } from "@/lib/read-models/strategy-data";
import { strategyListSchema } from "@/lib/read-models/strategy-schemas";
import { routePortfolio } from "@/lib/read-models/portfolio-scope";

export async function GET(request: Request) {
  return guardRoute(request, "viewer", async ({ db, ownerId }) => {
    const filters = parseStrategyFilters(new URL(request.url).searchParams);
    if (!filters.success) return filterRefused(filters.error);
    const portfolio = await routePortfolio(db, ownerId, request);
    return ok(strategyListSchema, await loadStrategies(db, { ownerId, connectionId: filters.data.connection, portfolio }));
  });
}
