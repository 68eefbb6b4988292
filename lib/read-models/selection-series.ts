import type { Db } from "@/db/client";
import { readConnectionCloses, readSelectionFlows } from "@/db/queries/selection-daily";
import { unitiseDailyCloses, type DailyUnitisedSeries } from "@/lib/engines/performance/daily-unitise";
import type { ResolvedPortfolio } from "@/lib/portfolios/resolve";

/**
 * The daily unitised series of a connection or portfolio selection: the end-of-day lines of
 * its whole connections (`connectionIds`; a part-selected connection is left out and named,
 * see portfolio-scope.ts) summed per local day, with the flows of their accounts, unitised
 * by the workspace's rules (lib/engines/performance/daily-unitise.ts). The workspace itself
 * keeps its own series (the roll-ups and the unit ledger) and never comes here.
 */
export async function loadSelectionSeries(db: Db, p: { ownerId: string; baseCurrency: string; portfolio: ResolvedPortfolio }): Promise<DailyUnitisedSeries> {
  const connectionIds = p.portfolio.connectionIds ?? [];
  const [lines, flows] = await Promise.all([
    readConnectionCloses(db, { ownerId: p.ownerId, baseCurrency: p.baseCurrency, connectionIds }),
    readSelectionFlows(db, { ownerId: p.ownerId, baseCurrency: p.baseCurrency, connectionIds }),
  ]);
  return unitiseDailyCloses(lines, flows);
}

/** What a selection's performance is measured on, in words: appended to each method. */
export function selectionBasis(r: ResolvedPortfolio, timeZone: string): string {
  const whole = r.kind === "connection" ? "the connection" : "its whole connections";
  return `daily, from the end-of-day snapshots of ${whole} (each local day's close in ${timeZone}), summed; flows of their accounts, a transfer to or from another connection included`;
}
