import { and, sql } from "drizzle-orm";
import { columnNames, isoUtc, rangeAndKeyset, type ExportReadSpec, type ExportColumnSql, type ExportOrderFilters, type ExportRange } from "./export-batch";

/** The fills export's columns. The raw venue payload is not among them. */
const FILL_COLUMNS: ExportColumnSql = [
  ["id", sql`f.id::text`],
  ["executed_at", isoUtc(sql`f.executed_at`)],
  ["recorded_at", isoUtc(sql`f.created_at`)],
  ["account_id", sql`f.account_id::text`],
  ["account_uid", sql`a.account_uid`],
  ["venue_fill_id", sql`f.venue_fill_id`],
  ["venue_order_id", sql`f.venue_order_id`],
  ["client_order_id", sql`f.client_order_id`],
  ["strategy", sql`f.strategy`],
  ["symbol", sql`f.symbol`],
  ["side", sql`f.side`],
  ["price", sql`f.price::text`],
  ["quantity", sql`f.quantity::text`],
  ["fee", sql`f.fee::text`],
  ["fee_asset", sql`f.fee_currency`],
  ["liquidity", sql`f.liquidity`],
  ["sync_batch_id", sql`f.sync_batch_id::text`],
];
export const FILL_EXPORT_COLUMNS = columnNames(FILL_COLUMNS);

/**
 * The export of the workspace's fills executed in [from, to), oldest first, keyset on
 * (executed_at, id): the shape of the index migration 0016 adds, (owner_id, executed_at, id).
 * The /orders filters apply to the fill's own columns (a fill has no status: the export
 * refuses that filter before it gets here).
 */
export function fillExportSpec(p: ExportRange & { filters: Omit<ExportOrderFilters, "status"> }): ExportReadSpec {
  const f = p.filters;
  const key = { at: sql`f.executed_at`, id: sql`f.id`, idType: "uuid" } as const;
  const where = [sql`f.owner_id = ${p.ownerId}::uuid`, ...rangeAndKeyset(p, key)];
  if (f.connectionId) where.push(sql`a.connection_id = ${f.connectionId}::uuid`);
  if (f.accountId) where.push(sql`f.account_id = ${f.accountId}::uuid`);
  if (f.symbol) where.push(sql`f.symbol = ${f.symbol}`);
  if (f.side) where.push(sql`f.side = ${f.side}`);
  if (f.strategy) where.push(sql`f.strategy = ${f.strategy}`);
  if (f.find) where.push(sql`(f.venue_order_id = ${f.find} or f.client_order_id = ${f.find})`);
  return {
    columns: FILL_COLUMNS,
    body: sql`from fills f join trading_accounts a on a.id = f.account_id where ${and(...where)}`,
    order: [key.at, key.id],
    key: ["executed_at", "id"],
  };
}
