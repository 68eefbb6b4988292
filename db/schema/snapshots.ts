import { sql } from "drizzle-orm";
import { boolean, index, json, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, money, utc } from "./columns";
import { connections } from "./connections";
import { syncBatches } from "./sync";
import { workspaces } from "./workspaces";

/** One account's margin in one currency, as published, and in the base currency (null: no price). */
export interface SnapshotMarginDetail {
  accountUid: string;
  currency: string;
  used: string;
  maintenance: string | null;
  available: string;
  usedBase: string | null;
  availableBase: string | null;
}

/** The valued state of one connection at one instant. */
export const portfolioSnapshots = pgTable(
  "portfolio_snapshots",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ownerId: uuid("owner_id")
      .notNull()
      .references(() => workspaces.id),
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
    /**
     * Margin in use and still available as the venue published it, Σ over accounts and
     * currencies in the base currency (currencies without a price left out, listed in
     * `marginDetail`). Null: the venue published no margin figure (demo, 1Token, wallets…).
     */
    marginUsed: money("margin_used"),
    marginAvailable: money("margin_available"),
    /** Each account's and currency's published figures, unconverted, with their base value (null: unpriced). */
    marginDetail: json("margin_detail").$type<SnapshotMarginDetail[]>(),
    syncBatchId: uuid("sync_batch_id").references(() => syncBatches.id),
    /**
     * Rebuilt from fills, flows and daily closes (lib/history), not measured: only on days
     * before the connection's first observed snapshot, replaced whole on each re-run.
     */
    reconstructed: boolean("reconstructed").notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [
    // Natural key: capturing the same instant twice (a replayed backfill) adds nothing.
    uniqueIndex("portfolio_snapshots_connection_time_uq").on(t.connectionId, t.capturedAt),
    // Serves: the equity series of an owner over a range.
    index("portfolio_snapshots_owner_time_idx").on(t.ownerId, t.capturedAt),
    // Serves: where an owner's reconstructed history ends (the equity chart's mark), without
    // walking its measured snapshots (a year of them at 1 minute is half a million rows).
    index("portfolio_snapshots_owner_reconstructed_idx").on(t.ownerId, t.capturedAt).where(sql`${t.reconstructed}`),
  ],
);

/**
 * The per-symbol rows of one snapshot (spot holdings and derivatives positions), kept as
 * one document: a snapshot is written once and read whole, and writing hundreds of rows
 * (each with its index entries and key checks) per sync cost more than the rest of the
 * sync together. `json`, like the account holdings: written whole, read whole. Every
 * amount is an exact decimal string.
 */
export interface SnapshotHolding {
  symbol: string;
  /** The asset the row is exposure to: the holding itself, or a derivative's underlying. */
  asset: string;
  kind: "spot" | "derivative";
  quantity: string;
  price: string;
  /** Value in the base currency: holdings at market for spot, unrealized PnL for derivatives. */
  valueBase: string;
  /** Signed notional in the base currency (spot: = value). */
  notionalBase: string;
  /** Share of equity, a fraction; null when equity is not positive. */
  weight: string | null;
  /** Base-currency units per unit of the price's currency. */
  fxRate: string;
  /** Unrealized PnL over entry cost, a fraction; derivatives only. */
  pnlPct: string | null;
}

export const snapshotHoldings = pgTable("snapshot_holdings", {
  snapshotId: uuid("snapshot_id")
    .primaryKey()
    .references(() => portfolioSnapshots.id, { onDelete: "cascade" }),
  ownerId: uuid("owner_id")
    .notNull()
    .references(() => workspaces.id),
  rows: json("rows").$type<SnapshotHolding[]>().notNull(),
});

export type PortfolioSnapshotRow = typeof portfolioSnapshots.$inferSelect;
