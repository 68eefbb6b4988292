import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { createdAt, utc } from "./columns";
import { connections } from "./connections";
import type { IndependentStream, SyncMode, SyncStatus, SyncTrigger } from "./sync-enums";
import type { SyncProgress } from "./sync-progress";
import { workspaces } from "./workspaces";

export * from "./sync-enums";
export * from "./sync-progress";

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
  /** Raw venue responses kept for this run. */
  rawResponses?: number;
  /** New cash-flow rows stored: a flow seen for the first time, or with a new status. */
  cashFlows?: number;
}

/** One stream that failed in a `partial` run, and why. */
export interface FailedStream {
  stream: IndependentStream;
  kind: string;
  message: string;
}

/** What the venue client counted during the run. */
export interface ApiUsage {
  /** Requests per "METHOD /path", when the connector counts them. */
  byEndpoint?: Record<string, number>;
  /** Request weight the venue reported as used, per rate-limit bucket (Binance). */
  usedWeight?: Record<string, number>;
}

/** One row per sync run: its lifecycle, what it wrote and why it failed. */
export const syncBatches = pgTable(
  "sync_batches",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ownerId: uuid("owner_id")
      .notNull()
      .references(() => workspaces.id),
    connectionId: uuid("connection_id")
      .notNull()
      .references(() => connections.id),
    trigger: text("trigger").$type<SyncTrigger>().notNull(),
    status: text("status").$type<SyncStatus>().notNull(),
    /** Null on rows written before modes existed. */
    mode: text("mode").$type<SyncMode>(),
    startedAt: utc("started_at").notNull(),
    finishedAt: utc("finished_at"),
    durationMs: integer("duration_ms"),
    counts: jsonb("counts").$type<SyncCounts>(),
    /** Venue requests made; the connector's own count, else the responses captured. */
    apiCalls: integer("api_calls"),
    apiUsage: jsonb("api_usage").$type<ApiUsage>(),
    /** Set on `partial` runs: the independent streams that failed. */
    failedStreams: jsonb("failed_streams").$type<FailedStream[]>(),
    errorKind: text("error_kind"),
    error: text("error"),
    /**
     * Where the run is: written as it reads (outside the run's transaction, a few small
     * updates a second at most), kept when it ends as the per-stream record. Null before
     * the run starts and on rows written before progress existed.
     */
    progress: jsonb("progress").$type<SyncProgress>(),
    createdAt: createdAt(),
  },
  (t) => [
    // Serves: the latest runs of a connection.
    index("sync_batches_connection_started_idx").on(t.connectionId, t.startedAt),
    // Serves: the workspace's sync history (/syncs), newest first, by keyset.
    index("sync_batches_owner_started_idx").on(t.ownerId, t.startedAt, t.id),
    // Serves: the reaper's scan for runs still open past the limit (a handful of rows).
    index("sync_batches_open_started_idx")
      .on(t.startedAt)
      .where(sql`status in ('queued', 'running')`),
  ],
);

export type SyncBatchRow = typeof syncBatches.$inferSelect;
