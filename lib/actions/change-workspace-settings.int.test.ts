import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { createConnection } from "@/db/queries/connections";
import { createWorkspace, ensurePersonalWorkspace, getWorkspaceSettings } from "@/db/queries/workspaces";
import { equityRollups, portfolioSnapshots, type RollupBucket } from "@/db/schema";
import { openTestDb } from "@/db/testing";
import { loadEquitySeries, loadHoldings, loadSummary } from "@/lib/read-models/dashboard-data";
import { materializeSnapshots, type CaptureParams } from "@/lib/snapshots/capture";
import { cashSnapshot } from "@/lib/snapshots/test-support";
import { demoAt, offline } from "@/lib/sync/test-support";
import { syncConnection } from "@/lib/sync/sync-connection";
import { changeWorkspaceSettings } from "./change-workspace-settings";
import type { SyncQueue } from "./request-resync";

let h: DbHandle;
let ownerId: string;
let a: string;
let b: string;
const queued: string[] = [];
const queue: SyncQueue = { enqueue: async (targets) => void queued.push(...targets.map((t) => t.connectionId)) };

const snap = (connectionId: string, at: string, amount: string, currency = "USD") => cashSnapshot({ ownerId, connectionId, at, amount, currency });
const write = (...items: CaptureParams[]) => h.db.transaction((tx) => materializeSnapshots(tx, items));
const rollups = async (bucket: RollupBucket) =>
  (
    await h.db
      .select({ start: equityRollups.bucketStart, equity: equityRollups.equity })
      .from(equityRollups)
      .where(and(eq(equityRollups.ownerId, ownerId), eq(equityRollups.bucket, bucket)))
      .orderBy(asc(equityRollups.bucketStart))
  ).map((r) => [r.start.toISOString(), r.equity]);
const change = (baseCurrency: string, timeZone: string) => changeWorkspaceSettings(h.db, { ownerId, baseCurrency, timeZone, queue });
const NOW = new Date("2026-11-20T21:00:00Z");

beforeAll(async () => {
  h = await openTestDb();
  ownerId = (await ensurePersonalWorkspace(h.db)).id;
  a = (await createConnection(h.db, { ownerId, provider: "okx", label: "A" })).id;
  b = (await createConnection(h.db, { ownerId, provider: "okx", label: "B" })).id;
  await write(snap(a, "2026-11-20T17:00:00Z", "100"));
  await write(snap(b, "2026-11-20T18:00:00Z", "50"));
  await write(snap(a, "2026-11-20T19:00:00Z", "110"));
});
afterAll(async () => h?.close());

describe("changing the time zone", () => {
  it("rebuilds 1d and 1w at Kolkata's midnights (18:30Z) in the same step; the 15-minute buckets are left as they were", async () => {
    expect(await rollups("1d")).toEqual([["2026-11-20T00:00:00.000Z", "160"]]);
    const quarters = await rollups("15m");
    const { result } = await change("USD", "Asia/Kolkata");
    expect(result).toMatchObject({ baseCurrency: "USD", timeZone: "Asia/Kolkata", currencyChanged: false, timeZoneChanged: true, resync: null });
    // 17:00 and 18:00 are on Kolkata's 20 November (A 100 + B 50); 19:00 on its 21st (A 110 + B 50).
    expect(await rollups("1d")).toEqual([
      ["2026-11-19T18:30:00.000Z", "150"],
      ["2026-11-20T18:30:00.000Z", "160"],
    ]);
    expect(await rollups("1w")).toEqual([["2026-11-15T18:30:00.000Z", "160"]]);
    expect(await rollups("15m")).toEqual(quarters);
    expect(queued).toEqual([]);
  });

  it("a snapshot written afterwards lands in the zone's day too", async () => {
    await write(snap(b, "2026-11-20T18:45:00Z", "60"));
    expect(await rollups("1d")).toEqual([
      ["2026-11-19T18:30:00.000Z", "150"],
      ["2026-11-20T18:30:00.000Z", "170"],
    ]);
  });

  it("the 'all' chart reads those daily buckets and says which zone they are cut in", async () => {
    const series = await loadEquitySeries(h.db, { ownerId, range: "all", now: NOW, baseCurrency: "USD", timeZone: "Asia/Kolkata" });
    expect(series).toMatchObject({ bucket: "1d", timeZone: "Asia/Kolkata", baseCurrency: "USD" });
    expect(series.points.map((p) => [p.at, p.equity])).toEqual([
      ["2026-11-19T18:30:00.000Z", "150"],
      ["2026-11-20T18:30:00.000Z", "170"],
    ]);
  });
});

