import type { Db } from "@/db/client";
import { resolvePortfolio } from "@/lib/portfolios/resolve";
import type { PortfolioSelection } from "@/lib/portfolios/selection";

/**
 * A selection → the accounts /rebalance values: null for the whole workspace, else a list
 * (a connection's accounts, a 1Token fund's, or a manual group's), by the portfolio selector's
 * resolver. Another workspace's connection or portfolio is "not found" (404), like any other read.
 */
export async function accountIdsOfSelection(db: Db, p: { ownerId: string; selection: PortfolioSelection }): Promise<string[] | null> {
  return (await resolvePortfolio(db, p)).accountIds;
}
