import { and, eq, gte, min } from "drizzle-orm";
import type { Db } from "@/db/client";
import { firstObservedAt as firstObservedSnapshot, recordHistorySuccess } from "@/db/queries/history-runs";
import { gapsToReconstruct, markGapReconstructed } from "@/db/queries/snapshot-gaps";
import { equityRollups, portfolioSnapshots } from "@/db/schema";
import { amountToString, isZero } from "@/lib/money/amount";
import type { HistoryResult } from "@/lib/engines/history";
import { materializeSnapshots, type CaptureParams } from "@/lib/snapshots/capture";
import { refreshEquityRollups } from "@/lib/snapshots/rollups";

export interface WrittenHistory {
  /** Reconstructed snapshots written (one per local day), before the first measured one and in gaps. */
  written: number;
  /** The end of the last day before the first measured snapshot (the chart's boundary); null when none was written. */
  lastAt: Date | null;
}

/**
 * Writes a reconstructed series as one snapshot per local day, marked `reconstructed`, into
 * the snapshots the equity chart's roll-ups are built from — only for days that end before
 * the connection's first observed snapshot, or inside a closed gap between two measured
 * snapshots that nothing measured fills (the server was down): a measured value always wins
 * over a rebuilt one. A gap that got days is marked filled (`backfilled`, with the count), so
 * the chart draws the rebuilt days instead of a break; one shorter than a day's end gets none
 * and stays open (daily closes are the resolution prices allow).
 *
 * A re-run replaces the connection's reconstructed rows whole (new closes or fills may change
 * any day), in one transaction with the roll-ups: the same inputs give the same rows. The
 * owner's roll-ups from the earliest instant either the old or the new rows touch are dropped
 * and rebuilt, so a bucket that held only old reconstructed values does not linger.
 *
 * A day's snapshot is taken at the last millisecond of the local day: its daily roll-up
 * bucket is that day (the day's end instant is the next day's start).
 *
 * The run is recorded with them: its residual events (all of them, on whatever day: they
 * explain the whole reconstruction) replace the previous run's, for the connection's page.
 */
export async function writeReconstructedHistory(tx: Db, p: { ownerId: string; connectionId: string; history: HistoryResult; now: Date }): Promise<WrittenHistory> {
  const ofConnection = and(eq(portfolioSnapshots.ownerId, p.ownerId), eq(portfolioSnapshots.connectionId, p.connectionId));
  const firstObservedAt = await firstObservedSnapshot(tx, p);
  const [old] = await tx.select({ first: min(portfolioSnapshots.capturedAt) }).from(portfolioSnapshots).where(and(ofConnection, eq(portfolioSnapshots.reconstructed, true)));
  await tx.delete(portfolioSnapshots).where(and(ofConnection, eq(portfolioSnapshots.reconstructed, true)));

  const gaps = await gapsToReconstruct(tx, p);
  const first = firstObservedAt?.getTime() ?? Infinity;
  const { days, assets, baseCurrency } = p.history;
  const items: CaptureParams[] = [];
  const perGap = new Map<string, number>();
  let before = 0;
  let lastBefore = -1;
  for (let i = 0; i < days.length; i++) {
    const at = days[i]!.endMs - 1;
    if (at >= p.now.getTime()) break;
    const gap = at < first ? undefined : gaps.find((g) => at > g.fromAt.getTime() && at < g.toAt.getTime());
    if (at >= first && !gap) continue;
    if (gap) perGap.set(gap.id, (perGap.get(gap.id) ?? 0) + 1);
    else {
      before++;
      lastBefore = i;
    }
    const balances: CaptureParams["balances"] = [];
    const prices: Record<string, string> = {};
    for (const a of assets) {
      const q = a.quantity[i]!;
      if (isZero(q)) continue;
      const qty = amountToString(q);
      balances.push({ accountUid: "reconstructed", asset: a.asset, wallet: "spot", free: qty, locked: "0", total: qty });
      const close = a.close[i];
      if (!a.isBase && close) prices[a.asset] = amountToString(close);
    }
    items.push({ ownerId: p.ownerId, connectionId: p.connectionId, capturedAt: new Date(at), batchId: null, baseCurrency, balances, positions: [], prices, reconstructed: true });
  }

  const from = Math.min(old?.first?.getTime() ?? Infinity, items[0]?.capturedAt.getTime() ?? Infinity);
  if (Number.isFinite(from)) await tx.delete(equityRollups).where(and(eq(equityRollups.ownerId, p.ownerId), gte(equityRollups.lastAt, new Date(from))));
  const ids = await materializeSnapshots(tx, items);
  if (Number.isFinite(from)) await refreshEquityRollups(tx, { ownerId: p.ownerId, from: new Date(from) });
  for (const [gapId, n] of perGap) await markGapReconstructed(tx, { ownerId: p.ownerId, gapId, snapshots: n });
  await recordHistorySuccess(tx, {
    ownerId: p.ownerId,
    connectionId: p.connectionId,
    at: p.now,
    days: before,
    firstDay: before > 0 ? days[0]!.date : null,
    lastDay: before > 0 ? days[lastBefore]!.date : null,
    gapDays: items.length - before,
    gapsFilled: perGap.size,
    residuals: p.history.residuals.map((r) => ({ day: r.date, at: r.at, kind: r.kind, asset: r.asset, quantity: r.quantity, valueBase: r.value, baseCurrency })),
  });
  return { written: ids.length, lastAt: lastBefore >= 0 ? new Date(days[lastBefore]!.endMs - 1) : null };
}
