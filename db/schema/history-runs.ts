import { sql } from "drizzle-orm";
import { check, date, index, integer, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { money, utc } from "./columns";
import { connections } from "./connections";
import { workspaces } from "./workspaces";

export const HISTORY_RUN_OUTCOMES = ["succeeded", "failed"] as const;
export type HistoryRunOutcome = (typeof HISTORY_RUN_OUTCOMES)[number];

/**
 * One row per connection: its history reconstruction's last outcome (lib/history). The
 * figures are those of the last run that wrote (a failed run keeps them, and says when and
 * why it failed), so the connection's page can say what the reconstructed past rests on.
 */
export const historyRuns = pgTable(
  "history_runs",
  {
    ownerId: uuid("owner_id")
      .notNull()
      .references(() => workspaces.id),
    connectionId: uuid("connection_id")
      .notNull()
      .references(() => connections.id),
    outcome: text("outcome").$type<HistoryRunOutcome>().notNull(),
    /** When the last run ended, whatever its outcome. */
    ranAt: utc("ran_at").notNull(),
    /** The last run that wrote: when, how many local days before the first measured snapshot, and their first and last. */
    succeededAt: utc("succeeded_at"),
    days: integer("days").notNull().default(0),
    firstDay: date("first_day", { mode: "string" }),
    lastDay: date("last_day", { mode: "string" }),
    /** Days it wrote into gaps between measured snapshots, and how many gaps those filled. */
    gapDays: integer("gap_days").notNull().default(0),
    gapsFilled: integer("gaps_filled").notNull().default(0),
    /** The last failure's message (redacted), cleared by the next success. */
    error: text("error"),
  },
  (t) => [primaryKey({ columns: [t.connectionId] }), index("history_runs_owner_idx").on(t.ownerId)],
);

export const HISTORY_RESIDUAL_KINDS = ["opening", "negative-balance", "unexplained-change"] as const;

/**
 * The residual events of a connection's last successful reconstruction
 * (lib/engines/history/backward-walk.ts): a change of holdings nothing in the history
 * explains, counted as a flow and never as performance, and shown on the connection's page
 * (never hidden). Replaced whole with the reconstructed snapshots, in the same transaction.
 */
export const historyResiduals = pgTable(
  "history_residuals",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ownerId: uuid("owner_id")
      .notNull()
      .references(() => workspaces.id),
    connectionId: uuid("connection_id")
      .notNull()
      .references(() => connections.id),
    /** The local day (the workspace's zone) the residual is booked on. */
    day: date("day", { mode: "string" }).notNull(),
    /** At the start of the day (before its events) or its end. */
    at: text("at").$type<"start" | "end">().notNull(),
    kind: text("kind").$type<(typeof HISTORY_RESIDUAL_KINDS)[number]>().notNull(),
    asset: text("asset").notNull(),
    /** Signed: + appeared, − vanished. */
    quantity: money("quantity").notNull(),
    /** At the day's close in `base_currency`; null where the asset had no close yet. */
    valueBase: money("value_base"),
    baseCurrency: text("base_currency").notNull(),
  },
  (t) => [
    // Serves: a connection's residuals in day order (its page), and their replacement.
    index("history_residuals_connection_day_idx").on(t.connectionId, t.day),
    index("history_residuals_owner_idx").on(t.ownerId),
    check("history_residuals_kind", sql`${t.kind} in ('opening', 'negative-balance', 'unexplained-change')`),
    check("history_residuals_at", sql`${t.at} in ('start', 'end')`),
  ],
);

export type HistoryResidualRow = typeof historyResiduals.$inferSelect;
