import { sql } from "drizzle-orm";
import type { Db } from "../client";
import { executeRows } from "../execute-rows";

/**
 * The spot price of `asset` (BTC, ETH) in the base currency, as the owner's own snapshots
 * recorded it, at or before each instant: the newest of the (at most 16) snapshots of the
 * day before the instant that holds the asset as a spot row. A venue's quote or, where the
 * venue had none, the reference index the sync priced it with (`price` × `fxRate`). There is
 * no stored reference-price history besides these rows (lib/prices fetches live quotes), so
 * an asset the workspace never held has no benchmark here. One statement for every instant;
 * each lookup walks the (owner, time) index over one day, newest first, and stops at the first
 * snapshot holding the asset (within a document, at its first spot row).
 */
export async function benchmarkPricesAt(
  db: Db,
  p: { ownerId: string; baseCurrency: string; asset: string; instants: Date[] },
): Promise<Array<{ price: string; fxRate: string } | null>> {
  if (p.instants.length === 0) return [];
  const items = JSON.stringify(p.instants.map((at, i) => ({ i, t: at.toISOString() })));
  const rows = await executeRows<{ i: number; price: string | null; fx_rate: string | null }>(
    db,
    sql`
    select x.i, b.price, b.fx_rate
    from json_to_recordset(${items}::json) as x(i int, t timestamptz)
    left join lateral (
      select px.price, px.fx_rate
      from (
        select s.id, s.captured_at from portfolio_snapshots s
        where s.owner_id = ${p.ownerId} and s.base_currency = ${p.baseCurrency}
          and s.captured_at <= x.t and s.captured_at > x.t - interval '1 day'
        order by s.captured_at desc limit 16
      ) s
      join snapshot_holdings h on h.snapshot_id = s.id and h.owner_id = ${p.ownerId}
      cross join lateral (
        select r->>'price' as price, r->>'fxRate' as fx_rate
        from json_array_elements(h.rows) r
        where r->>'kind' = 'spot' and r->>'asset' = ${p.asset}
        limit 1
      ) px
      order by s.captured_at desc
      limit 1
    ) b on true
    order by x.i`,
  );
  return rows.map((r) => (r.price !== null && r.fx_rate !== null ? { price: r.price, fxRate: r.fx_rate } : null));
}
