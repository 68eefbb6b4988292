import { toChartNumber } from "@/components/format";
import type { StrategyView } from "@/lib/read-models/strategy-schemas";
import type { StrategyPnlPoint } from "@/components/charts/strategy-pnl-chart";

/**
 * The chart's rows for one connection: one per instant a strategy point was stored, each
 * strategy's PnL at that instant (null where it has none, drawn as a gap).
 */
export function strategyPnlPoints(strategies: readonly StrategyView[], connectionId: string): { points: StrategyPnlPoint[]; strategies: string[] } {
  const names = strategies.filter((s) => s.series.some((p) => p.connectionId === connectionId)).map((s) => s.strategy);
  const byTime = new Map<number, StrategyPnlPoint>();
  for (const s of strategies) {
    for (const p of s.series) {
      if (p.connectionId !== connectionId) continue;
      const t = new Date(p.at).getTime();
      const row = byTime.get(t) ?? { t, values: Object.fromEntries(names.map((n) => [n, null])), exact: {} };
      row.values[s.strategy] = toChartNumber(p.pnl);
      row.exact[s.strategy] = p.pnl;
      byTime.set(t, row);
    }
  }
  return { points: [...byTime.values()].sort((a, b) => a.t - b.t), strategies: names };
}
