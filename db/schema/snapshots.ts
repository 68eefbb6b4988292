import { index, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, money, utc } from "./columns";
import { connections } from "./connections";
import { syncBatches } from "./sync";
import { users } from "./users";

/** The valued state of one connection at one instant. */
export const portfolioSnapshots = pgTable(
  "portfolio_snapshots",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ownerId: uuid("owner_id")
      .notNull()
      .references(() => users.id),
    connectionId: uuid("connection_id")
      .notNull()
      .references(() => connections.id),
    capturedAt: utc("captured_at").notNull(),
    baseCurrency: text("base_currency").notNull(),
    equity: money("equity").notNull(),
    spotValue: money("spot_value").notNull(),
    fundingValue: money("funding_value").notNull(),
    futuresWalletBalance: money("futures_wallet_balance").notNull(),
    unrealizedPnl: money("unrealized_pnl").notNull(),
    marginDebt: money("margin_debt").notNull(),
    longExposure: money("long_exposure").notNull(),
    shortExposure: money("short_exposure").notNull(),
    grossExposure: money("gross_exposure").notNull(),
    netExposure: money("net_exposure").notNull(),
    /** gross / equity; null when equity is not positive. */
    leverage: money("leverage"),
    /** Assets that had no price and were left out of every figure. */
    unpricedAssets: text("unpriced_assets").array().notNull().default([]),
    syncBatchId: uuid("sync_batch_id").references(() => syncBatches.id),
    createdAt: createdAt(),
  },
  (t) => [
    // Natural key: capturing the same instant twice (a replayed backfill) adds nothing.
    uniqueIndex("portfolio_snapshots_connection_time_uq").on(t.connectionId, t.capturedAt),
    // Serves: the equity series of an owner over a range.
    index("portfolio_snapshots_owner_time_idx").on(t.ownerId, t.capturedAt),
  ],
);

/** One row per symbol of a snapshot: spot holdings and derivatives positions. */
export const snapshotPositions = pgTable(
  "snapshot_positions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    snapshotId: uuid("snapshot_id")
      .notNull()
      .references(() => portfolioSnapshots.id, { onDelete: "cascade" }),
    ownerId: uuid("owner_id")
      .notNull()
      .references(() => users.id),
    symbol: text("symbol").notNull(),
    asset: text("asset").notNull(),
    kind: text("kind").$type<"spot" | "derivative">().notNull(),
    quantity: money("quantity").notNull(),
    price: money("price").notNull(),
    /** Value in the base currency: holdings at market for spot, unrealized PnL for derivatives. */
    valueBase: money("value_base").notNull(),
    /** Signed notional in the base currency (spot: = value). */
    notionalBase: money("notional_base").notNull(),
    /** Share of equity, a fraction; null when equity is not positive. */
    weight: money("weight"),
    /** Base-currency units per unit of the price's currency. */
    fxRate: money("fx_rate").notNull(),
    /** Unrealized PnL over entry cost, a fraction; derivatives only. */
    pnlPct: money("pnl_pct"),
  },
  (t) => [
    // Serves: the rows of one snapshot.
    index("snapshot_positions_snapshot_idx").on(t.snapshotId),
  ],
);

export type PortfolioSnapshotRow = typeof portfolioSnapshots.$inferSelect;
export type SnapshotPositionRow = typeof snapshotPositions.$inferSelect;
