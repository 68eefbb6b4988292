import type { RollupBucket } from "@/db/schema/rollups";
import { intervalSecondsOf } from "@/lib/connectors/sync-cadence";
import { bucketStart, nextBucketStart } from "@/db/queries/rollup-buckets";

/**
 * When a connection's snapshot series has a hole, and how to fill it. Pure: instants are
 * epoch milliseconds, the clock comes in as `nowMs`.
 *
 * A hole is a stretch longer than the connection's gap threshold with no snapshot:
 *
 *   threshold = max(3 × expected spacing, 30 min)
 *
 * The expected spacing is the connection's effective sync interval for interval venues
 * (crypto, wallets; clamped as the scheduler clamps it), and the spacing of the venue's
 * own schedule for calendar venues. Three missed syncs make a hole; one late sync does not.
 */
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export const MIN_GAP_MS = 30 * MINUTE;
export const GAP_MULTIPLIER = 3;

/**
 * Calendar venues, as scheduled in lib/schedules/definitions.ts: 1Token's NAV hourly;
 * IBKR's statement daily; Groww after each weekday's close, where a weekend (72 h) or a
 * weekend next to an exchange holiday (96 h) is no hole: 36 h × 3 = 108 h.
 */
const CALENDAR_SPACING_MS: Readonly<Record<string, number>> = {
  onetoken: HOUR,
  ibkr: DAY,
  groww: 36 * HOUR,
};

export interface GapConnection {
  provider: string;
  syncIntervalSeconds: number;
}

/** How far apart the connection's snapshots are expected to be. */
export function expectedSpacingMs(c: GapConnection): number {
  const interval = intervalSecondsOf(c);
  if (interval !== null) return interval * 1000;
  return CALENDAR_SPACING_MS[c.provider] ?? c.syncIntervalSeconds * 1000;
}

export function gapThresholdMs(c: GapConnection): number {
  return Math.max(GAP_MULTIPLIER * expectedSpacingMs(c), MIN_GAP_MS);
}

export interface SnapshotHole {
  /** The last snapshot before the hole. */
  fromMs: number;
  /** The first snapshot after it; null when none has come yet (the hole runs to now). */
  toMs: number | null;
}

/**
 * Holes in a series of snapshot instants (ascending; the first is the check point the
 * previous run stopped at): every step longer than the threshold, and the stretch from the
 * last instant to now when that is longer too.
 */
export function findSnapshotHoles(instants: readonly number[], p: { thresholdMs: number; nowMs: number }): SnapshotHole[] {
  const holes: SnapshotHole[] = [];
  for (let i = 1; i < instants.length; i++) {
    const from = instants[i - 1]!;
    const to = instants[i]!;
    if (to - from > p.thresholdMs) holes.push({ fromMs: from, toMs: to });
  }
  const last = instants[instants.length - 1];
  if (last !== undefined && p.nowMs - last > p.thresholdMs) holes.push({ fromMs: last, toMs: null });
  return holes;
}

export interface BackfillPlan {
  /** First and last grid instant to capture, inclusive. */
  fromMs: number;
  toMs: number;
  stepMs: number;
  points: number;
}

/**
 * The grid that fills a hole from the venue's history: every `stepMs` after its start,
 * stopping before the snapshot that ends it (or at now). A hole that would take more than
 * `maxPoints` snapshots is filled on a coarser grid, a whole multiple of the interval.
 */
export function planBackfill(hole: SnapshotHole, p: { stepMs: number; nowMs: number; maxPoints: number }): BackfillPlan | null {
  // The last instant that may be captured: just before the closing snapshot, or now.
  const limit = hole.toMs === null ? p.nowMs : hole.toMs - 1;
  const span = limit - hole.fromMs;
  if (span < p.stepMs) return null;
  const stepMs = p.stepMs * Math.max(1, Math.ceil(Math.floor(span / p.stepMs) / p.maxPoints));
  const points = Math.floor(span / stepMs);
  return { fromMs: hole.fromMs + stepMs, toMs: hole.fromMs + points * stepMs, stepMs, points };
}

export interface SeriesPoint<T> {
  atMs: number;
  value: T;
}

/**
 * Breaks a roll-up series (1d and 1w cut in `timeZone`) where recorded gaps say nothing was
 * measured. A bucket that lies wholly inside a gap carries the silent connection forward at
 * its last value, so its value becomes null; a gap with no bucket inside it (the only
 * connection went quiet) gets one null point at the first bucket after the gap starts.
 * Consecutive nulls collapse into one: a chart needs a single null to lift the pen.
 */
export function breakSeriesAtGaps<T>(
  points: readonly SeriesPoint<T>[],
  gaps: readonly SnapshotHole[],
  bucket: RollupBucket,
  timeZone: string,
): SeriesPoint<T | null>[] {
  const inside = (atMs: number) =>
    gaps.some((g) => atMs > g.fromMs && atMs < (g.toMs ?? Infinity) && nextBucketStart(bucket, atMs, timeZone) <= (g.toMs ?? Infinity));
  const out: SeriesPoint<T | null>[] = points.map((pt) => ({ atMs: pt.atMs, value: inside(pt.atMs) ? null : pt.value }));

  for (const g of gaps) {
    const end = g.toMs ?? Infinity;
    const breakAt = nextBucketStart(bucket, bucketStart(bucket, g.fromMs, timeZone), timeZone);
    // The gap ends within the bucket it starts in, or the next bucket is already there
    // (null: inside the gap; a value: the gap ends during it, so no bucket is bridged).
    if (breakAt >= end || out.some((pt) => pt.atMs === breakAt)) continue;
    if (out.some((pt) => pt.value === null && pt.atMs > breakAt && pt.atMs < end)) continue;
    // Nothing after the gap's start: the series just ends there.
    if (!out.some((pt) => pt.atMs > breakAt)) continue;
    out.push({ atMs: breakAt, value: null });
  }
  out.sort((a, b) => a.atMs - b.atMs);
  return out.filter((pt, i) => !(pt.value === null && out[i - 1]?.value === null));
}
