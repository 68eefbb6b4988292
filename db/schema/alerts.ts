import { sql } from "drizzle-orm";
import { index, integer, jsonb, numeric, pgTable, text, unique, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, utc } from "./columns";
import { connections } from "./connections";
import { users } from "./users";
import type { AlertKind, AlertSeverity, NotifyStatus } from "./alert-enums";
import { workspaces } from "./workspaces";

export * from "./alert-enums";

/**
 * Things a person should look at. One row per (owner, kind, subject) until it is
 * resolved: a failure that repeats every five minutes counts occurrences on one alert
 * instead of flooding. Acknowledging keeps it counting, silently.
 */
export const alerts = pgTable(
  "alerts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ownerId: uuid("owner_id")
      .notNull()
      .references(() => workspaces.id),
    kind: text("kind").$type<AlertKind>().notNull(),
    /** What it is about: a connection id, an asset, a portfolio. */
    subject: text("subject").notNull(),
    severity: text("severity").$type<AlertSeverity>().notNull(),
    title: text("title").notNull(),
    message: text("message").notNull(),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
    occurrences: integer("occurrences").notNull().default(1),
    firstSeenAt: utc("first_seen_at").notNull(),
    lastSeenAt: utc("last_seen_at").notNull(),
    acknowledgedAt: utc("acknowledged_at"),
    resolvedAt: utc("resolved_at"),
    /** When a channel first accepted it; null when none is configured, all failed, or it was muted. */
    deliveredAt: utc("delivered_at"),
    /** Null on alerts raised before channels existed. */
    notifyStatus: text("notify_status").$type<NotifyStatus>(),
    createdAt: createdAt(),
  },
  (t) => [
    // Deduplication: one unresolved alert per owner, kind and subject.
    uniqueIndex("alerts_unresolved_uq").on(t.ownerId, t.kind, t.subject).where(sql`resolved_at is null`),
    // Serves: the owner's alert list, newest first.
    index("alerts_owner_seen_idx").on(t.ownerId, t.lastSeenAt),
  ],
);

export type AlertRow = typeof alerts.$inferSelect;

/**
 * "Stop notifying me about this for a while": a kind, optionally narrowed to one
 * connection, until an instant. Alerts it covers are still recorded, just not sent. One
 * row per rule (muting again moves its end); unmuting deletes it.
 */
export const alertMutes = pgTable(
  "alert_mutes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ownerId: uuid("owner_id")
      .notNull()
      .references(() => workspaces.id),
    kind: text("kind").$type<AlertKind>().notNull(),
    /** Null: every subject of the kind. */
    connectionId: uuid("connection_id").references(() => connections.id, { onDelete: "cascade" }),
    until: utc("until").notNull(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  // One rule per owner, kind and connection, "every connection" (null) included.
  (t) => [unique("alert_mutes_rule_uq").on(t.ownerId, t.kind, t.connectionId).nullsNotDistinct()],
);

export type AlertMuteRow = typeof alertMutes.$inferSelect;

/** A workspace's own risk limits; without a row the defaults in lib/alerts/risk-calculate.ts apply. */
export const alertThresholds = pgTable("alert_thresholds", {
  ownerId: uuid("owner_id")
    .primaryKey()
    .references(() => workspaces.id),
  /** Fraction of the allocation one non-cash asset may reach ("0.5"). */
  concentration: numeric("concentration").notNull(),
  /** Fraction below the running peak of equity that alerts ("0.2"). */
  drawdown: numeric("drawdown").notNull(),
  updatedBy: uuid("updated_by").references(() => users.id, { onDelete: "set null" }),
  updatedAt: utc("updated_at").notNull().defaultNow(),
});
