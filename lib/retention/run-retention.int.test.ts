import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { benchmarkPricesAt } from "@/db/queries/benchmark-prices";
import { createConnection } from "@/db/queries/connections";
import { executeRows } from "@/db/execute-rows";
import { snapshotPricesAround } from "@/db/queries/snapshot-prices";
import { ensurePersonalWorkspace } from "@/db/queries/workspaces";
import { portfolioSnapshots, syncBatches, syncRawResponses, workspaces } from "@/db/schema";
import { openTestDb } from "@/db/testing";
import { reconcileAll } from "@/lib/attribution/reconcile-job";
import { rewalkChains } from "@/lib/audit/rewalk";
import { loadExposure } from "@/lib/read-models/exposure-data";
import { syncConnection } from "@/lib/sync/sync-connection";
import { demoAt, offline } from "@/lib/sync/test-support";
import { DEFAULT_RETENTION } from "./policy";
import { runRetention } from "./run-retention";
import { cloneSnapshotHistory } from "./testing/clone-snapshots";

const DAY = 86_400_000;
const NOW = new Date("2026-11-20T12:00:00Z");
// Half-hour offset: local hours are not UTC hours, so buckets must be cut in the zone to nest in days.
const ZONE = "Asia/Kolkata";
const KEPT_FOREVER = ["portfolio_snapshots", "equity_rollups", "orders", "order_events", "fills", "audit_checkpoints"] as const;

let h: DbHandle;
let ownerId: string;
let connectionId: string;

/** One digest of every row of a table: equal before and after means not a row was changed, added or removed. */
async function fingerprint(table: (typeof KEPT_FOREVER)[number]): Promise<{ rows: number; md5: string }> {
  const [r] = await executeRows<{ rows: number | string; md5: string }>(
    h.db,
    sql`select count(*) as rows, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as md5 from ${sql.identifier(table)} t`,
  );
  return { rows: Number(r!.rows), md5: r!.md5 };
}

/** Snapshots with detail per local bucket of the given grain, over [from, to), and whether the bucket's newest has it. */
async function detailPerBucket(grain: "hour" | "day", from: Date, to: Date) {
  const unit = sql.raw(`'${grain}'`);
  return executeRows<{ bucket: string; snapshots: number | string; with_detail: number | string; newest_has_detail: boolean }>(
    h.db,
    sql`select b.bucket::text as bucket, count(*) as snapshots, count(b.kept) as with_detail, bool_or(b.kept is not null and b.rn = 1) as newest_has_detail
        from (
          select date_trunc(${unit}, s.captured_at at time zone ${ZONE}) as bucket, k.snapshot_id as kept,
            row_number() over (partition by date_trunc(${unit}, s.captured_at at time zone ${ZONE}) order by s.captured_at desc) as rn
          from portfolio_snapshots s left join snapshot_holdings k on k.snapshot_id = s.id
          where s.connection_id = ${connectionId}
        ) b
        where b.bucket >= (${from.toISOString()}::timestamptz at time zone ${ZONE}) and b.bucket < (${to.toISOString()}::timestamptz at time zone ${ZONE})
        group by 1 order by 1`,
  );
}

beforeAll(async () => {
  h = await openTestDb();
  ownerId = (await ensurePersonalWorkspace(h.db)).id;
  await h.db.update(workspaces).set({ timeZone: ZONE }).where(eq(workspaces.id, ownerId));
  connectionId = (await createConnection(h.db, { ownerId, provider: "demo", label: "Demo", config: { seed: "retention" } })).id;
  // A real sync writes the audit trail (orders, hash-chained events, fills) and one real snapshot.
  await syncConnection(h.db, { ownerId, connectionId, trigger: "manual", now: () => NOW, ...offline, connector: demoAt(NOW, {}, "retention") });
  await rewalkChains(h.db, { ownerId }, { at: NOW });
  const [src] = await h.db.select({ id: portfolioSnapshots.id }).from(portfolioSnapshots).where(eq(portfolioSnapshots.connectionId, connectionId));
  // 400 days of history every 20 minutes before it: full, hourly and daily regions.
  await cloneSnapshotHistory(h.db, { sourceId: src!.id, from: new Date(NOW.getTime() - 400 * DAY), to: new Date(NOW.getTime() - 20 * 60_000), stepMinutes: 20 });
}, 120_000);
afterAll(async () => h?.close());

