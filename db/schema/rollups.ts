import { pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { money, utc } from "./columns";
import { workspaces } from "./workspaces";

export const ROLLUP_BUCKETS = ["15m", "1h", "6h", "1d", "1w"] as const;
export type RollupBucket = (typeof ROLLUP_BUCKETS)[number];

/**
 * The owner's total equity per time bucket: the value at the last snapshot instant in
 * the bucket, every connection carried forward at its latest value. Maintained on every
 * snapshot write, so a chart reads a few hundred rows whatever the history length.
 */
export const equityRollups = pgTable(
  "equity_rollups",
  {
    ownerId: uuid("owner_id")
      .notNull()
      .references(() => workspaces.id),
    bucket: text("bucket").$type<RollupBucket>().notNull(),
    bucketStart: utc("bucket_start").notNull(),
    equity: money("equity").notNull(),
    /** The snapshot instant the value is from (the last one in the bucket). */
    lastAt: utc("last_at").notNull(),
  },
  (t) => [
    // Also serves the chart's range read: owner, bucket size, start ≥ from.
    primaryKey({ columns: [t.ownerId, t.bucket, t.bucketStart] }),
  ],
);

export type EquityRollupRow = typeof equityRollups.$inferSelect;
