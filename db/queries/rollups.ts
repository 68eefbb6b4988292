import { and, asc, desc, eq, gte, lt, lte } from "drizzle-orm";
import type { Db } from "../client";
import { equityRollups, type RollupBucket } from "../schema";

/** A roll-up row as readers see it: equity and the unitised series at its snapshot instant `lastAt`. */
const rollupColumns = {
  bucketStart: equityRollups.bucketStart,
  lastAt: equityRollups.lastAt,
  equity: equityRollups.equity,
  units: equityRollups.units,
  navPerUnit: equityRollups.navPerUnit,
  netFlows: equityRollups.netFlows,
  cumNetFlows: equityRollups.cumNetFlows,
};

/** Roll-up points of one bucket size from `from` on, oldest first (served by the primary key). */
export async function readEquityRollups(db: Db, p: { ownerId: string; bucket: RollupBucket; from: Date }) {
  return db
    .select(rollupColumns)
    .from(equityRollups)
    .where(and(eq(equityRollups.ownerId, p.ownerId), eq(equityRollups.bucket, p.bucket), gte(equityRollups.bucketStart, p.from)))
    .orderBy(asc(equityRollups.bucketStart));
}

/**
 * The newest row of one bucket size whose snapshot instant is before `before` (the state a
 * period starting at `before` starts from), or the newest row of all without `before`.
 * Its bucket starts no later than its snapshot, so the primary key serves the range.
 */
export async function readLatestRollup(db: Db, p: { ownerId: string; bucket: RollupBucket; before?: Date }) {
  const [row] = await db
    .select(rollupColumns)
    .from(equityRollups)
    .where(
      and(
        eq(equityRollups.ownerId, p.ownerId),
        eq(equityRollups.bucket, p.bucket),
        p.before ? lte(equityRollups.bucketStart, p.before) : undefined,
        p.before ? lt(equityRollups.lastAt, p.before) : undefined,
      ),
    )
    .orderBy(desc(equityRollups.bucketStart))
    .limit(1);
  return row ?? null;
}
