import { sql } from "drizzle-orm";
import { foreignKey, index, json, pgTable, pgView, text, uuid } from "drizzle-orm/pg-core";
import type { InstrumentType, PositionSide, WalletType } from "@/lib/connectors/types";
import { money, utc } from "./columns";
import { tradingAccounts } from "./accounts";
import { syncBatches } from "./sync";

/** One balance as stored in an account's holdings document (keys are the view's columns). */
export interface HeldBalance {
  asset: string;
  wallet: WalletType;
  free: string;
  locked: string;
  total: string;
}

/** One open position as stored in an account's holdings document. */
export interface HeldPosition {
  symbol: string;
  underlying: string;
  quote_currency: string;
  settle_currency: string;
  instrument_type: InstrumentType;
  side: PositionSide;
  quantity: string;
  entry_price: string;
  mark_price: string;
  notional: string;
  unrealized_pnl: string;
  liquidation_price: string | null;
  leverage: string | null;
  margin_mode: "cross" | "isolated" | null;
}

/**
 * The current balances and open positions of one account, as the venue reported them in
 * the last successful sync: one row per account, replaced as a whole by each sync.
 *
 * Kept as two documents rather than a row per holding: every sync rewrites all of them
 * (mark prices move), and at fund scale hundreds of row writes, with their index entries
 * and key checks, cost more than the rest of a sync together. The `balances` and
 * `positions` views below give them back as rows, typed, for reading. `json`, not
 * `jsonb`: a document is written whole and read whole, and json only checks the text
 * where jsonb converts it (the larger cost, on the embedded database most). Every amount
 * is an exact decimal string; the (account, owner) key proves the owner is the account's.
 */
export const accountHoldings = pgTable(
  "account_holdings",
  {
    accountId: uuid("account_id").primaryKey(),
    ownerId: uuid("owner_id").notNull(),
    balances: json("balances").$type<HeldBalance[]>().notNull(),
    positions: json("positions").$type<HeldPosition[]>().notNull(),
    syncBatchId: uuid("sync_batch_id")
      .notNull()
      .references(() => syncBatches.id),
    updatedAt: utc("updated_at").notNull(),
  },
  (t) => [
    foreignKey({
      name: "account_holdings_account_owner_fk",
      columns: [t.accountId, t.ownerId],
      foreignColumns: [tradingAccounts.id, tradingAccounts.ownerId],
    }),
    // Serves: the dashboard's owner-wide holdings reads.
    index("account_holdings_owner_idx").on(t.ownerId),
  ],
);

/** Current balances, one row each (a view over account_holdings). */
export const balances = pgView("balances", {
  ownerId: uuid("owner_id").notNull(),
  accountId: uuid("account_id").notNull(),
  asset: text("asset").notNull(),
  wallet: text("wallet").$type<WalletType>().notNull(),
  free: money("free").notNull(),
  locked: money("locked").notNull(),
  total: money("total").notNull(),
  syncBatchId: uuid("sync_batch_id").notNull(),
  updatedAt: utc("updated_at").notNull(),
}).as(
  sql`select h.owner_id, h.account_id, b.asset, b.wallet, b.free, b.locked, b.total, h.sync_batch_id, h.updated_at
    from account_holdings h
    cross join lateral json_to_recordset(h.balances) as b(asset text, wallet text, free numeric, locked numeric, total numeric)`,
);

/** Current open positions, one row each (a view over account_holdings). */
export const positions = pgView("positions", {
  ownerId: uuid("owner_id").notNull(),
  accountId: uuid("account_id").notNull(),
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
  syncBatchId: uuid("sync_batch_id").notNull(),
  updatedAt: utc("updated_at").notNull(),
}).as(
  sql`select h.owner_id, h.account_id, p.symbol, p.underlying, p.quote_currency, p.settle_currency, p.instrument_type,
      p.side, p.quantity, p.entry_price, p.mark_price, p.notional, p.unrealized_pnl, p.liquidation_price, p.leverage,
      p.margin_mode, h.sync_batch_id, h.updated_at
    from account_holdings h
    cross join lateral json_to_recordset(h.positions) as p(symbol text, underlying text, quote_currency text,
      settle_currency text, instrument_type text, side text, quantity numeric, entry_price numeric, mark_price numeric,
      notional numeric, unrealized_pnl numeric, liquidation_price numeric, leverage numeric, margin_mode text)`,
);

export type BalanceRow = typeof balances.$inferSelect;
export type PositionRow = typeof positions.$inferSelect;
