import type { RollupBucket } from "@/db/schema/rollups";
import { isUtc, localDayOf, localWeekOf } from "@/lib/time/zoned";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** 1970-01-05 was a Monday: UTC weeks start there. */
const MONDAY_OFFSET = 4 * DAY;

/**
 * Nominal bucket lengths. Exact for the sub-day buckets; a local day or week in a zone with
 * DST may be an hour shorter or longer, so walking from one bucket to the next goes through
 * `nextBucketStart`, never `start + BUCKET_MS`.
 */
export const BUCKET_MS: Record<RollupBucket, number> = {
  "15m": 15 * MINUTE,
  "1h": HOUR,
  "6h": 6 * HOUR,
  "1d": DAY,
  "1w": 7 * DAY,
};

/**
 * Start of the bucket containing `ms`. 15m, 1h and 6h buckets are cut on the UTC clock
 * whatever the zone; 1d starts at local midnight in `timeZone` (the workspace's), 1w at
 * local midnight of the ISO week's Monday. A DST change makes such a bucket 23 or 25 h.
 */
export function bucketStart(bucket: RollupBucket, ms: number, timeZone: string): number {
  // Fixed-length buckets, and every bucket in UTC (the default zone), are plain arithmetic.
  if (isUtc(timeZone) || (bucket !== "1d" && bucket !== "1w")) {
    const size = BUCKET_MS[bucket];
    const offset = bucket === "1w" ? MONDAY_OFFSET : 0;
    return Math.floor((ms - offset) / size) * size + offset;
  }
  return bucket === "1d" ? localDayOf(timeZone, ms).startMs : localWeekOf(timeZone, ms).startMs;
}

/** Start of the bucket after the one starting at `start` (its exclusive end). */
export function nextBucketStart(bucket: RollupBucket, start: number, timeZone: string): number {
  if (isUtc(timeZone) || (bucket !== "1d" && bucket !== "1w")) return bucketStart(bucket, start, timeZone) + BUCKET_MS[bucket];
  return bucket === "1d" ? localDayOf(timeZone, start).endMs : localWeekOf(timeZone, start).endMs;
}
