import type { Db } from "@/db/client";
import { getRiskFreeRate } from "@/db/queries/workspaces";
import { loadAssetMoves, type AssetMove } from "@/lib/read-models/asset-moves-data";
import { loadEquitySeries } from "@/lib/read-models/dashboard-data";
import type { EquitySeries } from "@/lib/read-models/dashboard-schemas";
import { resolvePerformanceRange, type PerformanceRangeId } from "@/lib/read-models/performance-range";
import { loadRangeMetrics } from "@/lib/read-models/performance-range-data";
import type { RangeMetrics } from "@/lib/read-models/performance-summary-schemas";

/** The report's ranges, as /performance names them. */
export const REPORT_RANGES = ["7d", "30d", "ytd"] as const satisfies readonly PerformanceRangeId[];

export interface ReportView {
  baseCurrency: string;
  ranges: Array<{ label: string; metrics: RangeMetrics }>;
  /** Over 30D: best first. */
  moves: AssetMove[];
  equity: EquitySeries;
}

/**
 * "Report 📈": /performance's range metrics (TWR, max drawdown, Sharpe with the workspace's
 * risk-free rate) for 7D, 30D and YTD, the assets' moves over 30D and the 30-day equity
 * series for the chart. Every figure is a read model's; nothing is recomputed here.
 */
export async function loadReport(db: Db, p: { ownerId: string; baseCurrency: string; timeZone: string; now: Date }): Promise<ReportView> {
  const riskFreeRate = await getRiskFreeRate(db, { ownerId: p.ownerId });
  const resolved = REPORT_RANGES.map((range) => resolvePerformanceRange({ range }, { now: p.now, timeZone: p.timeZone }));
  const [metrics, moves, equity] = await Promise.all([
    Promise.all(resolved.map((range) => loadRangeMetrics(db, { ownerId: p.ownerId, range, riskFreeRate }))),
    loadAssetMoves(db, { ownerId: p.ownerId, baseCurrency: p.baseCurrency, from: new Date(resolved[1]!.from!) }),
    loadEquitySeries(db, { ownerId: p.ownerId, range: "30d", now: p.now, baseCurrency: p.baseCurrency, timeZone: p.timeZone }),
  ]);
  return { baseCurrency: p.baseCurrency, ranges: resolved.map((r, i) => ({ label: r.label, metrics: metrics[i]! })), moves, equity };
}
