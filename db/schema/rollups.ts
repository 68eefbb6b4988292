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
    /**
     * The unitised series at `lastAt` (lib/snapshots/unitised.ts): units outstanding and NAV
     * per unit = equity / units. Null on rows written before migration 0014 until the
     * series is rebuilt, and when no units are outstanding (everything withdrawn).
     */
    units: money("units"),
    navPerUnit: money("nav_per_unit"),
    /** Net external flows attributed to snapshot instants in (previous row's lastAt, lastAt], in base. */
    netFlows: money("net_flows"),
    /** Net external flows up to lastAt, from the first snapshot on. */
    cumNetFlows: money("cum_net_flows"),
  },
  (t) => [
    // Also serves the chart's range read: owner, bucket size, start ≥ from.
    primaryKey({ columns: [t.ownerId, t.bucket, t.bucketStart] }),
  ],
);

export type EquityRollupRow = typeof equityRollups.$inferSelect;
