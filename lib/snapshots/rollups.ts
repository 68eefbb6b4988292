import { and, asc, eq, gte, inArray, isNotNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { connections, equityRollups, portfolioSnapshots, ROLLUP_BUCKETS, type RollupBucket } from "@/db/schema";
import { D, type Dec, toDecimalString } from "@/lib/money/decimal";
import { chunk } from "@/db/chunk";
import { executeRows } from "@/db/execute-rows";
import { bucketStart } from "@/db/queries/rollup-buckets";
import { getWorkspaceSettings, type WorkspaceSettings } from "@/db/queries/workspaces";
import { refreshUnitisedSeries } from "./unitised";

export interface RollupDraft {
  bucket: RollupBucket;
  bucketStart: number;
  equity: Dec;
  lastAt: number;
}

/**
 * Owner equity at each snapshot instant — every connection carried forward at its latest
 * value, starting from `seed` — folded into the last value per bucket, 1d and 1w cut in
 * `timeZone`. A row with a null equity is a connection's end (a person deleted it): from
 * then on it counts no more. Pure.
 */
export function calculateRollups(
  seed: ReadonlyMap<string, string>,
  timeline: ReadonlyArray<{ connectionId: string; capturedAt: Date; equity: string | null }>,
  timeZone: string,
  buckets: readonly RollupBucket[] = ROLLUP_BUCKETS,
): RollupDraft[] {
  const latest = new Map<string, Dec>([...seed].map(([k, v]) => [k, new D(v)]));
  const drafts = new Map<string, RollupDraft>();
  for (let i = 0; i < timeline.length; i++) {
    const row = timeline[i]!;
    if (row.equity === null) latest.delete(row.connectionId);
    else latest.set(row.connectionId, new D(row.equity));
    const t = row.capturedAt.getTime();
    // Several connections captured at one instant count once, after all of them.
    if (timeline[i + 1]?.capturedAt.getTime() === t) continue;
    let total = new D(0);
    for (const v of latest.values()) total = total.plus(v);
    for (const bucket of buckets) {
      const start = bucketStart(bucket, t, timeZone);
      drafts.set(`${bucket}:${start}`, { bucket, bucketStart: start, equity: total, lastAt: t });
    }
  }
  return [...drafts.values()];
}

/**
 * Brings the owner's roll-ups, and the unitised series (./unitised.ts), up to date after
 * snapshots at or after `from` were written.
 * Every bucket that changes ends at an instant ≥ `from`, so this reads only the snapshots
 * from `from` on plus each connection's value just before: one row for a routine sync,
 * the whole range for a backfill of the past.
 *
 * Only snapshots in the workspace's base currency count (one taken just before a currency
 * change is kept but never summed with the new ones), and 1d/1w are cut in its zone. The
 * settings are read under a share lock: a settings change waits for this transaction, and
 * this one for a settings change, so both see one currency and one zone.
 */
export async function refreshEquityRollups(tx: Db, p: { ownerId: string; from: Date }): Promise<number> {
  const settings = await getWorkspaceSettings(tx, { ownerId: p.ownerId, lock: "share" });
  const written = await writeRollups(tx, { ...p, settings, buckets: ROLLUP_BUCKETS });
  await refreshUnitisedSeries(tx, p);
  return written;
}

/**
 * Rebuilds the owner's roll-ups of the given sizes, and the unitised series, from every
 * snapshot in `settings`' currency, dropping the old rows first: after a change of base currency (every size) or
 * of time zone (1d and 1w). The caller holds the settings lock, in the same transaction
 * as the change.
 */
export async function rebuildEquityRollups(
  tx: Db,
  p: { ownerId: string; settings: WorkspaceSettings; buckets: readonly RollupBucket[] },
): Promise<number> {
  if (p.buckets.length === 0) return 0;
  await tx.delete(equityRollups).where(and(eq(equityRollups.ownerId, p.ownerId), inArray(equityRollups.bucket, [...p.buckets])));
  const written = await writeRollups(tx, { ...p, from: new Date(0) });
  // The ledger is in the base currency and the rewritten rows carry no units yet: all of it again.
  await refreshUnitisedSeries(tx, { ownerId: p.ownerId, from: new Date(0) });
  return written;
}

async function writeRollups(
  tx: Db,
  p: { ownerId: string; from: Date; settings: WorkspaceSettings; buckets: readonly RollupBucket[] },
): Promise<number> {
  const inCurrency = and(eq(portfolioSnapshots.ownerId, p.ownerId), eq(portfolioSnapshots.baseCurrency, p.settings.baseCurrency));
  // Each connection's last value before `from`: one index probe per connection. (DISTINCT ON
  // over the snapshots before `from` read the whole history on every sync: a second a sync
  // at a year of 1-minute snapshots.)
  const seedRows = await executeRows<{ connectionId: string; equity: string }>(
    tx,
    sql`select c.id as "connectionId", s.equity::text as equity
      from connections c
      cross join lateral (
        select equity from portfolio_snapshots s
        where s.connection_id = c.id and s.base_currency = ${p.settings.baseCurrency} and s.captured_at < ${p.from.toISOString()}::timestamptz
        order by captured_at desc limit 1) s
      where c.owner_id = ${p.ownerId}`,
  );
  const timeline = await tx
    .select({ connectionId: portfolioSnapshots.connectionId, capturedAt: portfolioSnapshots.capturedAt, equity: portfolioSnapshots.equity })
    .from(portfolioSnapshots)
    .where(and(inCurrency, gte(portfolioSnapshots.capturedAt, p.from)))
    .orderBy(asc(portfolioSnapshots.capturedAt), asc(portfolioSnapshots.connectionId));
  // Deleted connections leave the total at their deletion: dropped from the seed when that
  // was before `from`, and an end row in the timeline when it falls inside it.
  const ended = await tx
    .select({ connectionId: connections.id, deletedAt: connections.deletedAt })
    .from(connections)
    .where(and(eq(connections.ownerId, p.ownerId), isNotNull(connections.deletedAt)));
  const seed = new Map(seedRows.map((r) => [r.connectionId, r.equity]));
  const ends: Array<{ connectionId: string; capturedAt: Date; equity: null }> = [];
  for (const e of ended) {
    if (e.deletedAt! < p.from) seed.delete(e.connectionId);
    else ends.push({ connectionId: e.connectionId, capturedAt: e.deletedAt!, equity: null });
  }
  const events = ends.length === 0 ? timeline : [...timeline, ...ends].sort((a, b) => a.capturedAt.getTime() - b.capturedAt.getTime() || a.connectionId.localeCompare(b.connectionId));
  const drafts = calculateRollups(seed, events, p.settings.timeZone, p.buckets);

  for (const part of chunk(drafts, 1000)) {
    await tx
      .insert(equityRollups)
      .values(
        part.map((d) => ({
          ownerId: p.ownerId,
          bucket: d.bucket,
          bucketStart: new Date(d.bucketStart),
          equity: toDecimalString(d.equity),
          lastAt: new Date(d.lastAt),
        })),
      )
      .onConflictDoUpdate({
        target: [equityRollups.ownerId, equityRollups.bucket, equityRollups.bucketStart],
        set: { equity: sql`excluded.equity`, lastAt: sql`excluded.last_at` },
      });
  }
  return drafts.length;
}
