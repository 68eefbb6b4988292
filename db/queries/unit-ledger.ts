import { and, asc, eq, gt, lte } from "drizzle-orm";
import type { Db } from "../client";
import { unitIssues } from "../schema";

/**
 * The owner's unit ledger (units issued or redeemed at each snapshot instant where money
 * entered or left), oldest first, optionally only in (after, upTo]. Served by the primary
 * key (owner, at).
 */
export async function readUnitIssues(db: Db, p: { ownerId: string; after?: Date; upTo?: Date }) {
  return db
    .select({ at: unitIssues.at, netFlow: unitIssues.netFlow, navPerUnit: unitIssues.navPerUnit, unitsAfter: unitIssues.unitsAfter })
    .from(unitIssues)
    .where(and(eq(unitIssues.ownerId, p.ownerId), p.after ? gt(unitIssues.at, p.after) : undefined, p.upTo ? lte(unitIssues.at, p.upTo) : undefined))
    .orderBy(asc(unitIssues.at));
}
