import type { Db } from "@/db/client";
import { getLatestSnapshots } from "@/db/queries/dashboard";
import { readConnectionCloses, readSelectionFlows, type ConnectionClose } from "@/db/queries/selection-daily";
import { unitiseDailyCloses, type DailyUnitisedSeries } from "@/lib/engines/performance/daily-unitise";
import type { ResolvedPortfolio } from "@/lib/portfolios/resolve";
import { isoDate, localDayOf } from "@/lib/time/zoned";

/**
 * The daily unitised series of a connection or portfolio selection: the end-of-day lines of
 * its whole connections (`connectionIds`; a part-selected connection is left out and named,
 * see portfolio-scope.ts) summed per local day, with the flows of their accounts, unitised
 * by the workspace's rules (lib/engines/performance/daily-unitise.ts). The workspace itself
 * keeps its own series (the roll-ups and the unit ledger) and never comes here.
 *
 * `live`: today has no close yet (the end-of-day job closes finished days), so periods to
 * date (the overview's metrics bar and performance card) add today's point from each
 * connection's latest snapshot, as if the day closed now. /performance's daily charts and
 * ranges read closes only.
 */
export async function loadSelectionSeries(
  db: Db,
  p: { ownerId: string; baseCurrency: string; portfolio: ResolvedPortfolio; live?: LiveDay },
): Promise<SelectionSeries> {
  const connectionIds = p.portfolio.connectionIds ?? [];
  const [lines, flows, latest] = await Promise.all([
    readConnectionCloses(db, { ownerId: p.ownerId, baseCurrency: p.baseCurrency, connectionIds }),
    readSelectionFlows(db, { ownerId: p.ownerId, baseCurrency: p.baseCurrency, connectionIds }),
    p.live?.latest ?? (p.live && connectionIds.length > 0 ? getLatestSnapshots(db, { ownerId: p.ownerId, baseCurrency: p.baseCurrency, connectionIds }) : []),
  ]);
  const all = p.live ? [...lines, ...todayLines(lines, latest, p.live)] : lines;
  // The newest snapshot the series stands on (a point's own instant is its day's end).
  const latestAt = all.reduce<Date | null>((m, l) => (l.capturedAt && (!m || l.capturedAt > m) ? l.capturedAt : m), null);
  return { ...unitiseDailyCloses(all, flows), latestAt };
}

export type SelectionSeries = DailyUnitisedSeries & { latestAt: Date | null };

/**
 * A selection's series to date, read once by the caller and shared: the overview renders the
 * chart, the metrics bar and the performance card from one series (one read of its closes,
 * flows and latest snapshots per request, not three). It must be the series of the same
 * selection, read with `live` at the same instant and time zone.
 */
export type SharedSeries = Promise<SelectionSeries>;

type LatestSnapshot = { connectionId: string; equity: string; capturedAt: Date };

/** Today, as of `now`; `latest`: the selection's latest snapshots when the caller has read them already. */
export interface LiveDay {
  now: Date;
  timeZone: string;
  latest?: readonly LatestSnapshot[];
}

/** Today's line of each connection from its latest snapshot, unless a close of today (or later) exists. */
function todayLines(
  closes: readonly ConnectionClose[],
  latest: readonly LatestSnapshot[],
  live: LiveDay,
): ConnectionClose[] {
  const today = localDayOf(live.timeZone, live.now.getTime());
  const day = isoDate(today);
  const closedToday = new Set(closes.filter((c) => c.day >= day).map((c) => c.connectionId));
  return latest
    .filter((s) => !closedToday.has(s.connectionId) && s.capturedAt.getTime() <= live.now.getTime())
    .map((s) => ({ day, asOf: new Date(today.endMs), connectionId: s.connectionId, equity: s.equity, capturedAt: s.capturedAt }));
}

/** What a selection's performance is measured on, in words: appended to each method. */
export function selectionBasis(r: ResolvedPortfolio, timeZone: string): string {
  const whole = r.kind === "connection" ? "the connection" : "its whole connections";
  return `daily, from the end-of-day snapshots of ${whole} (each local day's close in ${timeZone}), summed; flows of their accounts, a transfer to or from another connection included`;
}

/** The same, for figures to date: today's point is each connection's latest snapshot. */
export function selectionBasisToDate(r: ResolvedPortfolio, timeZone: string): string {
  return `${selectionBasis(r, timeZone)}; today from each connection's latest snapshot`;
}
