import { z } from "zod";
import { addLocalDays, isoDate, localDayOf, startOfLocalYear } from "@/lib/time/zoned";
import { day } from "./trade-filters";

/**
 * The /performance range selector, in the URL (`?range=30d`, or `?range=custom&from=…&to=…`
 * with local days in the workspace's zone). One schema for the page and
 * GET /api/performance/summary: a range that cannot be read is refused naming its field.
 *
 * A rolling range counts local days, today included: 7D is today and the six days before, so
 * it holds at most seven daily returns (one per 1d roll-up). YTD starts on 1 January, "all"
 * at the first snapshot. Each range ends now; a custom one at the end of its last day.
 */
export const PERFORMANCE_RANGES = ["7d", "30d", "90d", "ytd", "1y", "all", "custom"] as const;
export type PerformanceRangeId = (typeof PERFORMANCE_RANGES)[number];
export const DEFAULT_PERFORMANCE_RANGE: PerformanceRangeId = "90d";

export const PERFORMANCE_RANGE_LABELS: Record<PerformanceRangeId, string> = {
  "7d": "7D",
  "30d": "30D",
  "90d": "90D",
  ytd: "YTD",
  "1y": "1Y",
  all: "All",
  custom: "Custom",
};

/** Local days in a rolling range, today included. */
const ROLLING_DAYS: Partial<Record<PerformanceRangeId, number>> = { "7d": 7, "30d": 30, "90d": 90, "1y": 365 };

/** The query's schema; `today` (YYYY-MM-DD in the workspace's zone) bounds a custom range. */
export function performanceRangeSchema(today: string) {
  return z
    .object({
      range: z.enum(PERFORMANCE_RANGES, { error: `one of ${PERFORMANCE_RANGES.join(", ")}` }).default(DEFAULT_PERFORMANCE_RANGE),
      from: day.optional(),
      to: day.optional(),
    })
    .superRefine((q, ctx) => {
      if (q.range !== "custom") {
        if (q.from !== undefined) ctx.addIssue({ code: "custom", path: ["from"], message: "only with range=custom" });
        if (q.to !== undefined) ctx.addIssue({ code: "custom", path: ["to"], message: "only with range=custom" });
        return;
      }
      if (q.from === undefined) ctx.addIssue({ code: "custom", path: ["from"], message: "a custom range needs its first day (YYYY-MM-DD)" });
      if (q.to === undefined) ctx.addIssue({ code: "custom", path: ["to"], message: "a custom range needs its last day (YYYY-MM-DD)" });
      if (q.from !== undefined && q.to !== undefined && q.from > q.to) ctx.addIssue({ code: "custom", path: ["to"], message: "the range ends before it starts" });
      if (q.to !== undefined && q.to > today) ctx.addIssue({ code: "custom", path: ["to"], message: `a day after today (${today})` });
    });
}
export type PerformanceRangeQuery = z.infer<ReturnType<typeof performanceRangeSchema>>;

/** A range as instants: returns ending in [from, to] count; `from` null is since the first snapshot. */
export interface ResolvedRange {
  id: PerformanceRangeId;
  label: string;
  /** ISO instant of the first local midnight, or null for "all". */
  from: string | null;
  /** ISO instant the range ends at: now, or the end of a custom range's last day when that is earlier. */
  to: string;
  /** The range's local days, YYYY-MM-DD (fromDay null for "all"). */
  fromDay: string | null;
  toDay: string;
}

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** Reads the URL's range; the refusal is a ZodError naming the field (the API's 400, the page's error state). */
export function parsePerformanceRange(search: URLSearchParams | Record<string, string | string[] | undefined>, p: { now: Date; timeZone: string }) {
  const get = (k: string) => (search instanceof URLSearchParams ? (search.get(k) ?? undefined) : first(search[k]));
  const raw = Object.fromEntries((["range", "from", "to"] as const).flatMap((k) => (get(k) ? [[k, get(k)]] : [])));
  const today = isoDate(localDayOf(p.timeZone, p.now.getTime()));
  const parsed = performanceRangeSchema(today).safeParse(raw);
  return parsed.success ? ({ success: true, data: resolvePerformanceRange(parsed.data, p) } as const) : ({ success: false, error: parsed.error } as const);
}

const dateOf = (iso: string) => {
  const [year, month, d] = iso.split("-").map(Number) as [number, number, number];
  return { year, month, day: d };
};

export function resolvePerformanceRange(q: PerformanceRangeQuery, p: { now: Date; timeZone: string }): ResolvedRange {
  const nowMs = p.now.getTime();
  const today = localDayOf(p.timeZone, nowMs);
  const label = PERFORMANCE_RANGE_LABELS[q.range];
  const end = { to: p.now.toISOString(), toDay: isoDate(today) };
  if (q.range === "all") return { id: q.range, label, from: null, fromDay: null, ...end };
  if (q.range === "custom") {
    const start = addLocalDays(p.timeZone, dateOf(q.from!), 0);
    const last = addLocalDays(p.timeZone, dateOf(q.to!), 0);
    return {
      id: q.range,
      label: `${q.from} – ${q.to}`,
      from: new Date(start.startMs).toISOString(),
      fromDay: q.from!,
      to: new Date(Math.min(nowMs, last.endMs - 1)).toISOString(),
      toDay: q.to!,
    };
  }
  const startMs = q.range === "ytd" ? startOfLocalYear(p.timeZone, nowMs) : addLocalDays(p.timeZone, today, 1 - ROLLING_DAYS[q.range]!).startMs;
  return { id: q.range, label, from: new Date(startMs).toISOString(), fromDay: isoDate(localDayOf(p.timeZone, startMs)), ...end };
}