describe("changing the base currency never mixes currencies", () => {
  it("USD → EUR: every roll-up is rebuilt from EUR snapshots (none yet), the overview shows nothing in EUR, and both connections are resynced", async () => {
    const { result } = await change("EUR", "Asia/Kolkata");
    expect(result).toMatchObject({ currencyChanged: true, timeZoneChanged: false, rollupsRebuilt: 0, resync: "Queued a resync of 2 connections" });
    expect(queued.sort()).toEqual([a, b].sort());
    expect(await h.db.select().from(equityRollups).where(eq(equityRollups.ownerId, ownerId))).toEqual([]);
    const summary = await loadSummary(h.db, { ownerId, now: NOW, baseCurrency: "EUR" });
    expect(summary).toMatchObject({ baseCurrency: "EUR", equity: null, dayChange: null });
    expect((await loadEquitySeries(h.db, { ownerId, range: "24h", now: NOW, baseCurrency: "EUR", timeZone: "Asia/Kolkata" })).points).toEqual([]);
    expect((await loadHoldings(h.db, { ownerId, baseCurrency: "EUR" })).allocation).toEqual([]);
    // The USD history is kept, not converted.
    expect((await h.db.select().from(portfolioSnapshots).where(eq(portfolioSnapshots.baseCurrency, "USD"))).length).toBe(4);
  });

  it("A's first EUR snapshot is the whole EUR total: B's USD value is not carried into it", async () => {
    await write(snap(a, "2026-11-20T20:00:00Z", "80", "EUR"));
    expect(await rollups("1h")).toEqual([["2026-11-20T20:00:00.000Z", "80"]]);
    const summary = await loadSummary(h.db, { ownerId, now: NOW, baseCurrency: "EUR" });
    expect(summary).toMatchObject({ equity: "80", spotValue: "80" });
  });

  it("a USD snapshot that lands after the change (a sync priced just before it) is kept but neither summed nor charted", async () => {
    await write(snap(b, "2026-11-20T20:10:00Z", "55", "USD"));
    expect(await rollups("1h")).toEqual([["2026-11-20T20:00:00.000Z", "80"]]);
    expect((await loadSummary(h.db, { ownerId, now: NOW, baseCurrency: "EUR" })).equity).toBe("80");
  });

  it("back to USD: the USD history is shown again, rebuilt, and the EUR snapshot is left out", async () => {
    const { result } = await change("USD", "Asia/Kolkata");
    expect(result.currencyChanged).toBe(true);
    expect(result.rollupsRebuilt).toBeGreaterThan(0);
    // 20:00 hour: A's latest USD 110 (19:00) + B's USD 55 (20:10).
    expect((await rollups("1h")).at(-1)).toEqual(["2026-11-20T20:00:00.000Z", "165"]);
    expect((await loadSummary(h.db, { ownerId, now: NOW, baseCurrency: "USD" })).equity).toBe("165");
  });

  it("saving what is already there rebuilds nothing and resyncs nothing", async () => {
    queued.length = 0;
    const { result } = await change("USD", "Asia/Kolkata");
    expect(result).toMatchObject({ currencyChanged: false, timeZoneChanged: false, rollupsRebuilt: 0, resync: null });
    expect(queued).toEqual([]);
    expect(await getWorkspaceSettings(h.db, { ownerId })).toEqual({ baseCurrency: "USD", timeZone: "Asia/Kolkata" });
  });
});

describe("a snapshot write and a currency change at the same time", () => {
  it("the change waits for the write (the settings lock): the USD snapshot is rebuilt away, never left in the EUR roll-ups", async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let refreshed!: () => void;
    const inFlight = new Promise<void>((resolve) => (refreshed = resolve));
    // A sync's transaction: snapshot and roll-up refresh written, not yet committed.
    const writing = h.db.transaction(async (tx) => {
      await materializeSnapshots(tx, [snap(a, "2026-11-20T20:30:00Z", "120")]);
      refreshed();
      await gate;
    });
    await inFlight;
    const changing = change("EUR", "Asia/Kolkata");
    // Long enough for the change to have reached the lock (on PostgreSQL) or the connection (PGlite).
    await new Promise((resolve) => setTimeout(resolve, 300));
    release();
    await writing;
    const { result } = await changing;
    expect(result.currencyChanged).toBe(true);
    // Every bucket of every size holds A's EUR 80 from 20:00; nothing of the USD 120 at 20:30.
    const rows = await h.db.selectDistinct({ equity: equityRollups.equity, lastAt: equityRollups.lastAt }).from(equityRollups).where(eq(equityRollups.ownerId, ownerId));
    expect(rows.map((r) => [r.equity, r.lastAt.toISOString()])).toEqual([["80", "2026-11-20T20:00:00.000Z"]]);
    expect((await loadSummary(h.db, { ownerId, now: NOW, baseCurrency: "EUR" })).equity).toBe("80");
  });
});

describe("a currency the venue's quotes cannot reach", () => {
  it("the resync values the demo venue (USD quotes only, no reference prices) in EUR: every asset is listed unpriced, none valued at 1", async () => {
    const ws = (await createWorkspace(h.db, { name: "Euro desk", slug: "euro-desk" })).id;
    const demo = (await createConnection(h.db, { ownerId: ws, provider: "demo", label: "Demo", config: { seed: "eur" } })).id;
    const at = new Date("2026-11-20T09:00:00Z");
    await syncConnection(h.db, { ownerId: ws, connectionId: demo, trigger: "manual", now: () => at, ...offline, connector: demoAt(at, {}, "eur") });
    const usd = await loadSummary(h.db, { ownerId: ws, now: at, baseCurrency: "USD" });
    expect(usd.unpricedAssets).toEqual([]);

    const { result, settled } = await changeWorkspaceSettings(h.db, {
      ownerId: ws,
      baseCurrency: "EUR",
      timeZone: "UTC",
      syncOptions: { ...offline, connector: demoAt(at, {}, "eur") },
    });
    expect(result.resync).toBe("Started a resync of 1 connection");
    await settled;
    const eur = await loadSummary(h.db, { ownerId: ws, now: new Date(), baseCurrency: "EUR" });
    expect(eur.baseCurrency).toBe("EUR");
    expect(eur.unpricedAssets).toEqual(expect.arrayContaining(["BTC", "USDT"]));
    // Nothing priced: the total is 0 of what could be valued, never the USD figure relabelled.
    expect(eur.equity).toBe("0");
    expect(eur.equity).not.toBe(usd.equity);
  });
});
