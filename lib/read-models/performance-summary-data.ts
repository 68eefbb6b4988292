import type { Db } from "@/db/client";
import { getRiskFreeRate } from "@/db/queries/workspaces";
import type { ResolvedRange } from "./performance-range";
import { loadRangeMetrics } from "./performance-range-data";
import type { PerformanceSummaryView } from "./performance-summary-schemas";
import { loadRangeTradeStats } from "./trade-stats-range-data";

/**
 * /performance's document for one range: the metrics table (performance-range-data.ts, on
 * the 1d roll-ups and the unit ledger, with the workspace's risk-free rate) and the trade
 * statistics (trade-stats-range-data.ts, on the stored fills). Owner-scoped throughout.
 */
export async function loadPerformanceSummary(
  db: Db,
  p: { ownerId: string; baseCurrency: string; timeZone: string; range: ResolvedRange },
): Promise<PerformanceSummaryView> {
  const riskFreeRate = await getRiskFreeRate(db, { ownerId: p.ownerId });
  const [metrics, trades] = await Promise.all([
    loadRangeMetrics(db, { ownerId: p.ownerId, range: p.range, riskFreeRate }),
    loadRangeTradeStats(db, { ownerId: p.ownerId, baseCurrency: p.baseCurrency, range: p.range }),
  ]);
  return { baseCurrency: p.baseCurrency, timeZone: p.timeZone, range: p.range, metrics, trades };
}
