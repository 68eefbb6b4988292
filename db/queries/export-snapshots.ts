import { and, sql } from "drizzle-orm";
import type { RollupBucket } from "../schema";
import { columnNames, isoUtc, type ExportReadSpec, type ExportColumnSql, type ExportRange } from "./export-batch";

/** The equity series export's columns, over a roll-up row `r` in `baseCurrency`. */
function snapshotColumns(baseCurrency: string): ExportColumnSql {
  return [
    ["bucket", sql`r.bucket`],
    ["bucket_start", isoUtc(sql`r.bucket_start`)],
    ["last_at", isoUtc(sql`r.last_at`)],
    ["base_currency", sql`${baseCurrency}::text`],
    ["equity", sql`r.equity::text`],
    ["units", sql`r.units::text`],
    ["nav_per_unit", sql`r.nav_per_unit::text`],
    ["net_flows", sql`r.net_flows::text`],
    ["cum_net_flows", sql`r.cum_net_flows::text`],
  ];
}
export const SNAPSHOT_EXPORT_COLUMNS = columnNames(snapshotColumns("USD"));

/**
 * The export of the workspace's equity series at one bucket size (equity_rollups): the
 * workspace's total equity at the last snapshot in each bucket, in its current base currency,
 * with the unitised series (units, NAV per unit, net flows) where it has been built. Buckets
 * starting in [from, to), oldest first, keyset on bucket_start (unique per owner and bucket:
 * the primary key's range read).
 */
export function snapshotExportSpec(p: ExportRange & { bucket: RollupBucket; baseCurrency: string }): ExportReadSpec {
  const where = [
    sql`r.owner_id = ${p.ownerId}::uuid`,
    sql`r.bucket = ${p.bucket}`,
    sql`r.bucket_start >= ${p.from}::timestamptz`,
    sql`r.bucket_start < ${p.to}::timestamptz`,
  ];
  if (p.after) where.push(sql`r.bucket_start > ${p.after.at}::timestamptz`);
  return {
    columns: snapshotColumns(p.baseCurrency),
    body: sql`from equity_rollups r where ${and(...where)}`,
    order: [sql`r.bucket_start`, sql`r.bucket_start`],
    key: ["bucket_start", "bucket_start"],
  };
}
