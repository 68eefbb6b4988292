import { isUtc, localDayOf, offsetMs } from "@/lib/time/zoned";
import type { HistoryDay } from "@/lib/engines/history/types";

/**
 * The local days from `from` to `to` (ISO dates, inclusive) in a zone, as instants.
 *
 * Hand-written over lib/time rather than calling localDayOf per day: each call costs a few
 * Intl lookups, and 731 of them were a third of the whole reconstruction budget. Offsets
 * only change at DST transitions, a few times a year, so the offset is sampled every
 * SAMPLE days (at local noon, far from any transition hour); where two samples agree no
 * transition lies between them (no zone changes its offset twice within SAMPLE days) and
 * every midnight there is wall time − offset; only the days between samples that disagree
 * go through localDayOf, chained from the day before (a repeated midnight: the earlier
 * instant, so days stay contiguous), which handles skipped and repeated midnights exactly.
 */
const DAY = 86_400_000;
const SAMPLE = 14;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function wallOfDate(date: string, field: string): number {
  const m = DATE.exec(date);
  const wall = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : NaN;
  if (!m || Number.isNaN(wall) || new Date(wall).toISOString().slice(0, 10) !== date) {
    throw new RangeError(`${field} must be a calendar date YYYY-MM-DD, got ${JSON.stringify(date)}`);
  }
  return wall;
}

export const dateOfWall = (wall: number) => new Date(wall).toISOString().slice(0, 10);

export function dayGrid(timeZone: string, from: string, to: string): HistoryDay[] {
  const first = wallOfDate(from, "from");
  const last = wallOfDate(to, "to");
  if (last < first) throw new RangeError(`to (${to}) is before from (${from})`);
  const n = Math.round((last - first) / DAY) + 1;
  // starts[j] = first instant of day j; starts[n] = end of the last day.
  const starts = new Float64Array(n + 1);
  if (isUtc(timeZone)) {
    for (let j = 0; j <= n; j++) starts[j] = first + j * DAY;
  } else {
    const noonOffset = (j: number, guess: number) => offsetMs(timeZone, first + j * DAY + DAY / 2 - guess);
    let s = 0;
    let o = noonOffset(0, 0);
    starts[0] = localDayOf(timeZone, first + DAY / 2 - o).startMs;
    while (s < n) {
      const next = Math.min(s + SAMPLE, n);
      const o2 = noonOffset(next, o);
      for (let j = s + 1; j <= next; j++) starts[j] = o2 === o ? first + j * DAY - o : localDayOf(timeZone, starts[j - 1]!).endMs;
      s = next;
      o = o2;
    }
  }
  const days: HistoryDay[] = new Array(n);
  for (let j = 0; j < n; j++) days[j] = { date: dateOfWall(first + j * DAY), startMs: starts[j]!, endMs: starts[j + 1]! };
  return days;
}

/** Index of the day holding instant `ms` (binary search), or -1 / days.length outside the grid. */
export function dayIndexOf(days: readonly HistoryDay[], ms: number): number {
  if (days.length === 0 || ms < days[0]!.startMs) return -1;
  let lo = 0;
  let hi = days.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (days[mid]!.endMs <= ms) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
