/**
 * Calendar arithmetic in an IANA time zone: where a local day or ISO week begins and ends,
 * as instants (epoch milliseconds). A local day is 23, 24 or 25 hours long (more or less in
 * a few zones) and may even begin at 01:00 when a DST change skips midnight.
 *
 * Hand-written over `Intl.DateTimeFormat` because no time-zone library is a dependency and
 * Node 20 has no `Temporal`: Intl knows every zone's offsets; the rest is the wall-clock
 * to instant step below (Temporal's "possible instants" rule, earliest for a repeated time,
 * the transition itself for a skipped one). Callers walk time forward, so the last few days
 * and weeks found per zone are remembered: a year of minute snapshots costs a few thousand
 * Intl calls, not a million.
 */

const MINUTE = 60_000;
const DAY = 86_400_000;

export interface LocalDate {
  year: number;
  month: number;
  day: number;
}

/** A local calendar day: [startMs, endMs) as instants, and its date. */
export interface LocalDay extends LocalDate {
  startMs: number;
  endMs: number;
}

const UTC_NAMES = new Set(["UTC", "Etc/UTC", "Etc/GMT", "GMT"]);
/** A zone that is UTC all year: its days are plain 24-hour arithmetic. */
export const isUtc = (timeZone: string) => UTC_NAMES.has(timeZone);

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    // Throws RangeError for an unknown zone, which is the right answer to a typo.
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The zone's wall clock at `ms`, read as if it were UTC (epoch ms of that wall time), whole seconds. */
function wallClock(timeZone: string, ms: number): number {
  if (isUtc(timeZone)) return Math.floor(ms / 1000) * 1000;
  const v = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const part of formatterFor(timeZone).formatToParts(ms)) {
    if (part.type in v) v[part.type as keyof typeof v] = Number(part.value);
  }
  return Date.UTC(v.year, v.month - 1, v.day, v.hour, v.minute, v.second);
}

/** The zone's offset from UTC at `ms`, in milliseconds (+05:30 → 19 800 000). */
export function offsetMs(timeZone: string, ms: number): number {
  const whole = Math.floor(ms / 1000) * 1000;
  return wallClock(timeZone, whole) - whole;
}

/** The local calendar date at `ms`. */
export function localDate(ms: number, timeZone: string): LocalDate {
  const wall = new Date(wallClock(timeZone, ms));
  return { year: wall.getUTCFullYear(), month: wall.getUTCMonth() + 1, day: wall.getUTCDate() };
}

/**
 * The instant a wall-clock time happens in the zone. A time that happens twice (the hour
 * a DST change repeats) gives the earlier instant; one that never happens (the hour it
 * skips) gives the first instant after the skip, the transition itself.
 */
export function instantOfWallTime(timeZone: string, wallMs: number): number {
  if (isUtc(timeZone)) return wallMs;
  const before = offsetMs(timeZone, wallMs - DAY);
  const after = offsetMs(timeZone, wallMs + DAY);
  const candidates = [wallMs - before, wallMs - after].filter((t) => offsetMs(timeZone, t) === wallMs - t);
  if (candidates.length > 0) return Math.min(...candidates);
  // Skipped: the offset changes from `before` to `after` somewhere in (wall − after, wall − before];
  // offsets change on whole minutes, so a binary search over minutes finds the first instant on `after`.
  let lo = Math.floor((wallMs - after) / MINUTE);
  let hi = Math.ceil((wallMs - before) / MINUTE);
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (offsetMs(timeZone, mid * MINUTE) === after) hi = mid;
    else lo = mid;
  }
  return hi * MINUTE;
}

/**
 * The few days and weeks found last, per zone, newest first: callers walk forward and step to
 * the next bucket and the one after, so a handful of entries answers nearly every call.
 */
const RECENT = 8;
function recall<T extends { startMs: number; endMs: number }>(cache: Map<string, T[]>, timeZone: string, ms: number): T | undefined {
  return cache.get(timeZone)?.find((x) => ms >= x.startMs && ms < x.endMs);
}
function remember<T>(cache: Map<string, T[]>, timeZone: string, found: T): T {
  const list = cache.get(timeZone) ?? [];
  list.unshift(found);
  if (list.length > RECENT) list.pop();
  cache.set(timeZone, list);
  return found;
}

