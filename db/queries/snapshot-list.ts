import { and, eq, gte, lt, type SQL } from "drizzle-orm";
import type { Db } from "../client";
import { portfolioSnapshots } from "../schema";
import { keysetOrder, keysetResult, keysetWhere, keyText, type KeysetCursor } from "./keyset";

/**
 * One keyset page of the workspace's snapshots (one per connection and capture), newest
 * first by default, over (captured_at, id): served by portfolio_snapshots_owner_time_idx.
 * Snapshots of a deleted connection stay: they are its history.
 */
export async function listSnapshotPage(
  db: Db,
  p: {
    ownerId: string;
    cursor: KeysetCursor | null;
    limit: number;
    descending: boolean;
    filters: { connectionId?: string; from?: Date; before?: Date };
  },
) {
  const cols = { at: portfolioSnapshots.capturedAt, id: portfolioSnapshots.id };
  const where: Array<SQL | undefined> = [
    eq(portfolioSnapshots.ownerId, p.ownerId),
    p.filters.connectionId ? eq(portfolioSnapshots.connectionId, p.filters.connectionId) : undefined,
    p.filters.from ? gte(portfolioSnapshots.capturedAt, p.filters.from) : undefined,
    p.filters.before ? lt(portfolioSnapshots.capturedAt, p.filters.before) : undefined,
    keysetWhere(cols, p.cursor, p.descending),
  ];
  const fetched = await db
    .select({
      id: portfolioSnapshots.id,
      key: keyText(portfolioSnapshots.capturedAt),
      connectionId: portfolioSnapshots.connectionId,
      capturedAt: portfolioSnapshots.capturedAt,
      baseCurrency: portfolioSnapshots.baseCurrency,
      equity: portfolioSnapshots.equity,
      spotValue: portfolioSnapshots.spotValue,
      fundingValue: portfolioSnapshots.fundingValue,
      futuresWalletBalance: portfolioSnapshots.futuresWalletBalance,
      unrealizedPnl: portfolioSnapshots.unrealizedPnl,
      marginDebt: portfolioSnapshots.marginDebt,
      longExposure: portfolioSnapshots.longExposure,
      shortExposure: portfolioSnapshots.shortExposure,
      grossExposure: portfolioSnapshots.grossExposure,
      netExposure: portfolioSnapshots.netExposure,
      leverage: portfolioSnapshots.leverage,
      unpricedAssets: portfolioSnapshots.unpricedAssets,
      syncBatchId: portfolioSnapshots.syncBatchId,
    })
    .from(portfolioSnapshots)
    .where(and(...where))
    .orderBy(...keysetOrder(cols, p.cursor, p.descending))
    .limit(p.limit + 1);
  return keysetResult(fetched, { cursor: p.cursor, limit: p.limit, key: (r) => ({ at: r.key, id: r.id }) });
}
