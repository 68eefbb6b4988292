import type { RollupBucket } from "@/db/schema/rollups";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** 1970-01-05 was a Monday: weeks start there (ISO weeks, in UTC). */
const MONDAY_OFFSET = 4 * DAY;

export const BUCKET_MS: Record<RollupBucket, number> = {
  "15m": 15 * MINUTE,
  "1h": HOUR,
  "6h": 6 * HOUR,
  "1d": DAY,
  "1w": 7 * DAY,
};

/** Start of the UTC bucket containing `ms`. */
export function bucketStart(bucket: RollupBucket, ms: number): number {
  const size = BUCKET_MS[bucket];
  const offset = bucket === "1w" ? MONDAY_OFFSET : 0;
  return Math.floor((ms - offset) / size) * size + offset;
}
