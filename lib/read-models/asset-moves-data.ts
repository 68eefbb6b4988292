import type { Db } from "@/db/client";
import { getLatestSnapshots, getSnapshotRows, getSnapshotsAsOf } from "@/db/queries/dashboard";
import { isCashLike } from "@/lib/engines/classify";
import { dec, type Dec } from "@/lib/money/decimal";

export interface AssetMove {
  asset: string;
  /** Price change in the base currency over the window, a fraction as a decimal string ("0.12"). */
  change: string;
}

/** Each spot asset's unit price in the base currency (price × fxRate), from the first row that holds it. */
function unitPrices(rows: ReadonlyArray<{ kind: string; asset: string; price: string; fxRate: string }>): Map<string, Dec> {
  const out = new Map<string, Dec>();
  for (const r of rows) {
    if (r.kind !== "spot" || out.has(r.asset)) continue;
    const unit = dec(r.price).times(r.fxRate);
    if (unit.isPositive()) out.set(r.asset, unit);
  }
  return out;
}

/**
 * The best and worst asset of a window, for the chat's report: the price change, in the
 * base currency, of each non-cash spot asset held now, from the last snapshots at or before
 * `from` to the latest ones (an asset not held at `from` has no change and is left out).
 * Best first. Owner-scoped; reads the stored snapshots, never a venue.
 */
export async function loadAssetMoves(db: Db, p: { ownerId: string; baseCurrency: string; from: Date }): Promise<AssetMove[]> {
  const [now, then] = await Promise.all([getLatestSnapshots(db, p), getSnapshotsAsOf(db, { ...p, asOf: p.from })]);
  const [rowsNow, rowsThen] = await Promise.all([
    getSnapshotRows(db, { ownerId: p.ownerId, snapshotIds: now.map((s) => s.id) }),
    getSnapshotRows(db, { ownerId: p.ownerId, snapshotIds: then.map((s) => s.id) }),
  ]);
  const before = unitPrices(rowsThen);
  const moves: Array<{ asset: string; change: Dec }> = [];
  for (const [asset, price] of unitPrices(rowsNow)) {
    const start = before.get(asset);
    if (!start || isCashLike(asset, p.baseCurrency)) continue;
    moves.push({ asset, change: price.div(start).minus(1) });
  }
  return moves
    .sort((a, b) => b.change.comparedTo(a.change) || a.asset.localeCompare(b.asset))
    .map((m) => ({ asset: m.asset, change: m.change.toDecimalPlaces(8).toString() }));
}
