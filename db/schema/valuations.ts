import { index, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { tradingAccounts } from "./accounts";
import { createdAt, money, utc } from "./columns";
import { connections } from "./connections";
import { portfolios } from "./portfolios";
import { syncBatches } from "./sync";
import { workspaces } from "./workspaces";

/**
 * NAV points published by a platform (a 1Token fund's historical NAV, an IBKR account's
 * daily net liquidation value), as the platform stated them. One row per snapshot.
 */
export const valuations = pgTable(
  "valuations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ownerId: uuid("owner_id")
      .notNull()
      .references(() => workspaces.id),
    connectionId: uuid("connection_id")
      .notNull()
      .references(() => connections.id),
    /** The fund valued, when the point is a portfolio's. */
    portfolioId: uuid("portfolio_id").references(() => portfolios.id),
    /** The account valued, when the point is one account's. */
    accountId: uuid("account_id").references(() => tradingAccounts.id),
    /** The series the point belongs to: the fund's external id or the account uid. */
    series: text("series").notNull(),
    /** The platform's id of the snapshot; unique within the connection. */
    snapshotId: text("snapshot_id").notNull(),
    at: utc("at").notNull(),
    currency: text("currency"),
    netAssets: money("net_assets").notNull(),
    navPerUnit: money("nav_per_unit"),
    grossReturn: money("gross_return"),
    netReturn: money("net_return"),
    /** The platform's record of the point, kept as received. */
    raw: jsonb("raw"),
    syncBatchId: uuid("sync_batch_id").references(() => syncBatches.id),
    createdAt: createdAt(),
  },
  (t) => [
    // Natural key: a re-read of the same snapshot adds nothing.
    uniqueIndex("valuations_connection_snapshot_uq").on(t.connectionId, t.snapshotId),
    // Serves: the incremental cursor (latest point per series of a connection).
    index("valuations_connection_series_at_idx").on(t.connectionId, t.series, t.at),
    // Serves: a portfolio's NAV chart over a range.
    index("valuations_owner_portfolio_at_idx").on(t.ownerId, t.portfolioId, t.at),
  ],
);

export type ValuationRow = typeof valuations.$inferSelect;
