import { and, asc, eq, gte } from "drizzle-orm";
import type { Db } from "../client";
import { equityRollups, type RollupBucket } from "../schema";

/** Roll-up points of one bucket size from `from` on, oldest first (served by the primary key). */
export async function readEquityRollups(db: Db, p: { ownerId: string; bucket: RollupBucket; from: Date }) {
  return db
    .select({ bucketStart: equityRollups.bucketStart, equity: equityRollups.equity })
    .from(equityRollups)
    .where(and(eq(equityRollups.ownerId, p.ownerId), eq(equityRollups.bucket, p.bucket), gte(equityRollups.bucketStart, p.from)))
    .orderBy(asc(equityRollups.bucketStart));
}