describe("runRetention (the retention maintenance task)", () => {
  const fullCutoff = new Date(NOW.getTime() - DEFAULT_RETENTION.fullDetailDays * DAY);
  const hourlyCutoff = new Date(NOW.getTime() - DEFAULT_RETENTION.hourlyDetailDays * DAY);
  const hourlyInstant = new Date(NOW.getTime() - 100 * DAY - 7 * 60_000);
  const dailyInstant = new Date(NOW.getTime() - 380 * DAY - 7 * 60_000);
  const before: Record<string, unknown> = {};

  it("thins detail by the policy in batches, and leaves totals, roll-ups and the audit trail exactly as they were", async () => {
    for (const t of KEPT_FOREVER) before[t] = await fingerprint(t);
    before.exposure = await loadExposure(h.db, { ownerId, baseCurrency: "USD" });
    before.prices = await snapshotPricesAround(h.db, { ownerId, connectionId, baseCurrency: "USD", items: [{ asset: "BTC", at: hourlyInstant }, { asset: "BTC", at: dailyInstant }] });
    expect(before.prices).toEqual([
      { after: expect.objectContaining({ price: expect.any(String) }), before: expect.objectContaining({ price: expect.any(String) }) },
      { after: expect.objectContaining({ price: expect.any(String) }), before: expect.objectContaining({ price: expect.any(String) }) },
    ]);
    expect(before.audit_checkpoints).not.toEqual({ rows: 0, md5: expect.any(String) });
    expect((before.order_events as { rows: number }).rows).toBeGreaterThan(0);

    // Small batches: many DELETE statements, resumed from the last deleted instant.
    const r = await runRetention(h.db, { now: NOW, policy: DEFAULT_RETENTION, batchRows: 500 });
    expect(r.connections).toBe(1);
    // 20-minute snapshots: 335 days from 72 a day to 24 (hourly), 35 days from 72 to 1 (daily).
    expect(r.detailDocumentsDeleted).toBe(335 * 48 + 35 * 71);

    for (const t of KEPT_FOREVER) expect(await fingerprint(t), t).toEqual(before[t]);

    // Full detail in the last 30 days: every snapshot keeps its document.
    const full = await detailPerBucket("day", fullCutoff, new Date(NOW.getTime() + 1));
    expect(full.every((b) => Number(b.with_detail) === Number(b.snapshots))).toBe(true);
    // 30 days to a year: exactly one document per local hour, the hour's newest snapshot.
    const hourly = await detailPerBucket("hour", new Date(hourlyCutoff.getTime() + DAY), new Date(fullCutoff.getTime() - DAY));
    expect(hourly.length).toBeGreaterThan(7_000);
    expect(hourly.filter((b) => Number(b.with_detail) !== 1 || !b.newest_has_detail)).toEqual([]);
    // Older: one per local day.
    const daily = await detailPerBucket("day", new Date(0), new Date(hourlyCutoff.getTime() - DAY));
    expect(daily.length).toBeGreaterThan(30);
    expect(daily.filter((b) => Number(b.with_detail) !== 1 || !b.newest_has_detail)).toEqual([]);
  }, 180_000);

  it("is idempotent: a second run at the same instant deletes nothing", async () => {
    expect(await runRetention(h.db, { now: NOW, policy: DEFAULT_RETENTION })).toEqual({ connections: 1, detailDocumentsDeleted: 0, rawResponsesDeleted: 0 });
  });

  it("a run a day later thins only the day that aged past a threshold, from the connection's mark", async () => {
    const later = new Date(NOW.getTime() + DAY);
    const r = await runRetention(h.db, { now: later, policy: DEFAULT_RETENTION });
    // One day of 20-minute snapshots crossed 30 days (72 → 24 kept) and one crossed a year (24 → 1).
    expect(r.detailDocumentsDeleted).toBeGreaterThanOrEqual(48 + 22);
    expect(r.detailDocumentsDeleted).toBeLessThanOrEqual(48 + 24 + 3);
    for (const t of KEPT_FOREVER) expect(await fingerprint(t), t).toEqual(before[t]);
  });

  it("the readers of snapshot detail still answer after thinning", async () => {
    // Exposure, holdings, risk and attribution read the newest snapshot of each connection, which always keeps its detail.
    expect(await loadExposure(h.db, { ownerId, baseCurrency: "USD" })).toEqual(before.exposure);
    expect(await reconcileAll(h.db, { now: NOW })).toMatchObject({ connections: 1 });
    // Cash-flow valuation reads the nearest snapshots that still have detail: prices, not nulls.
    const prices = await snapshotPricesAround(h.db, { ownerId, connectionId, baseCurrency: "USD", items: [{ asset: "BTC", at: hourlyInstant }, { asset: "BTC", at: dailyInstant }] });
    expect(prices).toEqual(before.prices); // every clone holds the same rows, so the nearest kept one prices the same
    // The performance chart's benchmark, at instants in the hourly and daily regions.
    const bench = await benchmarkPricesAt(h.db, { ownerId, baseCurrency: "USD", asset: "BTC", instants: [hourlyInstant, dailyInstant] });
    expect(bench.every((b) => b !== null && b.price.length > 0)).toBe(true);
    // The audit chain still verifies.
    const report = await rewalkChains(h.db, { ownerId }, { at: NOW });
    expect(report.broken).toBeNull();
    expect(report.events).toBeGreaterThan(0);
  });

  it("prunes raw responses older than the policy's age, also of a connection that no longer syncs", async () => {
    const [batch] = await h.db.insert(syncBatches).values({ ownerId, connectionId, trigger: "manual", status: "succeeded", startedAt: NOW }).returning();
    const row = { batchId: batch!.id, connectionId, ownerId, endpoint: "GET /x", body: {}, bytes: 2 };
    await h.db.delete(syncRawResponses);
    await h.db.insert(syncRawResponses).values([
      { ...row, capturedAt: new Date(NOW.getTime() - 7 * DAY - 1) },
      { ...row, capturedAt: new Date(NOW.getTime() - 8 * DAY) },
      { ...row, capturedAt: new Date(NOW.getTime() - 6 * DAY) },
    ]);
    const r = await runRetention(h.db, { now: NOW, policy: DEFAULT_RETENTION, batchRows: 1 });
    expect(r.rawResponsesDeleted).toBe(2);
    const left = await h.db.select({ at: syncRawResponses.capturedAt }).from(syncRawResponses);
    expect(left).toEqual([{ at: new Date(NOW.getTime() - 6 * DAY) }]);
  });

  it("does nothing when switched off", async () => {
    expect(await runRetention(h.db, { now: new Date(NOW.getTime() + 90 * DAY), policy: { ...DEFAULT_RETENTION, enabled: false } })).toEqual({
      connections: 0,
      detailDocumentsDeleted: 0,
      rawResponsesDeleted: 0,
    });
  });
});
