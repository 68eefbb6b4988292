import { index, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { InstrumentType, PositionSide, WalletType } from "@/lib/connectors/types";
import { money, utc } from "./columns";
import { tradingAccounts } from "./accounts";
import { syncBatches } from "./sync";
import { users } from "./users";

/** Current balances per account: replaced as a whole by each successful sync. */
export const balances = pgTable(
  "balances",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ownerId: uuid("owner_id")
      .notNull()
      .references(() => users.id),
    accountId: uuid("account_id")
      .notNull()
      .references(() => tradingAccounts.id),
    asset: text("asset").notNull(),
    wallet: text("wallet").$type<WalletType>().notNull(),
    free: money("free").notNull(),
    locked: money("locked").notNull(),
    total: money("total").notNull(),
    syncBatchId: uuid("sync_batch_id")
      .notNull()
      .references(() => syncBatches.id),
    updatedAt: utc("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("balances_account_asset_wallet_uq").on(t.accountId, t.asset, t.wallet),
    // Serves: the dashboard's owner-wide holdings read.
    index("balances_owner_idx").on(t.ownerId),
  ],
);

/** Current open positions per account: replaced as a whole by each successful sync. */
export const positions = pgTable(
  "positions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ownerId: uuid("owner_id")
      .notNull()
      .references(() => users.id),
    accountId: uuid("account_id")
      .notNull()
      .references(() => tradingAccounts.id),
    symbol: text("symbol").notNull(),
    underlying: text("underlying").notNull(),
    quoteCurrency: text("quote_currency").notNull(),
    settleCurrency: text("settle_currency").notNull(),
    instrumentType: text("instrument_type").$type<InstrumentType>().notNull(),
    side: text("side").$type<PositionSide>().notNull(),
    quantity: money("quantity").notNull(),
    entryPrice: money("entry_price").notNull(),
    markPrice: money("mark_price").notNull(),
    notional: money("notional").notNull(),
    unrealizedPnl: money("unrealized_pnl").notNull(),
    liquidationPrice: money("liquidation_price"),
    leverage: money("leverage"),
    marginMode: text("margin_mode").$type<"cross" | "isolated">(),
    syncBatchId: uuid("sync_batch_id")
      .notNull()
      .references(() => syncBatches.id),
    updatedAt: utc("updated_at").notNull(),
  },
  (t) => [
    // Hedge mode holds a long and a short of one symbol at once.
    uniqueIndex("positions_account_symbol_side_uq").on(t.accountId, t.symbol, t.side),
    // Serves: the dashboard's owner-wide positions table.
    index("positions_owner_idx").on(t.ownerId),
  ],
);

export type BalanceRow = typeof balances.$inferSelect;
export type PositionRow = typeof positions.$inferSelect;
