/**
 * Flex dates and times. Dates come as "20261118" or "2026-11-18"; date-times as
 * "20261118;103015", "2026-11-18;10:30:15", "20261118 103015" or "2026-11-18, 10:30:15",
 * in the statement's time zone (see IBKR_ASSUMPTIONS.flexTimeZone).
 */
import { offsetMs } from "@/lib/time/zoned";

const DATE = /^(\d{4})-?(\d{2})-?(\d{2})$/;
const DATE_TIME = /^(\d{4})-?(\d{2})-?(\d{2})[;, T]+(\d{2}):?(\d{2}):?(\d{2})$/;

/** A report date as midnight UTC of that calendar day. */
export function parseFlexDate(text: string): Date | undefined {
  const m = DATE.exec(text.trim());
  if (!m) return undefined;
  return validDate(Number(m[1]), Number(m[2]), Number(m[3]), 0, 0, 0, "UTC");
}

export function parseFlexDateTime(text: string, timeZone: string): Date | undefined {
  const m = DATE_TIME.exec(text.trim());
  if (!m) return parseFlexDate(text);
  return validDate(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]), timeZone);
}

function validDate(y: number, mo: number, d: number, h: number, mi: number, s: number, timeZone: string): Date | undefined {
  const naive = Date.UTC(y, mo - 1, d, h, mi, s);
  const check = new Date(naive);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) {
    return undefined;
  }
  return timeZone === "UTC" ? check : new Date(zonedToUtc(naive, timeZone));
}

/**
 * The UTC instant whose wall-clock time in `timeZone` reads `naiveMs` (taken as if UTC).
 * A time skipped when clocks go forward moves forward by the gap; a time that happens
 * twice when they go back is the first of the two.
 */
export function zonedToUtc(naiveMs: number, timeZone: string): number {
  const first = naiveMs - offsetMs(timeZone, naiveMs);
  const offset = offsetMs(timeZone, first);
  const candidate = naiveMs - offset;
  return offsetMs(timeZone, candidate) === offset ? candidate : first;
}
