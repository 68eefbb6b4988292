import { boolean, index, integer, pgTable, primaryKey, text, unique, uuid } from "drizzle-orm/pg-core";
import { createdAt, money, utc } from "./columns";
import { connections } from "./connections";
import { portfolioSnapshots } from "./snapshots";
import { workspaces } from "./workspaces";

/**
 * The account summary of one reconciled snapshot, in the snapshot's base currency:
 *
 *   equity = cash + market value + futures wallet + unrealized PnL + margin debt
 *
 * cash and market value split the spot and funding holdings into cash-like assets and the
 * rest; pnl = realized (FIFO over the stored fills, net of fees) + unrealized (venue).
 * One row per snapshot: its presence marks the snapshot as reconciled.
 */
export const reconciliationSummaries = pgTable(
  "reconciliation_summaries",
  {
    snapshotId: uuid("snapshot_id")
      .primaryKey()
      .references(() => portfolioSnapshots.id, { onDelete: "cascade" }),
    ownerId: uuid("owner_id")
      .notNull()
      .references(() => workspaces.id),
    connectionId: uuid("connection_id")
      .notNull()
      .references(() => connections.id),
    capturedAt: utc("captured_at").notNull(),
    baseCurrency: text("base_currency").notNull(),
    equity: money("equity").notNull(),
    cash: money("cash").notNull(),
    marketValue: money("market_value").notNull(),
    futuresWalletBalance: money("futures_wallet_balance").notNull(),
    marginDebt: money("margin_debt").notNull(),
    unrealizedPnl: money("unrealized_pnl").notNull(),
    realizedPnl: money("realized_pnl").notNull(),
    pnl: money("pnl").notNull(),
    /** Σ value of the strategy rows and of the residual rows (positions at notional). */
    strategyValue: money("strategy_value").notNull(),
    residualValue: money("residual_value").notNull(),
    /** Symbols or currencies that could not be valued or converted. */
    unpriced: text("unpriced").array().notNull().default([]),
    fillsUsed: integer("fills_used").notNull(),
    reconciledAt: utc("reconciled_at").notNull(),
  },
  (t) => [
    // Serves: a connection's summaries over time, newest first.
    index("reconciliation_summaries_owner_connection_time_idx").on(t.ownerId, t.connectionId, t.capturedAt),
  ],
);

/**
 * What the venue held at a snapshot, split per strategy: per symbol the strategy rows plus
 * the residual row (strategy null) add up to the venue quantity. Spot holdings are keyed
 * by asset ("BTC"), positions by their symbol ("BTC/USDT:USDT").
 */
export const reconciledPositions = pgTable(
  "reconciled_positions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ownerId: uuid("owner_id")
      .notNull()
      .references(() => workspaces.id),
    snapshotId: uuid("snapshot_id")
      .notNull()
      .references(() => portfolioSnapshots.id, { onDelete: "cascade" }),
    symbol: text("symbol").notNull(),
    /** Null on the residual row. */
    strategy: text("strategy"),
    kind: text("kind").$type<"strategy" | "residual">().notNull(),
    quantity: money("quantity").notNull(),
    averageCost: money("average_cost"),
    marketPrice: money("market_price"),
    marketValue: money("market_value"),
    quoteCurrency: text("quote_currency").notNull(),
    fxRate: money("fx_rate"),
    valueBase: money("value_base"),
    /** (market − cost) × quantity in the base currency; null without a price or cost. */
    unrealizedPnl: money("unrealized_pnl"),
    /** Ratios (statistics), stored as given by the reconcile engine. */
    navWeight: money("nav_weight"),
    pnlPct: money("pnl_pct"),
    closedAtVenue: boolean("closed_at_venue").notNull(),
  },
  (t) => [
    // Natural key, the residual row's null strategy included: a replay adds nothing.
    // Also serves: the rows of one snapshot.
    unique("reconciled_positions_snapshot_symbol_strategy_uq").on(t.snapshotId, t.symbol, t.strategy).nullsNotDistinct(),
    // Serves: owner-scoped reads of a snapshot's rows.
    index("reconciled_positions_owner_snapshot_idx").on(t.ownerId, t.snapshotId),
  ],
);

/**
 * Each strategy's PnL curve per connection, one point per reconciled snapshot, in the base
 * currency: pnl = realized + unrealized; market value is that of its open positions.
 */
export const strategyEquity = pgTable(
  "strategy_equity",
  {
    ownerId: uuid("owner_id")
      .notNull()
      .references(() => workspaces.id),
    connectionId: uuid("connection_id")
      .notNull()
      .references(() => connections.id),
    strategy: text("strategy").notNull(),
    at: utc("at").notNull(),
    snapshotId: uuid("snapshot_id")
      .notNull()
      .references(() => portfolioSnapshots.id, { onDelete: "cascade" }),
    realizedPnl: money("realized_pnl").notNull(),
    unrealizedPnl: money("unrealized_pnl").notNull(),
    pnl: money("pnl").notNull(),
    marketValue: money("market_value").notNull(),
    openPositions: integer("open_positions").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    // Natural key: one point per strategy, connection and instant.
    primaryKey({ columns: [t.connectionId, t.strategy, t.at] }),
    // Serves: one strategy's series across the owner's connections over a range.
    index("strategy_equity_owner_strategy_at_idx").on(t.ownerId, t.strategy, t.at),
  ],
);

export type ReconciliationSummaryRow = typeof reconciliationSummaries.$inferSelect;
export type ReconciledPositionRow = typeof reconciledPositions.$inferSelect;
export type StrategyEquityRow = typeof strategyEquity.$inferSelect;
