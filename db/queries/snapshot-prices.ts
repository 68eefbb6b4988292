import { and, eq, lt, max, sql, type SQL } from "drizzle-orm";
import type { Db } from "../client";
import { executeRows } from "../execute-rows";
import { portfolioSnapshots } from "../schema";

/** One spot row's price of an asset in a stored snapshot: `price` × `fxRate` is base currency per unit. */
export interface SnapshotUnitPrice {
  price: string;
  fxRate: string;
}

/** The asset's spot price in the connection's nearest stored snapshots around an instant. */
export interface PricesAround {
  /** From the first snapshot at or after the instant, when it holds the asset. */
  after: SnapshotUnitPrice | null;
  /** From the last snapshot before the instant, when it holds the asset. */
  before: SnapshotUnitPrice | null;
}

/**
 * For each (asset, instant), the asset's spot price in the connection's first snapshot at
 * or after that instant and in its last snapshot before it, among the snapshots with detail valued in
 * `baseCurrency` (a snapshot keeps the currency it was valued in). One statement for any
 * number of items, in their order; the lookups walk the (connection, time) index.
 */
export async function snapshotPricesAround(
  db: Db,
  p: { ownerId: string; connectionId: string; baseCurrency: string; items: Array<{ asset: string; at: Date }> },
): Promise<PricesAround[]> {
  if (p.items.length === 0) return [];
  const items = JSON.stringify(p.items.map((it, i) => ({ i, asset: it.asset, t: it.at.toISOString() })));
  const spotRow = (nearest: SQL) => sql`
    select r->>'price' as price, r->>'fxRate' as fx_rate
    from (${nearest}) s
    join snapshot_holdings h on h.snapshot_id = s.id and h.owner_id = ${p.ownerId}
    cross join lateral json_array_elements(h.rows) r
    where r->>'kind' = 'spot' and r->>'asset' = x.asset
    limit 1`;
  // Only snapshots that still have their per-symbol detail: retention (lib/retention) keeps
  // the last of each hour or day beyond its full-detail window, so "nearest" means nearest kept.
  const ofConnection = sql`s.owner_id = ${p.ownerId} and s.connection_id = ${p.connectionId} and s.base_currency = ${p.baseCurrency}
    and exists (select 1 from snapshot_holdings k where k.snapshot_id = s.id)`;
  const rows = await executeRows<{ i: number; after_price: string | null; after_fx: string | null; before_price: string | null; before_fx: string | null }>(
    db,
    sql`
    select x.i, a.price as after_price, a.fx_rate as after_fx, b.price as before_price, b.fx_rate as before_fx
    from json_to_recordset(${items}::json) as x(i int, asset text, t timestamptz)
    left join lateral (${spotRow(sql`select s.id from portfolio_snapshots s where ${ofConnection} and s.captured_at >= x.t order by s.captured_at limit 1`)}) a on true
    left join lateral (${spotRow(sql`select s.id from portfolio_snapshots s where ${ofConnection} and s.captured_at < x.t order by s.captured_at desc limit 1`)}) b on true
    order by x.i`,
  );
  const unit = (price: string | null, fxRate: string | null): SnapshotUnitPrice | null =>
    price !== null && fxRate !== null ? { price, fxRate } : null;
  return rows.map((r) => ({ after: unit(r.after_price, r.after_fx), before: unit(r.before_price, r.before_fx) }));
}

/** When the connection's last snapshot before `before` was taken (in any currency); null before its first. */
export async function lastSnapshotBefore(db: Db, p: { ownerId: string; connectionId: string; before: Date }): Promise<Date | null> {
  const [row] = await db
    .select({ at: max(portfolioSnapshots.capturedAt) })
    .from(portfolioSnapshots)
    .where(
      and(
        eq(portfolioSnapshots.ownerId, p.ownerId),
        eq(portfolioSnapshots.connectionId, p.connectionId),
        lt(portfolioSnapshots.capturedAt, p.before),
      ),
    );
  return row?.at ?? null;
}
