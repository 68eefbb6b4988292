import { sql } from "drizzle-orm";
import type { Db } from "../client";
import { executeRows } from "../execute-rows";
import { epochMs } from "./json-epoch";
import { orderStateSql, orderWithRaw, type OrderDetailRows } from "./order-detail";

/**
 * The order page's reads as ONE JSON value built by PostgreSQL, for PGlite (chosen in
 * order-detail-read.ts). PGlite decodes every cell of every row in JavaScript over its WASM
 * protocol; an order with 1,000 events cost 50–100 ms read row by row and 20–30 ms as one
 * json_agg text parsed by the native JSON.parse (bench:audit). The same rows as
 * readOrderDetailRows (order-detail.ts), value for value (order-detail-json.int.test.ts):
 * money as `numeric::text` inside the JSON, never a JSON number (it would come back as a JS
 * number); instants as whole epoch milliseconds (a JS Date holds milliseconds; the row path's
 * Date truncates the microseconds the same way, as `floor` does here).
 */


type EventRow = OrderDetailRows["events"][number];
type FillRow = OrderDetailRows["fills"][number];
type EventTuple = [number, EventRow["type"], EventRow["statusBefore"], EventRow["statusAfter"], string | null, string, string | null, string, number, number, string, string, string, unknown];
type FillTuple = [string, string, number, string, string, string, string, FillRow["liquidity"], string | null, unknown];

export async function readOrderDetailJson(db: Db, p: { ownerId: string; orderId: string; withRaw: boolean }): Promise<OrderDetailRows> {
  const raw = (column: string) => sql.raw(p.withRaw ? column : "null");
  const [row] = await executeRows<{ detail: string }>(
    db,
    sql`select json_build_array(
      (select row_to_json(o) from (${orderStateSql(p)}) o),
      (select coalesce(json_agg(json_build_array(e.seq, e.type, e.status_before, e.status_after,
          e.quantity_before::text, e.quantity_after::text, e.filled_before::text, e.filled_after::text,
          ${epochMs(sql.raw("e.occurred_at"))}, ${epochMs(sql.raw("e.created_at"))}, e.sync_batch_id, e.hash, e.prev_hash, ${raw("e.raw")}) order by e.seq), '[]')
        from order_events e where e.order_id = ${p.orderId}::uuid and e.owner_id = ${p.ownerId}::uuid),
      (select coalesce(json_agg(json_build_array(f.id, f.venue_fill_id, ${epochMs(sql.raw("f.executed_at"))},
          f.price::text, f.quantity::text, f.fee::text, f.fee_currency, f.liquidity, f.strategy, ${raw("f.raw")}) order by f.executed_at, f.id), '[]')
        from orders o join fills f on f.owner_id = o.owner_id and f.account_id = o.account_id and f.venue_order_id = o.venue_order_id
        where o.id = ${p.orderId}::uuid and o.owner_id = ${p.ownerId}::uuid)
    )::text as detail`,
  );
  const [order, events, fills] = JSON.parse(row!.detail) as [Record<string, unknown> | null, EventTuple[], FillTuple[]];
  return {
    order: orderWithRaw(order),
    events: events.map(([seq, type, statusBefore, statusAfter, quantityBefore, quantityAfter, filledBefore, filledAfter, occurredAt, recordedAt, syncBatchId, hash, prevHash, raw]) => ({
      seq,
      type,
      statusBefore,
      statusAfter,
      quantityBefore,
      quantityAfter,
      filledBefore,
      filledAfter,
      occurredAt: new Date(occurredAt),
      recordedAt: new Date(recordedAt),
      syncBatchId,
      hash,
      prevHash,
      raw,
    })),
    fills: fills.map(([id, venueFillId, executedAt, price, quantity, fee, feeCurrency, liquidity, strategy, raw]) => ({
      id,
      venueFillId,
      executedAt: new Date(executedAt),
      price,
      quantity,
      fee,
      feeCurrency,
      liquidity,
      strategy,
      raw,
    })),
  };
}
