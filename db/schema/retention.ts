import { pgTable, uuid } from "drizzle-orm/pg-core";
import { utc } from "./columns";
import { connections } from "./connections";
import { workspaces } from "./workspaces";

/**
 * How far the retention task (lib/retention) has thinned one connection's per-symbol snapshot
 * detail: every snapshot captured before `hourlyThrough` keeps its detail only if it is the
 * last of its hour, before `dailyThrough` only if the last of its day. Why a mark: the
 * snapshots themselves are kept forever, so without it each daily run would walk a
 * connection's whole history (525,600 snapshots a year at one a minute) to find the one
 * new day to thin.
 */
export const retentionMarks = pgTable("retention_marks", {
  connectionId: uuid("connection_id")
    .primaryKey()
    .references(() => connections.id),
  ownerId: uuid("owner_id")
    .notNull()
    .references(() => workspaces.id),
  hourlyThrough: utc("hourly_through").notNull(),
  dailyThrough: utc("daily_through").notNull(),
  updatedAt: utc("updated_at").notNull(),
});

export type RetentionMarkRow = typeof retentionMarks.$inferSelect;
