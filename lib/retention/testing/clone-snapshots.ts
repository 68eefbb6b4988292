import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";

/**
 * Copies one real snapshot (totals and per-symbol document) to every `stepMinutes` instant in
 * [from, to]: a history of the shape retention thins, written in two statements instead of a
 * sync per instant. Instants that already have a snapshot are skipped. Returns the snapshots added.
 */
export async function cloneSnapshotHistory(db: Db, p: { sourceId: string; from: Date; to: Date; stepMinutes: number }): Promise<number> {
  const inserted: unknown = await db.execute(sql`
    insert into portfolio_snapshots (owner_id, connection_id, captured_at, base_currency, equity, spot_value, funding_value,
      futures_wallet_balance, unrealized_pnl, margin_debt, long_exposure, short_exposure, gross_exposure, net_exposure, leverage, unpriced_assets)
    select s.owner_id, s.connection_id, t, s.base_currency, s.equity, s.spot_value, s.funding_value,
      s.futures_wallet_balance, s.unrealized_pnl, s.margin_debt, s.long_exposure, s.short_exposure, s.gross_exposure, s.net_exposure, s.leverage, s.unpriced_assets
    from portfolio_snapshots s
    cross join generate_series(${p.from.toISOString()}::timestamptz, ${p.to.toISOString()}::timestamptz, make_interval(mins => ${p.stepMinutes})) t
    where s.id = ${p.sourceId}
    on conflict (connection_id, captured_at) do nothing
    returning id`);
  await db.execute(sql`
    insert into snapshot_holdings (snapshot_id, owner_id, rows)
    select c.id, c.owner_id, h.rows
    from snapshot_holdings h
    join portfolio_snapshots src on src.id = h.snapshot_id
    join portfolio_snapshots c on c.connection_id = src.connection_id
      and c.captured_at between ${p.from.toISOString()}::timestamptz and ${p.to.toISOString()}::timestamptz
    where h.snapshot_id = ${p.sourceId}
      and not exists (select 1 from snapshot_holdings x where x.snapshot_id = c.id)`);
  return Array.isArray(inserted) ? inserted.length : ((inserted as { rows?: unknown[] }).rows ?? []).length;
}
