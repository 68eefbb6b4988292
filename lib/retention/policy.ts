import { env, type Env } from "@/lib/env";

/**
 * What the retention task keeps. Snapshot totals (portfolio_snapshots), equity roll-ups and
 * the audit trail (orders, order events, fills, audit checkpoints) are not in it: they are
 * kept forever, whatever the policy says.
 */
export interface RetentionPolicy {
  enabled: boolean;
  /** Per-symbol snapshot detail younger than this many days is kept for every snapshot. */
  fullDetailDays: number;
  /** Between fullDetailDays and this, the last snapshot of each hour keeps its detail; older, the last of each day. */
  hourlyDetailDays: number;
  /** Raw venue responses older than this are deleted. */
  rawResponseDays: number;
}

/**
 * The defaults (docs/architecture.md, "Retention, size and backup", says why): 30 days of
 * full detail covers the month-to-date views and every cash-flow valuation a sync makes;
 * hourly to a year keeps the 1h/6h chart resolution those ranges show; daily after that is
 * what the "all" range and end-of-day reports read. Raw responses: a week, as the per-run
 * prune in lib/sync has always kept.
 */
export const DEFAULT_RETENTION: RetentionPolicy = { enabled: true, fullDetailDays: 30, hourlyDetailDays: 365, rawResponseDays: 7 };

export function retentionPolicy(e: Env = env()): RetentionPolicy {
  if (e.RETENTION_HOURLY_DETAIL_DAYS < e.RETENTION_FULL_DETAIL_DAYS) {
    throw new Error(
      `Invalid environment: RETENTION_HOURLY_DETAIL_DAYS (${e.RETENTION_HOURLY_DETAIL_DAYS}) must be at least RETENTION_FULL_DETAIL_DAYS (${e.RETENTION_FULL_DETAIL_DAYS})`,
    );
  }
  return {
    enabled: e.RETENTION === "on",
    fullDetailDays: e.RETENTION_FULL_DETAIL_DAYS,
    hourlyDetailDays: e.RETENTION_HOURLY_DETAIL_DAYS,
    rawResponseDays: e.RETENTION_RAW_RESPONSE_DAYS,
  };
}
