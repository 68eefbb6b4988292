import { sql } from "drizzle-orm";
import { index, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, utc } from "./columns";
import { connections } from "./connections";
import { workspaces } from "./workspaces";

/**
 * A team or desk inside an owner's organisation. On 1Token a department is a tenant scope:
 * API calls made for it carry `department=<oneTokenDepartmentId>`, and the funds it lists
 * are the ones its people see.
 */
export const departments = pgTable(
  "departments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ownerId: uuid("owner_id")
      .notNull()
      .references(() => workspaces.id),
    name: text("name").notNull(),
    /** 1Token's own department id; null for a department that exists only here. */
    oneTokenDepartmentId: text("one_token_department_id"),
    createdAt: createdAt(),
  },
  (t) => [
    // Natural key: a sync that meets the same 1Token department again finds this row.
    uniqueIndex("departments_owner_onetoken_uq").on(t.ownerId, t.oneTokenDepartmentId),
    // Serves: the owner's department list.
    index("departments_owner_idx").on(t.ownerId),
  ],
);

/** A named group of trading accounts: a 1Token fund, or one the owner made by hand. */
export const portfolios = pgTable(
  "portfolios",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ownerId: uuid("owner_id")
      .notNull()
      .references(() => workspaces.id),
    departmentId: uuid("department_id").references(() => departments.id),
    /** The connection that last reported the portfolio; null for a manual one. */
    connectionId: uuid("connection_id").references(() => connections.id),
    name: text("name").notNull(),
    alias: text("alias"),
    /** Where the portfolio is defined: "1token", "manual", … */
    dataSource: text("data_source").notNull(),
    /** The id at the data source ("fund/h47z03"); null for a manual portfolio. */
    externalId: text("external_id"),
    baseCurrency: text("base_currency").notNull(),
    inceptionAt: utc("inception_at"),
    createdAt: createdAt(),
    updatedAt: utc("updated_at").notNull().defaultNow(),
  },
  (t) => [
    // Natural key: re-listing a fund updates its row instead of adding another.
    uniqueIndex("portfolios_owner_source_external_uq").on(t.ownerId, t.dataSource, t.externalId),
    // Serves: the portfolios one department sees.
    index("portfolios_owner_department_idx").on(t.ownerId, t.departmentId),
    // Target of portfolio_accounts' (portfolio, owner) key: a link cannot name another owner's portfolio.
    uniqueIndex("portfolios_id_owner_uq").on(t.id, t.ownerId),
    // A manual group's name is unique in its workspace, whatever its case (the selector lists names).
    uniqueIndex("portfolios_owner_manual_name_uq")
      .on(t.ownerId, sql`lower(${t.name})`)
      .where(sql`${t.dataSource} = 'manual'`),
  ],
);

export type DepartmentRow = typeof departments.$inferSelect;
export type PortfolioRow = typeof portfolios.$inferSelect;
