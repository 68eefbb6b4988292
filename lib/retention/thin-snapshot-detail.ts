import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { executeRows } from "@/db/execute-rows";
import { retentionMarks } from "@/db/schema";
import type { RetentionPolicy } from "./policy";

const DAY_MS = 86_400_000;
/** Rows per DELETE: each batch is its own short statement, never one transaction over a year of detail. */
export const THIN_BATCH_ROWS = 2_000;
/**
 * How far behind its mark each run walks a connection again: a snapshot-gap backfill may
 * insert snapshots in the recent past, after that stretch was thinned.
 */
const REWALK_MS = 3 * DAY_MS;

type Grain = "hour" | "day";
// Long enough to reach the end of any local hour/day, including a 25-hour DST day.
const GRAIN_SPAN: Record<Grain, string> = { hour: "2 hours", day: "26 hours" };

/**
 * Deletes the per-symbol detail of every snapshot of the connection captured in [from, to)
 * that has a later snapshot with detail in the same local hour or day (the workspace's time
 * zone, so hours nest in days) and base currency: the newest detail of each bucket stays.
 * Idempotent, and monotone as buckets coarsen from hours to days: a bucket that had detail
 * keeps its newest. Returns the number of documents deleted.
 */
async function thinWindow(
  db: Db,
  p: { connectionId: string; timeZone: string; grain: Grain; from: Date | null; to: Date; batchRows: number },
): Promise<number> {
  const unit = sql.raw(`'${p.grain}'`);
  const span = sql.raw(`interval '${GRAIN_SPAN[p.grain]}'`);
  let from = p.from;
  let total = 0;
  for (;;) {
    const rows = await executeRows<{ at: Date | string }>(
      db,
      sql`
      with doomed as (
        select s.id, s.captured_at from portfolio_snapshots s
        where s.connection_id = ${p.connectionId}
          and s.captured_at < ${p.to.toISOString()}::timestamptz
          ${from ? sql`and s.captured_at >= ${from.toISOString()}::timestamptz` : sql``}
          and exists (select 1 from snapshot_holdings h0 where h0.snapshot_id = s.id)
          and exists (
            select 1 from portfolio_snapshots s2
            join snapshot_holdings h2 on h2.snapshot_id = s2.id
            where s2.connection_id = s.connection_id and s2.base_currency = s.base_currency
              and s2.captured_at > s.captured_at and s2.captured_at < s.captured_at + ${span}
              and date_trunc(${unit}, s2.captured_at at time zone ${p.timeZone}) = date_trunc(${unit}, s.captured_at at time zone ${p.timeZone})
          )
        order by s.captured_at
        limit ${p.batchRows}
      )
      delete from snapshot_holdings h using doomed d
      where h.snapshot_id = d.id
      returning d.captured_at as at`,
    );
    total += rows.length;
    if (rows.length < p.batchRows) return total;
    // Everything before the newest deleted instant has been decided: the next batch starts there.
    from = new Date(Math.max(...rows.map((r) => new Date(r.at).getTime())));
  }
}

/**
 * Thins per-symbol snapshot detail by the policy: full for `fullDetailDays`, then the last
 * snapshot of each hour to `hourlyDetailDays`, then the last of each day. Only
 * `snapshot_holdings` documents are deleted; the snapshots (totals) stay. Each connection
 * resumes from its mark (retention_marks) less a few days, so a daily run walks about one
 * day of snapshots per connection instead of its whole history. A run that stops half way
 * leaves its mark where it was and the next one does the rest.
 */
export async function thinSnapshotDetail(
  db: Db,
  p: { now: Date; policy: RetentionPolicy; batchRows?: number },
): Promise<{ connections: number; documents: number }> {
  const batchRows = p.batchRows ?? THIN_BATCH_ROWS;
  const fullCutoff = new Date(p.now.getTime() - p.policy.fullDetailDays * DAY_MS);
  const hourlyCutoff = new Date(p.now.getTime() - p.policy.hourlyDetailDays * DAY_MS);
  const conns = await executeRows<{ id: string; owner_id: string; time_zone: string; hourly_through: Date | string | null; daily_through: Date | string | null }>(
    db,
    sql`select c.id, c.owner_id, w.time_zone, m.hourly_through, m.daily_through
        from connections c
        join workspaces w on w.id = c.owner_id
        left join retention_marks m on m.connection_id = c.id
        order by c.id`,
  );
  let documents = 0;
  for (const c of conns) {
    const behind = (mark: Date | string | null) => (mark === null ? null : new Date(new Date(mark).getTime() - REWALK_MS));
    // Before the hourly cutoff the daily pass decides, so the first hourly pass starts there.
    const hourlyFrom = behind(c.hourly_through) ?? new Date(hourlyCutoff.getTime() - REWALK_MS);
    const common = { connectionId: c.id, timeZone: c.time_zone, batchRows };
    documents += await thinWindow(db, { ...common, grain: "hour", from: hourlyFrom, to: fullCutoff });
    documents += await thinWindow(db, { ...common, grain: "day", from: behind(c.daily_through), to: hourlyCutoff });
    await db
      .insert(retentionMarks)
      .values({ connectionId: c.id, ownerId: c.owner_id, hourlyThrough: fullCutoff, dailyThrough: hourlyCutoff, updatedAt: p.now })
      .onConflictDoUpdate({
        target: retentionMarks.connectionId,
        // Never backwards: a policy lengthened later cannot bring deleted detail back.
        set: {
          hourlyThrough: sql`greatest(${retentionMarks.hourlyThrough}, excluded.hourly_through)`,
          dailyThrough: sql`greatest(${retentionMarks.dailyThrough}, excluded.daily_through)`,
          updatedAt: p.now,
        },
      });
  }
  return { connections: conns.length, documents };
}
