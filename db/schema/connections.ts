import { index, integer, jsonb, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { createdAt, utc } from "./columns";
import { workspaces } from "./workspaces";

export const CONNECTION_STATUSES = ["active", "paused", "needs_attention"] as const;
export type ConnectionStatus = (typeof CONNECTION_STATUSES)[number];

/** One set of venue credentials. Secrets live only in `credentialsEncrypted`. */
export const connections = pgTable(
  "connections",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ownerId: uuid("owner_id")
      .notNull()
      .references(() => workspaces.id),
    provider: text("provider").notNull(),
    label: text("label").notNull(),
    /** AES-256-GCM envelope; never selected into anything that reaches a browser. */
    credentialsEncrypted: text("credentials_encrypted"),
    /** Non-secret settings (demo seed, testnet switch, account filters). */
    config: jsonb("config").$type<Record<string, unknown>>().notNull().default({}),
    status: text("status").$type<ConnectionStatus>().notNull().default("active"),
    syncIntervalSeconds: integer("sync_interval_seconds").notNull().default(300),
    lastSyncAt: utc("last_sync_at"),
    lastSuccessAt: utc("last_success_at"),
    consecutiveFailures: integer("consecutive_failures").notNull().default(0),
    lastError: text("last_error"),
    /** When the current run of failures began; null while the connection is healthy. */
    failingSince: utc("failing_since"),
    /**
     * When the failure policy (not a person) set `status` to paused or needs_attention, so
     * a later successful sync may lift it; a pause a person chose stays.
     */
    statusSetByPolicyAt: utc("status_set_by_policy_at"),
    /** The venue's Retry-After, as an instant: background syncs leave the venue alone until then. */
    retryNotBefore: utc("retry_not_before"),
    /** When the sealed credentials were last saved (added or rotated); null on rows older than the column, read as `createdAt`. */
    credentialsUpdatedAt: utc("credentials_updated_at"),
    /**
     * When a person deleted the connection. Its history (orders, fills, order events,
     * snapshots, sync runs) is append-only and stays, read-only; the row stays for it to
     * point at, with its credentials erased. Every operational query leaves it out.
     */
    deletedAt: utc("deleted_at"),
    createdAt: createdAt(),
  },
  (t) => [
    // Serves: every list of a viewer's connections.
    index("connections_owner_idx").on(t.ownerId),
  ],
);

export type Connection = typeof connections.$inferSelect;
