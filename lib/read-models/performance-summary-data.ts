import type { Db } from "@/db/client";
import { getRiskFreeRate } from "@/db/queries/workspaces";
import type { ResolvedRange } from "./performance-range";
import { loadRangeMetrics, rangeMetricsOf } from "./performance-range-data";
import type { PerformanceSummaryView } from "./performance-summary-schemas";
import { loadRangeTradeStats } from "./trade-stats-range-data";
import { WHOLE_WORKSPACE, type ResolvedPortfolio } from "@/lib/portfolios/resolve";
import { scopeView } from "./portfolio-scope";
import { loadSelectionSeries, selectionBasis } from "./selection-series";

/**
 * /performance's document for one range: the metrics table (performance-range-data.ts, on
 * the 1d roll-ups and the unit ledger, with the workspace's risk-free rate) and the trade
 * statistics (trade-stats-range-data.ts, on the stored fills). Owner-scoped throughout.
 * For a portfolio selection the trade statistics are its accounts' fills, and the metrics
 * table is measured on the daily series of its whole connections (selection-series.ts: their
 * end-of-day closes and flows, by the same engine); a part-selected connection is left out
 * and `portfolio.notFiltered` names it.
 */
export async function loadPerformanceSummary(
  db: Db,
  p: { ownerId: string; baseCurrency: string; timeZone: string; range: ResolvedRange; portfolio?: ResolvedPortfolio },
): Promise<PerformanceSummaryView> {
  const portfolio = p.portfolio ?? WHOLE_WORKSPACE;
  const whole = portfolio.kind === "workspace";
  const riskFreeRate = await getRiskFreeRate(db, { ownerId: p.ownerId });
  const [metrics, trades] = await Promise.all([
    whole
      ? loadRangeMetrics(db, { ownerId: p.ownerId, range: p.range, riskFreeRate })
      : loadSelectionSeries(db, { ownerId: p.ownerId, baseCurrency: p.baseCurrency, portfolio }).then((s) =>
          rangeMetricsOf(s.points, s.issues, { range: p.range, riskFreeRate, basis: selectionBasis(portfolio, p.timeZone) }),
        ),
    loadRangeTradeStats(db, { ownerId: p.ownerId, baseCurrency: p.baseCurrency, range: p.range, accountIds: portfolio.accountIds }),
  ]);
  const scope = p.portfolio ? { portfolio: scopeView(portfolio) } : {};
  return { ...scope, baseCurrency: p.baseCurrency, timeZone: p.timeZone, range: p.range, metrics, trades };
}
