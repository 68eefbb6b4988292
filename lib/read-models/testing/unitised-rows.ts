import type { Db } from "@/db/client";
import { bucketStart } from "@/db/queries/rollup-buckets";
import { equityRollups, unitIssues, type RollupBucket } from "@/db/schema";
import type { LedgerIssue, LedgerPoint } from "@/lib/engines/performance/testing/unit-ledger";
import { D, toDecimalString } from "@/lib/money/decimal";

/**
 * Test-only: stores a unitised series (from UnitLedger) as the snapshot writer would: per
 * bucket size, one roll-up row per bucket at its last point, net flows since the previous
 * row, and the unit ledger's rows. Tests read it back without depending on the writer.
 */
export async function insertUnitisedSeries(
  db: Db,
  p: { ownerId: string; points: readonly LedgerPoint[]; issues: readonly LedgerIssue[]; buckets: readonly RollupBucket[]; timeZone: string },
): Promise<void> {
  for (const bucket of p.buckets) {
    const last = new Map<number, LedgerPoint>();
    for (const point of p.points) last.set(bucketStart(bucket, point.at.getTime(), p.timeZone), point);
    let previousCum = new D(0);
    const rows = [...last.entries()].map(([start, point]) => {
      const cum = point.cumNetFlows === null ? null : new D(point.cumNetFlows);
      const row = {
        ownerId: p.ownerId,
        bucket,
        bucketStart: new Date(start),
        equity: point.equity,
        lastAt: point.at,
        units: point.units,
        navPerUnit: point.navPerUnit,
        netFlows: cum === null ? null : toDecimalString(cum.minus(previousCum)),
        cumNetFlows: point.cumNetFlows,
      };
      if (cum !== null) previousCum = cum;
      return row;
    });
    if (rows.length > 0) await db.insert(equityRollups).values(rows);
  }
  if (p.issues.length > 0) {
    await db.insert(unitIssues).values(
      p.issues.map((i) => ({
        ownerId: p.ownerId,
        at: i.at,
        netFlow: i.netFlow,
        equityBefore: i.equityBefore,
        navPerUnit: i.navPerUnit,
        unitsDelta: i.unitsDelta,
        unitsAfter: i.unitsAfter,
        cumNetFlows: i.cumNetFlows,
        flowCount: i.flowCount,
        cause: i.cause,
      })),
    );
  }
}
