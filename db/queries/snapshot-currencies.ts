import { asc, eq, max, min, sql } from "drizzle-orm";
import type { Db } from "../client";
import { portfolioSnapshots } from "../schema";

/**
 * The currencies the workspace's snapshots are valued in, each with its first and last
 * instant: what a change of base currency would hide or show again. Reads every snapshot
 * row of the workspace (there is no index on the currency), which the settings page can
 * afford and nothing hot calls.
 */
export async function listSnapshotCurrencies(db: Db, p: { ownerId: string }) {
  return db
    .select({
      currency: portfolioSnapshots.baseCurrency,
      from: min(portfolioSnapshots.capturedAt),
      to: max(portfolioSnapshots.capturedAt),
      snapshots: sql<number>`count(*)::int`,
    })
    .from(portfolioSnapshots)
    .where(eq(portfolioSnapshots.ownerId, p.ownerId))
    .groupBy(portfolioSnapshots.baseCurrency)
    .orderBy(asc(portfolioSnapshots.baseCurrency));
}
