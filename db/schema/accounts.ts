import { index, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { AccountKind } from "@/lib/connectors/types";
import { createdAt, money } from "./columns";
import { connections } from "./connections";
import { portfolios } from "./portfolios";
import { workspaces } from "./workspaces";

/** A venue account found through a connection. */
export const tradingAccounts = pgTable(
  "trading_accounts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ownerId: uuid("owner_id")
      .notNull()
      .references(() => workspaces.id),
    connectionId: uuid("connection_id")
      .notNull()
      .references(() => connections.id),
    accountUid: text("account_uid").notNull(),
    name: text("name").notNull(),
    alias: text("alias"),
    venue: text("venue").notNull(),
    kind: text("kind").$type<AccountKind>().notNull(),
    /** The portfolio (fund) the venue groups the account under, when it does. */
    portfolioId: uuid("portfolio_id").references(() => portfolios.id),
    /** The venue's own USD valuation of the account, when it publishes one (1Token). */
    balanceUsd: money("balance_usd"),
    createdAt: createdAt(),
  },
  (t) => [
    // Natural key: re-discovering an account updates it instead of adding another.
    uniqueIndex("trading_accounts_connection_uid_uq").on(t.connectionId, t.accountUid),
    // Target of the holdings' (account, owner) key: a row cannot name another owner's account.
    uniqueIndex("trading_accounts_id_owner_uq").on(t.id, t.ownerId),
    // Serves: owner-scoped account lists.
    index("trading_accounts_owner_idx").on(t.ownerId),
    // Serves: the accounts of one portfolio.
    index("trading_accounts_portfolio_idx").on(t.portfolioId),
  ],
);

export type TradingAccount = typeof tradingAccounts.$inferSelect;
