import { sql } from "drizzle-orm";
import type { Db } from "../client";
import { executeRows } from "../execute-rows";

/**
 * A regular expression for the flat objects of a holdings document that name `asset`
 * (holdings rows hold no nested objects). Why not json_array_elements: it parses all of a
 * document's rows (500 for a large portfolio) for every day, 0.8 ms a day on PostgreSQL;
 * the match picks the few objects naming the asset out of the stored text, and each is then
 * parsed and checked as JSON, so a match can only miss a row, never price a wrong one.
 * Measured on PostgreSQL, a year of 1-minute snapshots with 500 rows each: the whole series
 * route with a BTC benchmark at a median of about 100 ms, against about 285 ms with
 * json_array_elements (a stored reference-price history would make it a plain read).
 * The asset is one of BENCHMARKS' tickers (letters only), so it needs no escaping.
 */
function objectNaming(asset: string): string {
  if (!/^[A-Z]+$/.test(asset)) throw new RangeError(`benchmark asset must be a ticker, got ${asset}`);
  return `(\\{[^{}]*"asset"\\s*:\\s*"${asset}"[^{}]*\\})`;
}

/**
 * The spot price of `asset` (BTC, ETH) in the base currency, as the owner's own snapshots
 * recorded it, at or before each instant: the newest of the (at most 16) snapshots with
 * detail of the day before the instant that holds the asset as a spot row (retention keeps
 * the detail of the last snapshot of each hour, or of each day, beyond its full-detail window). A venue's quote or, where the
 * venue had none, the reference index the sync priced it with (`price` × `fxRate`). There is
 * no stored reference-price history besides these rows (lib/prices fetches live quotes), so
 * an asset the workspace never held has no benchmark here. One statement for every instant;
 * each lookup walks the (owner, time) index over one day, newest first, and stops at the first
 * snapshot holding the asset as a spot row.
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
          and exists (select 1 from snapshot_holdings k where k.snapshot_id = s.id)
        order by s.captured_at desc limit 16
      ) s
      join snapshot_holdings h on h.snapshot_id = s.id and h.owner_id = ${p.ownerId}
      cross join lateral (
        select o::json->>'price' as price, o::json->>'fxRate' as fx_rate
        from regexp_matches(h.rows::text, ${objectNaming(p.asset)}, 'g') as m(hit)
        cross join lateral (select m.hit[1] as o) x
        where o::json->>'kind' = 'spot' and o::json->>'asset' = ${p.asset}
        limit 1
      ) px
      order by s.captured_at desc
      limit 1
    ) b on true
    order by x.i`,
  );
  return rows.map((r) => (r.price !== null && r.fx_rate !== null ? { price: r.price, fxRate: r.fx_rate } : null));
}
