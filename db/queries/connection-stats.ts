import { and, count, desc, eq, gte, inArray, sql } from "drizzle-orm";
import type { Db } from "../client";
import { OPEN_SYNC_STATUSES, syncBatches, tradingAccounts } from "../schema";

/** What the connections list shows beside each connection, each read once for the whole workspace. */

/** The newest run still queued or running, per connection. */
export async function openSyncRuns(db: Db, p: { ownerId: string }) {
  return db
    .selectDistinctOn([syncBatches.connectionId], {
      connectionId: syncBatches.connectionId,
      id: syncBatches.id,
      status: syncBatches.status,
      startedAt: syncBatches.startedAt,
    })
    .from(syncBatches)
    .where(and(eq(syncBatches.ownerId, p.ownerId), inArray(syncBatches.status, [...OPEN_SYNC_STATUSES])))
    .orderBy(syncBatches.connectionId, desc(syncBatches.startedAt));
}

/** Venue accounts found, per connection. */
export async function accountCounts(db: Db, p: { ownerId: string }): Promise<Map<string, number>> {
  const rows = await db
    .select({ connectionId: tradingAccounts.connectionId, n: count() })
    .from(tradingAccounts)
    .where(eq(tradingAccounts.ownerId, p.ownerId))
    .groupBy(tradingAccounts.connectionId);
  return new Map(rows.map((r) => [r.connectionId, r.n]));
}

export interface ApiUsage24h {
  calls: number;
  runs: number;
  /** Highest per-minute weight the venue reported, per rate-limit bucket (Binance). */
  peakWeight: Record<string, number>;
}

/**
 * Requests made by runs started since `since`, and the highest per-minute weight the venue
 * reported in any of them, per connection. Summed in the database: a 1-minute venue has
 * 1,440 runs a day.
 */
export async function apiUsageSince(db: Db, p: { ownerId: string; since: Date }): Promise<Map<string, ApiUsage24h>> {
  const scope = and(eq(syncBatches.ownerId, p.ownerId), gte(syncBatches.startedAt, p.since));
  const [calls, weights] = await Promise.all([
    db
      .select({
        connectionId: syncBatches.connectionId,
        calls: sql<string>`coalesce(sum(${syncBatches.apiCalls}), 0)`,
        runs: count(),
      })
      .from(syncBatches)
      .where(scope)
      .groupBy(syncBatches.connectionId),
    db
      .select({
        connectionId: syncBatches.connectionId,
        bucket: sql<string>`w.key`,
        peak: sql<string>`max((w.value)::int)`,
      })
      .from(syncBatches)
      .innerJoin(sql`lateral jsonb_each_text(coalesce(${syncBatches.apiUsage} -> 'usedWeight', '{}'::jsonb)) as w`, sql`true`)
      .where(scope)
      .groupBy(syncBatches.connectionId, sql`w.key`),
  ]);
  const out = new Map<string, ApiUsage24h>();
  for (const c of calls) out.set(c.connectionId, { calls: Number(c.calls), runs: c.runs, peakWeight: {} });
  for (const w of weights) {
    const usage = out.get(w.connectionId);
    if (usage) usage.peakWeight[w.bucket] = Number(w.peak);
  }
  return out;
}
