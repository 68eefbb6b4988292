import { index, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { AccountKind } from "@/lib/connectors/types";
import { createdAt } from "./columns";
import { connections } from "./connections";
import { users } from "./users";

/** A venue account found through a connection. */
export const tradingAccounts = pgTable(
  "trading_accounts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ownerId: uuid("owner_id")
      .notNull()
      .references(() => users.id),
    connectionId: uuid("connection_id")
      .notNull()
      .references(() => connections.id),
    accountUid: text("account_uid").notNull(),
    name: text("name").notNull(),
    alias: text("alias"),
    venue: text("venue").notNull(),
    kind: text("kind").$type<AccountKind>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    // Natural key: re-discovering an account updates it instead of adding another.
    uniqueIndex("trading_accounts_connection_uid_uq").on(t.connectionId, t.accountUid),
    // Serves: owner-scoped account lists.
    index("trading_accounts_owner_idx").on(t.ownerId),
  ],
);

export type TradingAccount = typeof tradingAccounts.$inferSelect;
