import { foreignKey, index, pgTable, primaryKey, uuid } from "drizzle-orm/pg-core";
import { createdAt } from "./columns";
import { tradingAccounts } from "./accounts";
import { workspaces } from "./workspaces";

/**
 * The accounts of a manual portfolio (data source "manual"). A 1Token fund's accounts are
 * the ones whose `trading_accounts.portfolio_id` names it (the sync sets that link); a manual
 * group needs its own table because one account may sit in several groups, and in a fund as
 * well. Both keys carry the owner, so a link can never join two workspaces.
 */
export const portfolioAccounts = pgTable(
  "portfolio_accounts",
  {
    ownerId: uuid("owner_id")
      .notNull()
      .references(() => workspaces.id),
    portfolioId: uuid("portfolio_id").notNull(),
    accountId: uuid("account_id").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.portfolioId, t.accountId] }),
    // (portfolio, owner) → portfolios (id, owner), ON DELETE CASCADE: hand-written at the end of
    // the migration, because drizzle-kit creates a table's foreign keys before the unique index
    // (portfolios_id_owner_uq) they need.
    foreignKey({
      name: "portfolio_accounts_account_owner_fk",
      columns: [t.accountId, t.ownerId],
      foreignColumns: [tradingAccounts.id, tradingAccounts.ownerId],
    }).onDelete("cascade"),
    // Serves: deleting an account's links, and the groups an account is in.
    index("portfolio_accounts_account_idx").on(t.accountId),
  ],
);

export type PortfolioAccountRow = typeof portfolioAccounts.$inferSelect;
