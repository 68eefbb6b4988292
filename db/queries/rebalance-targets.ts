import { and, asc, eq } from "drizzle-orm";
import type { Db } from "../client";
import { rebalanceTargets } from "../schema";

export interface StoredTarget {
  asset: string;
  weight: string;
  band: string;
}

/** A portfolio key's saved targets, by asset, with who saved them last and when. */
export async function getRebalanceTargets(db: Db, p: { ownerId: string; portfolioKey: string }) {
  return db
    .select({ asset: rebalanceTargets.asset, weight: rebalanceTargets.weight, band: rebalanceTargets.band, updatedBy: rebalanceTargets.updatedBy, updatedAt: rebalanceTargets.updatedAt })
    .from(rebalanceTargets)
    .where(and(eq(rebalanceTargets.ownerId, p.ownerId), eq(rebalanceTargets.portfolioKey, p.portfolioKey)))
    .orderBy(asc(rebalanceTargets.asset));
}

/**
 * Replaces a portfolio key's whole set in one transaction: a set is valid only as a whole
 * (it sums to 100 %), so a failure part-way leaves the previous set untouched.
 */
export async function replaceRebalanceTargets(
  db: Db,
  p: { ownerId: string; portfolioKey: string; targets: StoredTarget[]; updatedBy: string | null; at: Date },
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.delete(rebalanceTargets).where(and(eq(rebalanceTargets.ownerId, p.ownerId), eq(rebalanceTargets.portfolioKey, p.portfolioKey)));
    if (p.targets.length === 0) return;
    await tx.insert(rebalanceTargets).values(
      p.targets.map((t) => ({ ownerId: p.ownerId, portfolioKey: p.portfolioKey, asset: t.asset, weight: t.weight, band: t.band, updatedBy: p.updatedBy, updatedAt: p.at })),
    );
  });
}
