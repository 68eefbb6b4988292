import { sql } from "drizzle-orm";
import { check, numeric, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { utc } from "./columns";
import { users } from "./users";
import { workspaces } from "./workspaces";

/**
 * Target weights for /rebalance: one row per (workspace, portfolio key, asset). The key is
 * the portfolio selector's encoding (`all`, `connection:<uuid>`, `portfolio:<uuid>`,
 * lib/portfolios/selection.ts), so each selection keeps its own targets. Saving replaces a
 * key's whole set in one transaction: the set always sums to 100 % (checked before the
 * write), which a per-row CHECK cannot express.
 */
export const rebalanceTargets = pgTable(
  "rebalance_targets",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ownerId: uuid("owner_id")
      .notNull()
      .references(() => workspaces.id),
    portfolioKey: text("portfolio_key").notNull(),
    asset: text("asset").notNull(),
    /** Fraction of the portfolio's value (0.4 = 40 %). */
    weight: numeric("weight").notNull(),
    /** No trade while |current − target| ≤ band (absolute weight, 0.05 = ±5 points). */
    band: numeric("band").notNull(),
    updatedBy: uuid("updated_by").references(() => users.id, { onDelete: "set null" }),
    updatedAt: utc("updated_at").notNull().defaultNow(),
  },
  (t) => [
    // One target per asset in a portfolio's set; serves reading a key's set and the workspace's deletion.
    uniqueIndex("rebalance_targets_owner_key_asset_uq").on(t.ownerId, t.portfolioKey, t.asset),
    check("rebalance_targets_weight_range", sql`${t.weight} >= 0 AND ${t.weight} <= 1`),
    check("rebalance_targets_band_range", sql`${t.band} >= 0 AND ${t.band} <= 1`),
  ],
);

export type RebalanceTargetRow = typeof rebalanceTargets.$inferSelect;
