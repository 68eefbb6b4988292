import { boolean, index, integer, jsonb, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { utc } from "./columns";
import { connections } from "./connections";
import { syncBatches } from "./sync";
import { workspaces } from "./workspaces";

/**
 * The venue's responses as a run received them, for debugging and audit. Bounded: each
 * run prunes its connection's rows beyond the retention (see lib/sync/raw-responses.ts).
 */
export const syncRawResponses = pgTable(
  "sync_raw_responses",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    batchId: uuid("batch_id")
      .notNull()
      .references(() => syncBatches.id),
    connectionId: uuid("connection_id")
      .notNull()
      .references(() => connections.id),
    ownerId: uuid("owner_id")
      .notNull()
      .references(() => workspaces.id),
    /** "GET /api/v3/account", never with a signed query string. */
    endpoint: text("endpoint").notNull(),
    capturedAt: utc("captured_at").notNull(),
    /** The body, or `{ truncated: true, head }` when its JSON exceeded the cap. */
    body: jsonb("body").notNull(),
    /** Size of the body's JSON text before any truncation. */
    bytes: integer("bytes").notNull(),
    truncated: boolean("truncated").notNull().default(false),
  },
  (t) => [
    // Serves: one run's responses, and pruning by batch.
    index("sync_raw_responses_batch_idx").on(t.batchId),
    // Serves: pruning a connection's responses by age.
    index("sync_raw_responses_connection_captured_idx").on(t.connectionId, t.capturedAt),
  ],
);

export type SyncRawResponseRow = typeof syncRawResponses.$inferSelect;