const recentDays = new Map<string, LocalDay[]>();

/** The local day containing `ms`. */
export function localDayOf(timeZone: string, ms: number): LocalDay {
  const cached = recall(recentDays, timeZone, ms);
  if (cached) return cached;
  // Most days have one offset throughout: midnight is the wall clock's midnight shifted by the
  // offset at `ms`, confirmed by the offset there (one Intl call each end instead of four).
  // Where a DST change moves the offset during the day or at its midnight, the exact way.
  const wallMs = wallClock(timeZone, ms);
  const offset = wallMs - Math.floor(ms / 1000) * 1000;
  const midnight = Math.floor(wallMs / DAY) * DAY;
  const exact = (wall: number) => (offsetMs(timeZone, wall - offset) === offset ? wall - offset : instantOfWallTime(timeZone, wall));
  const wall = new Date(midnight);
  const d = { year: wall.getUTCFullYear(), month: wall.getUTCMonth() + 1, day: wall.getUTCDate() };
  return remember(recentDays, timeZone, { ...d, startMs: exact(midnight), endMs: exact(midnight + DAY) });
}

/** Local midnight (or the day's first instant, when a DST change skips midnight) of the day containing `ms`. */
export function startOfLocalDay(timeZone: string, ms: number): number {
  return localDayOf(timeZone, ms).startMs;
}

/** The local day `days` after the one with this date (negative: before). */
export function addLocalDays(timeZone: string, d: LocalDate, days: number): LocalDay {
  const wall = new Date(Date.UTC(d.year, d.month - 1, d.day + days));
  return localDayOf(timeZone, instantOfWallTime(timeZone, wall.getTime()));
}

const recentWeeks = new Map<string, Array<{ startMs: number; endMs: number }>>();

/** The ISO week (Monday first) containing `ms`: [start, end) as instants of local midnights. */
export function localWeekOf(timeZone: string, ms: number): { startMs: number; endMs: number } {
  const cached = recall(recentWeeks, timeZone, ms);
  if (cached) return cached;
  const d = localDayOf(timeZone, ms);
  const mondayBased = (new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay() + 6) % 7;
  const monday = Date.UTC(d.year, d.month - 1, d.day - mondayBased);
  return remember(recentWeeks, timeZone, { startMs: instantOfWallTime(timeZone, monday), endMs: instantOfWallTime(timeZone, monday + 7 * DAY) });
}

/** The first instant of the local month containing `ms` (midnight of the 1st, or the day's first instant when a DST change skips it). */
export function startOfLocalMonth(timeZone: string, ms: number): number {
  const d = localDate(ms, timeZone);
  return localDayOf(timeZone, instantOfWallTime(timeZone, Date.UTC(d.year, d.month - 1, 1))).startMs;
}

/** The first instant of the local calendar year containing `ms` (1 January). */
export function startOfLocalYear(timeZone: string, ms: number): number {
  const d = localDate(ms, timeZone);
  return localDayOf(timeZone, instantOfWallTime(timeZone, Date.UTC(d.year, 0, 1))).startMs;
}

/** ISO 8601 week of a date: weeks start on Monday and week 1 holds the year's first Thursday. */
export function isoWeek(d: LocalDate): { year: number; week: number } {
  const date = Date.UTC(d.year, d.month - 1, d.day);
  const mondayBased = (new Date(date).getUTCDay() + 6) % 7;
  const thursday = date + (3 - mondayBased) * DAY;
  const year = new Date(thursday).getUTCFullYear();
  const week = 1 + Math.floor((thursday - Date.UTC(year, 0, 1)) / (7 * DAY));
  return { year, week };
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** "2026-03-29" */
export function isoDate(d: LocalDate): string {
  return `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}`;
}

/** The local wall-clock hour and minute at `ms`. */
export function localTimeOfDay(timeZone: string, ms: number): { hour: number; minute: number } {
  const wall = new Date(wallClock(timeZone, ms));
  return { hour: wall.getUTCHours(), minute: wall.getUTCMinutes() };
}
