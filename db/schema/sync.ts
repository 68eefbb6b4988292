import { index, integer, jsonb, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { createdAt, utc } from "./columns";
import { connections } from "./connections";
import { users } from "./users";

export const SYNC_TRIGGERS = ["cron", "manual", "event", "backfill", "startup"] as const;
export type SyncTrigger = (typeof SYNC_TRIGGERS)[number];
export const SYNC_STATUSES = ["running", "succeeded", "partial", "failed"] as const;
export type SyncStatus = (typeof SYNC_STATUSES)[number];

export interface SyncCounts {
  accounts: number;
  balances: number;
  positions: number;
  ordersNew: number;
  ordersChanged: number;
  orderEvents: number;
  fills: number;
  snapshots: number;
  /** Portfolios (funds) reported by the venue. */
  portfolios?: number;
  /** New NAV points stored. */
  valuations?: number;
}

/** One row per sync run: its lifecycle, what it wrote and why it failed. */
export const syncBatches = pgTable(
  "sync_batches",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ownerId: uuid("owner_id")
      .notNull()
      .references(() => users.id),
    connectionId: uuid("connection_id")
      .notNull()
      .references(() => connections.id),
    trigger: text("trigger").$type<SyncTrigger>().notNull(),
    status: text("status").$type<SyncStatus>().notNull(),
    startedAt: utc("started_at").notNull(),
    finishedAt: utc("finished_at"),
    durationMs: integer("duration_ms"),
    counts: jsonb("counts").$type<SyncCounts>(),
    errorKind: text("error_kind"),
    error: text("error"),
    createdAt: createdAt(),
  },
  (t) => [
    // Serves: the latest runs of a connection.
    index("sync_batches_connection_started_idx").on(t.connectionId, t.startedAt),
  ],
);

export type SyncBatchRow = typeof syncBatches.$inferSelect;
