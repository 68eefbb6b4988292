import { and, sql } from "drizzle-orm";
import type { Db } from "../client";
import { executeRows } from "../execute-rows";
import { isoUtc, rangeAndKeyset, toBatch, type ExportBatch, type ExportOrderFilters, type ExportRange, type ExportRow } from "./export-batch";

/**
 * One batch of the workspace's fills executed in [from, to), oldest first, keyset on
 * (executed_at, id): the shape of the index migration 0016 adds, (owner_id, executed_at, id).
 * The /orders filters apply to the fill's own columns (a fill has no status: the export
 * refuses that filter before it gets here). The raw venue payload is not read.
 */
export async function readFillExportBatch(db: Db, p: ExportRange & { filters: Omit<ExportOrderFilters, "status"> }): Promise<ExportBatch> {
  const f = p.filters;
  const where = [sql`f.owner_id = ${p.ownerId}::uuid`, ...rangeAndKeyset(p, { at: sql`f.executed_at`, id: sql`f.id`, idType: "uuid" })];
  if (f.connectionId) where.push(sql`a.connection_id = ${f.connectionId}::uuid`);
  if (f.accountId) where.push(sql`f.account_id = ${f.accountId}::uuid`);
  if (f.symbol) where.push(sql`f.symbol = ${f.symbol}`);
  if (f.side) where.push(sql`f.side = ${f.side}`);
  if (f.strategy) where.push(sql`f.strategy = ${f.strategy}`);
  if (f.find) where.push(sql`(f.venue_order_id = ${f.find} or f.client_order_id = ${f.find})`);
  const rows = await executeRows<ExportRow>(
    db,
    sql`
    select f.id::text as id, ${isoUtc(sql`f.executed_at`)} as executed_at, ${isoUtc(sql`f.created_at`)} as recorded_at,
      f.account_id::text as account_id, a.account_uid, f.venue_fill_id, f.venue_order_id, f.client_order_id, f.strategy,
      f.symbol, f.side, f.price::text as price, f.quantity::text as quantity, f.fee::text as fee, f.fee_currency as fee_asset,
      f.liquidity, f.sync_batch_id::text as sync_batch_id
    from fills f
    join trading_accounts a on a.id = f.account_id
    where ${and(...where)}
    order by f.executed_at, f.id
    limit ${p.limit}`,
  );
  return toBatch(rows, "executed_at", "id");
}
