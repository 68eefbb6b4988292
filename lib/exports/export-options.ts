import type { RollupBucket } from "@/db/schema";
import { localDate } from "@/lib/time/zoned";

/**
 * What an export may ask for, free of server code: the route's parser (request.ts), the
 * readers (datasets.ts) and the download form in the browser (components/exports) share it.
 */
export const EXPORT_DATASETS = ["orders", "order-events", "fills", "cash-flows", "snapshots"] as const;
export type ExportDataset = (typeof EXPORT_DATASETS)[number];

export const EXPORT_FORMATS = ["csv", "ndjson"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The snapshots export's bucket sizes (the equity roll-ups'), with the default first in the form. */
export const EXPORT_BUCKETS = ["1d", "1h", "15m", "6h", "1w"] as const satisfies readonly RollupBucket[];
export const EXPORT_BUCKET_LABELS: Record<(typeof EXPORT_BUCKETS)[number], string> = { "1d": "Daily", "1h": "Hourly", "15m": "15 minutes", "6h": "6 hours", "1w": "Weekly" };

/** The longest range one export may cover. A year and a day: a calendar year, leap or not, fits. */
export const EXPORT_MAX_DAYS = 366;

/** The /orders filters an export of orders, order events or fills carries over from the page's URL (its range is the form's own). */
export const ORDER_EXPORT_FILTER_KEYS = ["connection", "account", "symbol", "side", "status", "strategy", "find"] as const;

const dayText = (d: { year: number; month: number; day: number }) => `${d.year}-${String(d.month).padStart(2, "0")}-${String(d.day).padStart(2, "0")}`;

/** The last `days` local days up to today in the workspace's zone, both included: a download form's range when the page has none. */
export function recentDays(timeZone: string, now: Date, days: number): { from: string; to: string } {
  const today = localDate(now.getTime(), timeZone);
  const first = new Date(Date.UTC(today.year, today.month - 1, today.day - (days - 1)));
  return { from: dayText({ year: first.getUTCFullYear(), month: first.getUTCMonth() + 1, day: first.getUTCDate() }), to: dayText(today) };
}
