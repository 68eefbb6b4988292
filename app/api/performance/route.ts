// GET /api/performance[?portfolio=] — flow-adjusted performance: PnL, net flows and TWR for the day, week, month and year to date, MWR since inception, drawdown and risk on NAV per unit. The whole workspace from its roll-ups and unit ledger; a connection or portfolio from its daily closes (today from its latest snapshots), each method saying so.
import { guardRoute } from "@/lib/access/route";
import { loadPerformance, loadSelectionPerformance } from "@/lib/read-models/performance-data";
import { performanceSchema } from "@/lib/read-models/performance-schemas";
import { ok } from "@/lib/read-models/respond";
import { routePortfolio } from "@/lib/read-models/portfolio-scope";

export async function GET(request: Request) {
  return guardRoute(request, "viewer", async ({ db, ownerId, workspace }) => {
    const portfolio = await routePortfolio(db, ownerId, request);
    const p = { ownerId, now: new Date(), baseCurrency: workspace.baseCurrency, timeZone: workspace.timeZone };
    return ok(performanceSchema, portfolio.kind === "workspace" ? await loadPerformance(db, p) : await loadSelectionPerformance(db, { ...p, portfolio }));
  });
}
