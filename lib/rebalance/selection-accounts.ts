import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { getConnection } from "@/db/queries/connections";
import { NotFoundError } from "@/db/queries/not-found";
import { listConnectionAccountIds } from "@/db/queries/rebalance-holdings";
import { portfolios, tradingAccounts } from "@/db/schema";
import type { PortfolioSelection } from "@/lib/portfolios/selection";

/**
 * A selection → the accounts /rebalance values: null for the whole workspace, else a list.
 * Another workspace's connection or portfolio is "not found" (404), like any other read.
 * A `portfolio:` selection reads the accounts the venue grouped under it (a 1Token fund,
 * `trading_accounts.portfolio_id`); the shared portfolio resolver can replace this function
 * without changing its callers.
 */
export async function accountIdsOfSelection(db: Db, p: { ownerId: string; selection: PortfolioSelection }): Promise<string[] | null> {
  const s = p.selection;
  switch (s.kind) {
    case "workspace":
      return null;
    case "connection":
      await getConnection(db, { ownerId: p.ownerId, connectionId: s.connectionId });
      return listConnectionAccountIds(db, { ownerId: p.ownerId, connectionId: s.connectionId });
    case "portfolio": {
      const [found] = await db.select({ id: portfolios.id }).from(portfolios).where(and(eq(portfolios.id, s.portfolioId), eq(portfolios.ownerId, p.ownerId)));
      if (!found) throw new NotFoundError("portfolio");
      const rows = await db.select({ id: tradingAccounts.id }).from(tradingAccounts).where(and(eq(tradingAccounts.ownerId, p.ownerId), eq(tradingAccounts.portfolioId, s.portfolioId)));
      return rows.map((r) => r.id);
    }
  }
}
