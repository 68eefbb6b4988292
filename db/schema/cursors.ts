import { pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { utc } from "./columns";
import { connections } from "./connections";
import { syncBatches } from "./sync";
import { workspaces } from "./workspaces";

/** Streams read incrementally from a cursor. */
export const CURSOR_STREAMS = ["orders", "fills", "cash_flows"] as const;
export type CursorStream = (typeof CURSOR_STREAMS)[number];

/**
 * How far each incremental stream of a connection is known complete: the instant the
 * run that last read it successfully started reading. Written in the run's transaction,
 * so a run that rolls back (or whose stream failed) leaves the cursor where it was.
 * `stream` is a CursorStream, or a prefixed trade-discovery name (`held:<asset>`,
 * `sweep:<market id>`, see db/queries/cursors.ts).
 */
export const syncCursors = pgTable(
  "sync_cursors",
  {
    connectionId: uuid("connection_id")
      .notNull()
      .references(() => connections.id),
    stream: text("stream").notNull(),
    ownerId: uuid("owner_id")
      .notNull()
      .references(() => workspaces.id),
    cursorAt: utc("cursor_at").notNull(),
    updatedBatchId: uuid("updated_batch_id")
      .notNull()
      .references(() => syncBatches.id),
    updatedAt: utc("updated_at").notNull(),
  },
  (t) => [
    // Also serves: a run reading all cursors of its connection.
    primaryKey({ columns: [t.connectionId, t.stream] }),
  ],
);

export type SyncCursorRow = typeof syncCursors.$inferSelect;
