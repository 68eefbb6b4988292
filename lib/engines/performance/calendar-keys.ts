/**
 * Calendar keys of an instant in a given IANA time zone: the viewer's days, ISO weeks and
 * months, never the server's.
 */
export type CalendarPeriod = "day" | "week" | "month";

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    // Throws RangeError for an unknown zone, which is the right answer to a typo.
    f = new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    formatters.set(timeZone, f);
  }
  return f;
}

export interface LocalDate {
  year: number;
  month: number;
  day: number;
}

export function localDate(instant: Date, timeZone: string): LocalDate {
  let year = 0;
  let month = 0;
  let day = 0;
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type === "year") year = Number(part.value);
    else if (part.type === "month") month = Number(part.value);
    else if (part.type === "day") day = Number(part.value);
  }
  return { year, month, day };
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");
const MS_PER_DAY = 86_400_000;

/** ISO 8601 week: weeks start on Monday and week 1 holds the year's first Thursday. */
export function isoWeek(d: LocalDate): { year: number; week: number } {
  const date = Date.UTC(d.year, d.month - 1, d.day);
  const mondayBased = (new Date(date).getUTCDay() + 6) % 7;
  const thursday = date + (3 - mondayBased) * MS_PER_DAY;
  const year = new Date(thursday).getUTCFullYear();
  const week = 1 + Math.floor((thursday - Date.UTC(year, 0, 1)) / (7 * MS_PER_DAY));
  return { year, week };
}

/** "2024-03-01", "2024-W09" or "2024-03". */
export function calendarKey(instant: Date, period: CalendarPeriod, timeZone: string): string {
  const d = localDate(instant, timeZone);
  if (period === "day") return `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}`;
  if (period === "month") return `${pad(d.year, 4)}-${pad(d.month)}`;
  const w = isoWeek(d);
  return `${pad(w.year, 4)}-W${pad(w.week)}`;
}
