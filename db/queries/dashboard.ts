import { and, asc, desc, eq, gt, inArray, isNull, lt, notExists, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "../client";
import {
  connections,
  portfolioSnapshots,
  positions,
  snapshotHoldings,
  syncBatches,
  tradingAccounts,
  type RollupBucket,
} from "../schema";
import { bucketStart } from "@/db/queries/rollup-buckets";
import { liveConnection } from "./connections";
import { inIds } from "./id-filter";
import { readEquityRollups } from "./rollups";

/** Each chart range reads one roll-up size: at most ~1,000 points whatever the history. */
export const EQUITY_RANGES = {
  "24h": { spanMs: 24 * 3_600_000, bucket: "15m" },
  "7d": { spanMs: 7 * 86_400_000, bucket: "1h" },
  "30d": { spanMs: 30 * 86_400_000, bucket: "1h" },
  "90d": { spanMs: 90 * 86_400_000, bucket: "6h" },
  all: { spanMs: null, bucket: "1d" },
} as const satisfies Record<string, { spanMs: number | null; bucket: RollupBucket }>;
export type EquityRange = keyof typeof EQUITY_RANGES;

/**
 * The newest snapshot in `baseCurrency` of each of the owner's connections, optionally as of
 * an instant. Snapshots in another currency (taken before the workspace's currency changed)
 * are history, never added to these. A connection deleted by then counts no more: its
 * history stays, its last value does not carry on into totals.
 */
async function latestSnapshots(db: Db, p: { ownerId: string; baseCurrency: string; asOf?: Date; connectionIds?: readonly string[] | null }) {
  // One index probe per connection (portfolio_snapshots_connection_time_uq, read backwards):
  // a DISTINCT ON over the workspace's snapshots sorted all of them (a year of 1-minute
  // snapshots: 525,600 rows, ~2 s per call; bench:load).
  // Spelled out with aliases: drizzle leaves columns unqualified in a one-table query, and
  // the correlation to the outer "connections" row must not resolve to the inner table.
  const newest = sql<string>`(
    select s.id from portfolio_snapshots s
    where s.connection_id = "connections"."id" and s.owner_id = ${p.ownerId} and s.base_currency = ${p.baseCurrency}
      ${p.asOf ? sql`and s.captured_at <= ${p.asOf.toISOString()}::timestamptz` : sql``}
    order by s.captured_at desc limit 1)`;
  const counted = db
    .select({ id: newest })
    .from(connections)
    .where(
      and(
        eq(connections.ownerId, p.ownerId),
        p.asOf ? or(isNull(connections.deletedAt), gt(connections.deletedAt, p.asOf)) : isNull(connections.deletedAt),
        inIds(connections.id, p.connectionIds),
      ),
    );
  return db.select().from(portfolioSnapshots).where(inArray(portfolioSnapshots.id, counted)).orderBy(portfolioSnapshots.connectionId);
}

/** `connectionIds`: only these connections (the portfolio selector's whole connections); null or absent: all. */
export async function getLatestSnapshots(db: Db, p: { ownerId: string; baseCurrency: string; connectionIds?: readonly string[] | null }) {
  return latestSnapshots(db, p);
}

export async function getSnapshotsAsOf(db: Db, p: { ownerId: string; baseCurrency: string; asOf: Date; connectionIds?: readonly string[] | null }) {
  return latestSnapshots(db, p);
}

/**
 * Equity over a range from the pre-aggregated roll-ups (kept in the workspace's currency
 * only, 1d and 1w cut in its zone, which is also where the range's first bucket starts).
 * "all" switches to weekly buckets past ~1,000 days so the point count stays bounded. Each
 * point carries the unitised series too (NAV per unit, the bucket's net flows; null on
 * legacy rows and while nothing is held).
 */
export async function getEquitySeries(db: Db, p: { ownerId: string; range: EquityRange; now: Date; timeZone: string }) {
  const { spanMs, bucket } = EQUITY_RANGES[p.range];
  // The bucket containing the range's start is part of the range.
  const from = spanMs === null ? new Date(0) : new Date(bucketStart(bucket, p.now.getTime() - spanMs, p.timeZone));
  let used: RollupBucket = bucket;
  let rows = await readEquityRollups(db, { ownerId: p.ownerId, bucket, from });
  if (p.range === "all" && rows.length > 1000) {
    used = "1w";
    rows = await readEquityRollups(db, { ownerId: p.ownerId, bucket: used, from });
  }
  return {
    bucket: used,
    points: rows.map((r) => ({ at: r.bucketStart, equity: r.equity, navPerUnit: r.navPerUnit, netFlows: r.netFlows, cumNetFlows: r.cumNetFlows })),
  };
}

/** Per-symbol rows of the given snapshots, each with the snapshot it belongs to. */
export async function getSnapshotRows(db: Db, p: { ownerId: string; snapshotIds: string[] }) {
  if (p.snapshotIds.length === 0) return [];
  const docs = await db
    .select({ snapshotId: snapshotHoldings.snapshotId, rows: snapshotHoldings.rows })
    .from(snapshotHoldings)
    .where(and(eq(snapshotHoldings.ownerId, p.ownerId), sql`${snapshotHoldings.snapshotId} = any(${sql.param(p.snapshotIds)}::uuid[])`));
  return docs.flatMap((d) => d.rows.map((r) => ({ ...r, snapshotId: d.snapshotId })));
}

/** Open derivatives positions with their account and connection, largest notional first; `accountIds` null: every account. */
export async function getOpenPositions(db: Db, p: { ownerId: string; accountIds?: readonly string[] | null }) {
  return db
    .select({
      accountId: positions.accountId,
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
    .where(and(eq(positions.ownerId, p.ownerId), liveConnection, inIds(positions.accountId, p.accountIds)))
    .orderBy(desc(sql`abs(${positions.notional})`), asc(positions.symbol));
}

/** Each connection (of `connectionIds`, when given) with its latest sync run. */
export async function getSyncOverview(db: Db, p: { ownerId: string; connectionIds?: readonly string[] | null }) {
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
    .where(and(eq(connections.ownerId, p.ownerId), liveConnection, inIds(connections.id, p.connectionIds)))
    .orderBy(asc(connections.createdAt));
  // The newest run of each connection listed: one index probe each (sync_batches_connection_started_idx,
  // read backwards), not a sort of every run the workspace ever had (a year of runs; bench:load).
  const newest = sql<string>`(
    select b.id from sync_batches b
    where b.connection_id = "connections"."id" and b.owner_id = ${p.ownerId}
    order by b.started_at desc limit 1)`;
  const batches = await db
    .select({
      connectionId: syncBatches.connectionId,
      status: syncBatches.status,
      trigger: syncBatches.trigger,
      startedAt: syncBatches.startedAt,
      finishedAt: syncBatches.finishedAt,
      durationMs: syncBatches.durationMs,
      error: syncBatches.error,
    })
    .from(syncBatches)
    .where(inArray(syncBatches.id, db.select({ id: newest }).from(connections).where(and(eq(connections.ownerId, p.ownerId), liveConnection))));
  const lastBatch = new Map(batches.map((b) => [b.connectionId, b]));
  return conns.map((c) => ({ ...c, lastBatch: lastBatch.get(c.id) ?? null }));
}

/**
 * Where the owner's reconstructed past (lib/history) ends: the latest reconstructed snapshot
 * instant in `baseCurrency`, across its connections, that comes before its connection's first
 * measured snapshot; null when none was rebuilt. Days rebuilt inside a gap between measured
 * snapshots are not that boundary (the walk back from the newest skips those few). Served by
 * the partial index on reconstructed rows, and the (connection, time) index for the check.
 */
export async function getReconstructedUntil(db: Db, p: { ownerId: string; baseCurrency: string }): Promise<Date | null> {
  const measured = alias(portfolioSnapshots, "measured");
  const [row] = await db
    .select({ at: portfolioSnapshots.capturedAt })
    .from(portfolioSnapshots)
    .where(
      and(
        eq(portfolioSnapshots.ownerId, p.ownerId),
        eq(portfolioSnapshots.reconstructed, true),
        eq(portfolioSnapshots.baseCurrency, p.baseCurrency),
        notExists(
          db
            .select({ one: sql`1` })
            .from(measured)
            .where(and(eq(measured.connectionId, portfolioSnapshots.connectionId), eq(measured.reconstructed, false), lt(measured.capturedAt, portfolioSnapshots.capturedAt))),
        ),
      ),
    )
    .orderBy(desc(portfolioSnapshots.capturedAt))
    .limit(1);
  return row?.at ?? null;
}
