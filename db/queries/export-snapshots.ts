import { and, sql } from "drizzle-orm";
import type { Db } from "../client";
import { executeRows } from "../execute-rows";
import type { RollupBucket } from "../schema";
import { isoUtc, toBatch, type ExportBatch, type ExportRange, type ExportRow } from "./export-batch";

/**
 * One batch of the workspace's equity series at one bucket size (equity_rollups): the
 * workspace's total equity at the last snapshot in each bucket, in its current base currency,
 * with the unitised series (units, NAV per unit, net flows) where it has been built. Buckets
 * starting in [from, to), oldest first, keyset on bucket_start (unique per owner and bucket:
 * the primary key's range read).
 */
export async function readSnapshotExportBatch(db: Db, p: ExportRange & { bucket: RollupBucket; baseCurrency: string }): Promise<ExportBatch> {
  const where = [
    sql`r.owner_id = ${p.ownerId}::uuid`,
    sql`r.bucket = ${p.bucket}`,
    sql`r.bucket_start >= ${p.from}::timestamptz`,
    sql`r.bucket_start < ${p.to}::timestamptz`,
  ];
  if (p.after) where.push(sql`r.bucket_start > ${p.after.at}::timestamptz`);
  const rows = await executeRows<ExportRow>(
    db,
    sql`
    select r.bucket, ${isoUtc(sql`r.bucket_start`)} as bucket_start, ${isoUtc(sql`r.last_at`)} as last_at, ${p.baseCurrency}::text as base_currency,
      r.equity::text as equity, r.units::text as units, r.nav_per_unit::text as nav_per_unit, r.net_flows::text as net_flows,
      r.cum_net_flows::text as cum_net_flows
    from equity_rollups r
    where ${and(...where)}
    order by r.bucket_start
    limit ${p.limit}`,
  );
  return toBatch(rows, "bucket_start", "bucket_start");
}
