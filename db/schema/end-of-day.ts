import { date, index, jsonb, pgTable, text, unique, uuid } from "drizzle-orm/pg-core";
import { createdAt, money, utc } from "./columns";
import { portfolios } from "./portfolios";
import { workspaces } from "./workspaces";

/** How one connection entered an end-of-day snapshot. */
export interface EndOfDayConnection {
  connectionId: string;
  /** fresh: captured within its gap threshold of the day's end; stale: older; missing: none by then. */
  status: "fresh" | "stale" | "missing";
  snapshotId: string | null;
  capturedAt: string | null;
  equity: string | null;
}

/**
 * The close of one day (in the workspace's time zone) for a portfolio, or for the owner's
 * connections outside any single portfolio (`portfolio_id` null). Each connection is carried forward at its latest
 * snapshot at or before the day's end; stale and missing connections are named, so a
 * daily figure built on old data says so. One row per (owner, portfolio, day).
 */
export const endOfDaySnapshots = pgTable(
  "end_of_day_snapshots",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ownerId: uuid("owner_id")
      .notNull()
      .references(() => workspaces.id),
    /** Null: the owner's connections that belong to no single portfolio. */
    portfolioId: uuid("portfolio_id").references(() => portfolios.id),
    /** The calendar day in the workspace's time zone when it was closed, "YYYY-MM-DD". */
    day: date("day", { mode: "string" }).notNull(),
    /** The end of the day (exclusive): the next local midnight. */
    asOf: utc("as_of").notNull(),
    baseCurrency: text("base_currency").notNull(),
    equity: money("equity").notNull(),
    spotValue: money("spot_value").notNull(),
    fundingValue: money("funding_value").notNull(),
    futuresWalletBalance: money("futures_wallet_balance").notNull(),
    unrealizedPnl: money("unrealized_pnl").notNull(),
    marginDebt: money("margin_debt").notNull(),
    connections: jsonb("connections").$type<EndOfDayConnection[]>().notNull(),
    staleConnectionIds: uuid("stale_connection_ids").array().notNull().default([]),
    missingConnectionIds: uuid("missing_connection_ids").array().notNull().default([]),
    createdAt: createdAt(),
  },
  (t) => [
    // Natural key (the owner-level row has a null portfolio): capturing a day twice adds nothing.
    // Also serves: one portfolio's daily series, oldest first.
    unique("end_of_day_snapshots_owner_portfolio_day_uq").on(t.ownerId, t.portfolioId, t.day).nullsNotDistinct(),
    // Serves: every daily row of an owner for one day (the day's report).
    index("end_of_day_snapshots_owner_day_idx").on(t.ownerId, t.day),
  ],
);

export type EndOfDaySnapshotRow = typeof endOfDaySnapshots.$inferSelect;
