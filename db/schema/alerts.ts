import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, utc } from "./columns";
import { workspaces } from "./workspaces";

export const ALERT_KINDS = ["sync_failure", "needs_attention", "snapshot_gap", "concentration", "drawdown"] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];
export type AlertSeverity = "info" | "warning" | "critical";

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
    /** When the webhook accepted it; null when none is configured or delivery failed. */
    deliveredAt: utc("delivered_at"),
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
