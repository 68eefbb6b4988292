// GET /api/performance/series?from=YYYY-MM-DD&to=YYYY-MM-DD&benchmark=BTC|ETH|none — the /performance charts' series over local days [from, to] in the workspace's zone, from its 1d roll-ups (for ?portfolio= naming a connection or portfolio: the daily series of its whole connections, from their end-of-day closes and flows): cumulative flow-adjusted return against a benchmark, underwater, monthly returns, rolling 30-day volatility and Sharpe. A bad range or benchmark is a 400 naming the field; a bad ?portfolio= is a 400, another workspace's id a 404.
import { guardRoute } from "@/lib/access/route";
import { loadPerformanceSeries } from "@/lib/read-models/performance-series-data";
import { performanceSeriesSchema, seriesRequestSchema } from "@/lib/read-models/performance-series-schemas";
import { filterRefused, ok } from "@/lib/read-models/respond";
import { routePortfolio } from "@/lib/read-models/portfolio-scope";

export async function GET(request: Request) {
  return guardRoute(request, "viewer", async ({ db, ownerId, workspace }) => {
    const query = Object.fromEntries(new URL(request.url).searchParams);
    const parsed = seriesRequestSchema.safeParse(query);
    if (!parsed.success) return filterRefused(parsed.error);
    const portfolio = await routePortfolio(db, ownerId, request);
    return ok(performanceSeriesSchema, await loadPerformanceSeries(db, { ownerId, baseCurrency: workspace.baseCurrency, timeZone: workspace.timeZone, portfolio, ...parsed.data }));
  });
}
