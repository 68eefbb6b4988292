import { and, sql } from "drizzle-orm";
import type { OrderEventType } from "@/db/schema/orders";
import type { OrderStatus } from "@/lib/connectors/types";
import type { Db } from "../client";
import { executeRows } from "../execute-rows";
import { keysetOrder, keysetResult, keysetWhere, type KeysetColumns, type KeysetCursor } from "./keyset";

/** One QUANTITY_ADDED or QUANTITY_REMOVED event of a symbol, with its account and order. */
export interface QuantityChangeRow {
  seq: number;
  key: string;
  occurredAt: Date;
  accountId: string;
  accountName: string;
  connectionLabel: string;
  orderId: string;
  venueOrderId: string;
  type: Extract<OrderEventType, "QUANTITY_ADDED" | "QUANTITY_REMOVED">;
  /** Null only on a first event, which a quantity change never is; kept nullable as the column is. */
  quantityBefore: string | null;
  quantityAfter: string;
  /** after − before, exact (numeric), trailing zeros trimmed; null when there is no before. */
  delta: string | null;
  statusAfter: OrderStatus;
  syncBatchId: string;
}

// Keyset (occurred_at, seq): the shape of the (owner_id, symbol, occurred_at, seq) index; seq
// breaks ties between events of one instant in the order they were recorded.
const KEY: KeysetColumns = { at: sql`e.occurred_at`, id: sql`e.seq`, idType: "bigint" };

/**
 * One page of every quantity change of `symbol` across the workspace's accounts, in time
 * order (the seed's quantity-changes/:symbol).
 */
export async function listQuantityChanges(db: Db, p: { ownerId: string; symbol: string; cursor: KeysetCursor | null; limit: number }) {
  const where = [sql`e.owner_id = ${p.ownerId}::uuid`, sql`e.symbol = ${p.symbol}`, sql`e.type in ('QUANTITY_ADDED', 'QUANTITY_REMOVED')`];
  const range = keysetWhere(KEY, p.cursor, false);
  if (range) where.push(range);
  const rows = await executeRows<Record<string, unknown>>(
    db,
    sql`
    select e.seq, e.occurred_at::text as key, e.occurred_at, e.account_id, a.name as account_name, c.label as connection_label, e.order_id, e.venue_order_id,
      e.type, e.quantity_before::text as quantity_before, e.quantity_after::text as quantity_after,
      trim_scale(e.quantity_after - e.quantity_before)::text as delta, e.status_after, e.sync_batch_id
    from order_events e
    join trading_accounts a on a.id = e.account_id
    join connections c on c.id = a.connection_id
    where ${and(...where)}
    order by ${sql.join(keysetOrder(KEY, p.cursor, false), sql`, `)}
    limit ${p.limit + 1}`,
  );
  const page = keysetResult(rows, { cursor: p.cursor, limit: p.limit, key: (r) => ({ at: String(r.key), id: String(r.seq) }) });
  return {
    ...page,
    rows: page.rows.map(
      (r): QuantityChangeRow => ({
        seq: Number(r.seq),
        key: String(r.key),
        occurredAt: new Date(String(r.occurred_at)),
        accountId: String(r.account_id),
        accountName: String(r.account_name),
        connectionLabel: String(r.connection_label),
        orderId: String(r.order_id),
        venueOrderId: String(r.venue_order_id),
        type: r.type as QuantityChangeRow["type"],
        quantityBefore: (r.quantity_before ?? null) as string | null,
        quantityAfter: String(r.quantity_after),
        delta: (r.delta ?? null) as string | null,
        statusAfter: r.status_after as OrderStatus,
        syncBatchId: String(r.sync_batch_id),
      }),
    ),
  };
}

/** The symbols the workspace has orders in, for the quantity-changes picker. */
export async function listOrderSymbols(db: Db, p: { ownerId: string }): Promise<string[]> {
  const rows = await executeRows<{ symbol: string }>(db, sql`select distinct symbol from orders where owner_id = ${p.ownerId}::uuid order by symbol`);
  return rows.map((r) => r.symbol);
}
