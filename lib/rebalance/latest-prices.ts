import type { Db } from "@/db/client";
import { getLatestSnapshots, getSnapshotRows } from "@/db/queries/dashboard";

/**
 * Asset prices in the base currency from each connection's latest snapshot in it (the
 * overview's and the exposure page's read): spot rows only, the newest snapshot winning
 * where two connections priced one asset. Also when the newest of them was taken.
 */
export async function latestPrices(db: Db, p: { ownerId: string; baseCurrency: string }): Promise<{ prices: Record<string, string>; asOf: Date | null; connectionIds: Set<string> }> {
  const latest = await getLatestSnapshots(db, p);
  if (latest.length === 0) return { prices: {}, asOf: null, connectionIds: new Set() };
  latest.sort((a, b) => a.capturedAt.getTime() - b.capturedAt.getTime());
  const order = new Map(latest.map((s, i) => [s.id, i]));
  const rows = await getSnapshotRows(db, { ownerId: p.ownerId, snapshotIds: latest.map((s) => s.id) });
  rows.sort((a, b) => order.get(a.snapshotId)! - order.get(b.snapshotId)!);
  const prices: Record<string, string> = {};
  for (const r of rows) if (r.kind === "spot") prices[r.asset] = r.price;
  return { prices, asOf: latest[latest.length - 1]!.capturedAt, connectionIds: new Set(latest.map((s) => s.connectionId)) };
}
