import { index, integer, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, utc } from "./columns";
import { connections } from "./connections";
import { workspaces } from "./workspaces";

export const SNAPSHOT_GAP_STATUSES = ["open", "backfilled"] as const;
export type SnapshotGapStatus = (typeof SNAPSHOT_GAP_STATUSES)[number];

/**
 * A hole in one connection's snapshot series, longer than the connection's gap threshold
 * (lib/snapshots/gaps-calculate.ts). `open`: nothing measured the time between `from_at`
 * and `to_at`, and charts must show a break there. `backfilled`: the venue's history
 * filled it. Recorded once per hole: (connection, from_at) is the natural key.
 */
export const snapshotGaps = pgTable(
  "snapshot_gaps",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ownerId: uuid("owner_id")
      .notNull()
      .references(() => workspaces.id),
    connectionId: uuid("connection_id")
      .notNull()
      .references(() => connections.id),
    /** The last snapshot before the hole. */
    fromAt: utc("from_at").notNull(),
    /** The first snapshot after it; null while the hole is still open-ended. */
    toAt: utc("to_at"),
    detectedAt: utc("detected_at").notNull(),
    status: text("status").$type<SnapshotGapStatus>().notNull(),
    /** Snapshots written into the hole from the venue's history. */
    backfilledSnapshots: integer("backfilled_snapshots").notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    // Natural key: the same hole found again is the same row.
    uniqueIndex("snapshot_gaps_connection_from_uq").on(t.connectionId, t.fromAt),
    // Serves: the open gaps of an owner over a chart's range.
    index("snapshot_gaps_owner_from_idx").on(t.ownerId, t.fromAt),
  ],
);

/** How far each connection's series has been checked for holes: the next check starts here. */
export const snapshotGapChecks = pgTable("snapshot_gap_checks", {
  connectionId: uuid("connection_id")
    .primaryKey()
    .references(() => connections.id),
  ownerId: uuid("owner_id")
    .notNull()
    .references(() => workspaces.id),
  /** The newest snapshot instant already examined. */
  checkedThrough: utc("checked_through").notNull(),
  checkedAt: utc("checked_at").notNull(),
});

export type SnapshotGapRow = typeof snapshotGaps.$inferSelect;
