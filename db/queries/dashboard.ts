import { and, asc, desc, eq, lte, sql } from "drizzle-orm";
import type { Db } from "../client";
import { connections, portfolioSnapshots, positions, snapshotPositions, syncBatches, tradingAccounts } from "../schema";

export const EQUITY_RANGES = {
  "24h": { spanMs: 24 * 3_600_000, bucket: "15 minutes" },
  "7d": { spanMs: 7 * 86_400_000, bucket: "1 hour" },
  "30d": { spanMs: 30 * 86_400_000, bucket: "4 hours" },
  "90d": { spanMs: 90 * 86_400_000, bucket: "6 hours" },
  all: { spanMs: null, bucket: "1 day" },
} as const;
export type EquityRange = keyof typeof EQUITY_RANGES;

/** The newest snapshot of each of the owner's connections, optionally as of an instant. */
async function latestSnapshots(db: Db, p: { ownerId: string; asOf?: Date }) {
  return db
    .selectDistinctOn([portfolioSnapshots.connectionId])
    .from(portfolioSnapshots)
    .where(
      p.asOf
        ? and(eq(portfolioSnapshots.ownerId, p.ownerId), lte(portfolioSnapshots.capturedAt, p.asOf))
        : eq(portfolioSnapshots.ownerId, p.ownerId),
    )
    .orderBy(portfolioSnapshots.connectionId, desc(portfolioSnapshots.capturedAt));
}

export async function getLatestSnapshots(db: Db, p: { ownerId: string }) {
  return latestSnapshots(db, p);
}

export async function getSnapshotsAsOf(db: Db, p: { ownerId: string; asOf: Date }) {
  return latestSnapshots(db, p);
}

/**
 * Equity over a range: the last snapshot of each connection in each bucket, summed per
 * bucket, so the chart reads a few hundred points whatever the snapshot frequency.
 */
export async function getEquitySeries(db: Db, p: { ownerId: string; range: EquityRange; now: Date }) {
  const { spanMs, bucket } = EQUITY_RANGES[p.range];
  const from = spanMs === null ? new Date(0) : new Date(p.now.getTime() - spanMs);
  const rows = await db.execute<{ bucket: Date | string; equity: string }>(sql`
    with last_in_bucket as (
      select distinct on (connection_id, b)
        connection_id,
        date_bin(${bucket}::interval, captured_at, timestamptz '2000-01-01 00:00:00+00') as b,
        equity
      from ${portfolioSnapshots}
      where owner_id = ${p.ownerId} and captured_at >= ${from.toISOString()}::timestamptz
      order by connection_id, b, captured_at desc
    )
    select b as bucket, sum(equity)::text as equity
    from last_in_bucket
    group by b
    order by b
  `);
  // postgres.js returns a row array; PGlite returns { rows }.
  const list = Array.isArray(rows) ? rows : (rows as unknown as { rows: typeof rows }).rows;
  return (list as Array<{ bucket: Date | string; equity: string }>).map((r) => ({
    at: new Date(r.bucket),
    equity: r.equity,
  }));
}

/** Per-symbol rows of the given snapshots. */
export async function getSnapshotRows(db: Db, p: { ownerId: string; snapshotIds: string[] }) {
  if (p.snapshotIds.length === 0) return [];
  return db
    .select()
    .from(snapshotPositions)
    .where(and(eq(snapshotPositions.ownerId, p.ownerId), sql`${snapshotPositions.snapshotId} = any(${sql.param(p.snapshotIds)}::uuid[])`));
}

/** Open derivatives positions with their account and connection, largest notional first. */
export async function getOpenPositions(db: Db, p: { ownerId: string }) {
  return db
    .select({
      id: positions.id,
      symbol: positions.symbol,
      underlying: positions.underlying,
      side: positions.side,
      instrumentType: positions.instrumentType,
      quantity: positions.quantity,
      entryPrice: positions.entryPrice,
      markPrice: positions.markPrice,
      notional: positions.notional,
      unrealizedPnl: positions.unrealizedPnl,
      liquidationPrice: positions.liquidationPrice,
      leverage: positions.leverage,
      marginMode: positions.marginMode,
      quoteCurrency: positions.quoteCurrency,
      accountName: tradingAccounts.name,
      connectionLabel: connections.label,
      provider: connections.provider,
    })
    .from(positions)
    .innerJoin(tradingAccounts, eq(tradingAccounts.id, positions.accountId))
    .innerJoin(connections, eq(connections.id, tradingAccounts.connectionId))
    .where(eq(positions.ownerId, p.ownerId))
    .orderBy(desc(sql`abs(${positions.notional})`), asc(positions.symbol));
}

/** Each connection with its latest sync run. */
export async function getSyncOverview(db: Db, p: { ownerId: string }) {
  const conns = await db
    .select({
      id: connections.id,
      provider: connections.provider,
      label: connections.label,
      status: connections.status,
      lastSyncAt: connections.lastSyncAt,
      lastSuccessAt: connections.lastSuccessAt,
      lastError: connections.lastError,
      consecutiveFailures: connections.consecutiveFailures,
    })
    .from(connections)
    .where(eq(connections.ownerId, p.ownerId))
    .orderBy(asc(connections.createdAt));
  const batches = await db
    .selectDistinctOn([syncBatches.connectionId], {
      connectionId: syncBatches.connectionId,
      status: syncBatches.status,
      trigger: syncBatches.trigger,
      startedAt: syncBatches.startedAt,
      finishedAt: syncBatches.finishedAt,
      durationMs: syncBatches.durationMs,
      error: syncBatches.error,
    })
    .from(syncBatches)
    .where(eq(syncBatches.ownerId, p.ownerId))
    .orderBy(syncBatches.connectionId, desc(syncBatches.startedAt));
  const lastBatch = new Map(batches.map((b) => [b.connectionId, b]));
  return conns.map((c) => ({ ...c, lastBatch: lastBatch.get(c.id) ?? null }));
}
