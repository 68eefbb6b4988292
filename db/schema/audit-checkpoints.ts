import { bigint, index, integer, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { tradingAccounts } from "./accounts";
import { utc } from "./columns";
import { workspaces } from "./workspaces";

export const AUDIT_STATUSES = ["ok", "broken"] as const;
export type AuditStatus = (typeof AUDIT_STATUSES)[number];

/**
 * How far each account's order-event hash chain has been verified, so the next check hashes
 * only the events recorded after `lastSeq` (lib/audit/checkpoint.ts). A broken chain stays
 * broken here until a full re-walk finds it intact: an incremental check never clears it.
 * An event's id is its `seq` (order_events' primary key).
 */
export const auditCheckpoints = pgTable(
  "audit_checkpoints",
  {
    accountId: uuid("account_id")
      .primaryKey()
      .references(() => tradingAccounts.id),
    ownerId: uuid("owner_id")
      .notNull()
      .references(() => workspaces.id),
    /** The last event verified (null: the account has none yet). */
    lastSeq: bigint("last_seq", { mode: "number" }),
    /** That event's hash: the link the next event must carry (all zeros before the first). */
    headHash: text("head_hash").notNull(),
    eventsVerified: integer("events_verified").notNull(),
    status: text("status").$type<AuditStatus>().notNull(),
    /** The first bad event, while the chain is broken. */
    brokenAtSeq: bigint("broken_at_seq", { mode: "number" }),
    brokenReason: text("broken_reason"),
    brokenDetail: text("broken_detail"),
    checkedAt: utc("checked_at").notNull(),
  },
  (t) => [
    // Serves: a workspace's accounts' audit status (the connection page) and its deletion.
    index("audit_checkpoints_owner_idx").on(t.ownerId),
  ],
);

export type AuditCheckpointRow = typeof auditCheckpoints.$inferSelect;
