import { isoDate, isoWeek, localDate } from "@/lib/time/zoned";

/**
 * Calendar keys of an instant in a given IANA time zone: the viewer's days, ISO weeks and
 * months, never the server's. The zone arithmetic is lib/time's, shared with the roll-ups.
 */
export type CalendarPeriod = "day" | "week" | "month";

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** "2024-03-01", "2024-W09" or "2024-03". */
export function calendarKey(instant: Date, period: CalendarPeriod, timeZone: string): string {
  const d = localDate(instant.getTime(), timeZone);
  if (period === "day") return isoDate(d);
  if (period === "month") return `${pad(d.year, 4)}-${pad(d.month)}`;
  const w = isoWeek(d);
  return `${pad(w.year, 4)}-W${pad(w.week)}`;
}
