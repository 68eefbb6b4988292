/**
 * Flex dates and times. Dates come as "20261118" or "2026-11-18"; date-times as
 * "20261118;103015", "2026-11-18;10:30:15", "20261118 103015" or "2026-11-18, 10:30:15",
 * in the statement's time zone (see IBKR_ASSUMPTIONS.flexTimeZone).
 */
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
  const first = naiveMs - offsetMs(naiveMs, timeZone);
  const offset = offsetMs(first, timeZone);
  const candidate = naiveMs - offset;
  return offsetMs(candidate, timeZone) === offset ? candidate : first;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** How far `timeZone` is ahead of UTC at the instant `utcMs`. */
function offsetMs(utcMs: number, timeZone: string): number {
  let f = formatters.get(timeZone);
  if (!f) {
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
  const parts = Object.fromEntries(f.formatToParts(new Date(utcMs)).map((p) => [p.type, p.value]));
  const wall = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  return wall - Math.floor(utcMs / 1000) * 1000;
}
