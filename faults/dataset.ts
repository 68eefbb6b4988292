import { sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { executeRows } from "@/db/execute-rows";

/**
 * The rows a sync writes, by their natural keys only (no generated id, batch id or hash,
 * which differ between two databases), sorted: two runs of the same venue at the same
 * instants must give equal datasets. A lost row or a duplicated one shows as a difference.
 */
export async function syncedDataset(db: Db): Promise<Record<string, string[]>> {
  const rows = async (q: SQL) => (await executeRows<Record<string, unknown>>(db, q)).map((r) => JSON.stringify(r)).sort();
  return {
    orders: await rows(sql`select a.account_uid, o.venue_order_id, o.symbol, o.side, o.status, o.price::text, o.quantity::text,
                                  o.filled_quantity::text, o.venue_updated_at::text
                           from orders o join trading_accounts a on a.id = o.account_id`),
    // Each event with its place in its account's chain: recording order is part of the record.
    orderEvents: await rows(sql`select a.account_uid, e.venue_order_id, e.type, e.status_before, e.status_after, e.quantity_after::text,
                                       e.filled_after::text, e.occurred_at::text,
                                       row_number() over (partition by e.account_id order by e.seq) as place
                                from order_events e join trading_accounts a on a.id = e.account_id`),
    fills: await rows(sql`select a.account_uid, f.venue_fill_id, f.venue_order_id, f.price::text, f.quantity::text, f.fee::text, f.executed_at::text
                          from fills f join trading_accounts a on a.id = f.account_id`),
    cashFlows: await rows(sql`select venue_flow_id, kind, asset, amount::text, status, occurred_at::text, value_base::text from cash_flows`),
    snapshots: await rows(sql`select s.captured_at::text, s.base_currency, s.equity::text, s.gross_exposure::text,
                                     (select json_array_length(h.rows) from snapshot_holdings h where h.snapshot_id = s.id) as holdings
                              from portfolio_snapshots s`),
    valuations: await rows(sql`select series, snapshot_id, at::text, net_assets::text from valuations`),
    balances: await rows(sql`select count(*)::int as n from balances`),
    positions: await rows(sql`select count(*)::int as n from positions`),
  };
}
