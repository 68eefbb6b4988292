import type { Db } from "@/db/client";
import { EQUITY_RANGES } from "@/db/queries/dashboard";
import { D, toDecimalString } from "@/lib/money/decimal";
import type { ResolvedPortfolio } from "@/lib/portfolios/resolve";
import { localDayOf } from "@/lib/time/zoned";
import type { EquityRangeParam, EquitySeries } from "./dashboard-schemas";
import { scopeView } from "./portfolio-scope";
import { loadSelectionSeries, type SharedSeries } from "./selection-series";

/**
 * The overview's equity chart for a connection or portfolio selection. The roll-ups the
 * workspace's chart reads are kept for the whole workspace only, so a selection's chart is
 * its daily series (selection-series.ts: the end-of-day closes of its whole connections
 * summed, today from each one's latest snapshot): one point per local day at its midnight,
 * bucket "1d" whatever the range, with NAV per unit and the day's net flows (an opening
 * counts as one). The range keeps the days whose midnight is inside it.
 */
export async function loadSelectionEquitySeries(
  db: Db,
  p: { ownerId: string; range: EquityRangeParam; now: Date; baseCurrency: string; timeZone: string; portfolio: ResolvedPortfolio; series?: SharedSeries },
): Promise<EquitySeries> {
  const series = await (p.series ?? loadSelectionSeries(db, { ...p, live: { now: p.now, timeZone: p.timeZone } }));
  const { spanMs } = EQUITY_RANGES[p.range];
  const fromMs = spanMs === null ? -Infinity : localDayOf(p.timeZone, p.now.getTime() - spanMs).startMs;
  const points: EquitySeries["points"] = [];
  series.points.forEach((pt, i) => {
    const at = localDayOf(p.timeZone, pt.at.getTime()).startMs;
    if (at < fromMs) return;
    const before = series.points[i - 1]?.cumNetFlows ?? "0";
    points.push({
      at: new Date(at).toISOString(),
      equity: pt.equity,
      navPerUnit: pt.navPerUnit,
      netFlows: pt.cumNetFlows === null ? null : toDecimalString(new D(pt.cumNetFlows).minus(before)),
    });
  });
  return {
    portfolio: scopeView(p.portfolio),
    range: p.range,
    bucket: "1d",
    baseCurrency: p.baseCurrency,
    timeZone: p.timeZone,
    points,
    reconstructedUntil: null,
  };
}
