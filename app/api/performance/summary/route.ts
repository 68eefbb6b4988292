// GET /api/performance/summary?range=7d|30d|90d|ytd|1y|all|custom(&from=YYYY-MM-DD&to=YYYY-MM-DD) — the /performance page's metrics table (TWR, MWR, annualised return and volatility, Sharpe and Sortino with the workspace's risk-free rate, max drawdown with its dates, Calmar, Omega, VaR 95 %, tail ratio, best and worst day) and trade statistics (overall, by symbol, strategy and settlement currency) over the range; a range that cannot be read is a 400 naming its field. ?portfolio=all|connection:<uuid>|portfolio:<uuid> (the portfolio selector; bad shape 400, another workspace's id 404): trade statistics of its accounts; metrics on the daily series of its whole connections (end-of-day closes and their accounts' flows), a part-selected connection left out and named.
import { guardRoute } from "@/lib/access/route";
import { parsePerformanceRange } from "@/lib/read-models/performance-range";
import { loadPerformanceSummary } from "@/lib/read-models/performance-summary-data";
import { performanceSummarySchema } from "@/lib/read-models/performance-summary-schemas";
import { filterRefused, ok } from "@/lib/read-models/respond";
import { routePortfolio } from "@/lib/read-models/portfolio-scope";

export async function GET(request: Request) {
  return guardRoute(request, "viewer", async ({ db, ownerId, workspace }) => {
    const { baseCurrency, timeZone } = workspace;
    const range = parsePerformanceRange(new URL(request.url).searchParams, { now: new Date(), timeZone });
    if (!range.success) return filterRefused(range.error);
    const portfolio = await routePortfolio(db, ownerId, request);
    return ok(performanceSummarySchema, await loadPerformanceSummary(db, { ownerId, baseCurrency, timeZone, range: range.data, portfolio }));
  });
}
