import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { listAlerts } from "@/db/queries/alerts";
import { createConnection } from "@/db/queries/connections";
import { listConnectionGaps, listOpenGaps } from "@/db/queries/snapshot-gaps";
import { createWorkspace, ensurePersonalWorkspace } from "@/db/queries/workspaces";
import { portfolioSnapshots } from "@/db/schema";
import { openTestDb } from "@/db/testing";
import { createDemoConnector } from "@/lib/connectors/demo";
import { backfillSnapshots } from "./backfill";
import { materializeSnapshots, type CaptureParams } from "./capture";
import { detectSnapshotGaps } from "./gaps";

let h: DbHandle;
let ownerId: string;
let venue: string;

const at = (hhmm: string) => new Date(`2026-11-20T${hhmm}:00Z`);
const snap = (connectionId: string, hhmm: string): CaptureParams => ({
  ownerId,
  connectionId,
  capturedAt: at(hhmm),
  batchId: null,
  baseCurrency: "USD",
  balances: [{ accountUid: "x", asset: "USD", wallet: "spot", free: "100", locked: "0", total: "100" }],
  positions: [],
  prices: {},
});
const write = (connectionId: string, ...times: string[]) =>
  h.db.transaction((tx) => materializeSnapshots(tx, times.map((t) => snap(connectionId, t))));
const gapAlert = async (connectionId: string) =>
  (await listAlerts(h.db, { ownerId, includeResolved: true })).filter((a) => a.kind === "snapshot_gap" && a.subject === connectionId);
const gapsOf = async (connectionId: string) =>
  (await listConnectionGaps(h.db, { ownerId, connectionId })).map((g) => ({
    from: g.fromAt.toISOString().slice(11, 16),
    to: g.toAt?.toISOString().slice(11, 16) ?? null,
    status: g.status,
    snapshots: g.backfilledSnapshots,
  }));

beforeAll(async () => {
  h = await openTestDb();
  ownerId = (await ensurePersonalWorkspace(h.db)).id;
  // Binance every 300 s: threshold max(3 × 5 min, 30 min) = 30 min; no history to backfill from.
  venue = (await createConnection(h.db, { ownerId, provider: "binance", label: "Binance main", syncIntervalSeconds: 300 })).id;
});
afterAll(async () => h?.close());

describe("detectSnapshotGaps on a venue without history (threshold 30 min)", () => {
  it("the first run only remembers the newest snapshot (10:05) as its check point", async () => {
    await write(venue, "10:00", "10:05");
    expect(await detectSnapshotGaps(h.db, { now: at("10:10") })).toEqual({ gaps: 0, backfilled: 0 });
  });

  it("10:05 → 11:30 is 85 min > 30 min: one open gap and one alert", async () => {
    await write(venue, "11:30", "11:35");
    expect(await detectSnapshotGaps(h.db, { now: at("11:40") })).toEqual({ gaps: 1, backfilled: 0 });
    expect(await gapsOf(venue)).toEqual([{ from: "10:05", to: "11:30", status: "open", snapshots: 0 }]);
    const [alert] = await gapAlert(venue);
    expect(alert).toMatchObject({ title: "Snapshot gap: Binance main", resolvedAt: null, occurrences: 1 });
    expect(alert!.message).toContain("2026-11-20T10:05:00.000Z – 2026-11-20T11:30:00.000Z (1.4 h)");
  });

  it("the next run finds nothing new (the check point moved to 11:35) and resolves the alert", async () => {
    expect(await detectSnapshotGaps(h.db, { now: at("11:45") })).toEqual({ gaps: 0, backfilled: 0 });
    expect((await gapAlert(venue))[0]!.resolvedAt).toEqual(at("11:45"));
    expect(await gapsOf(venue)).toHaveLength(1);
  });

  it("silent since 11:35 at 13:00: an open-ended gap; when 13:10 arrives the same row gets its end", async () => {
    expect(await detectSnapshotGaps(h.db, { now: at("13:00") })).toEqual({ gaps: 1, backfilled: 0 });
    expect((await gapsOf(venue))[0]).toEqual({ from: "11:35", to: null, status: "open", snapshots: 0 });
    await write(venue, "13:10");
    expect(await detectSnapshotGaps(h.db, { now: at("13:15") })).toEqual({ gaps: 0, backfilled: 0 });
    expect((await gapsOf(venue))[0]).toEqual({ from: "11:35", to: "13:10", status: "open", snapshots: 0 });
    const open = (await gapAlert(venue)).filter((a) => a.resolvedAt === null);
    expect(open.map((a) => a.occurrences)).toEqual([2]);
  });

  it("charts of 10:00–14:00 get both open gaps; another owner gets none", async () => {
    const gaps = await listOpenGaps(h.db, { ownerId, from: at("10:00"), to: at("14:00") });
    expect(gaps.map((g) => g.fromAt.toISOString().slice(11, 16))).toEqual(["10:05", "11:35"]);
    const stranger = await createWorkspace(h.db, { name: "S", slug: "gaps-stranger" });
    expect(await listOpenGaps(h.db, { ownerId: stranger.id, from: at("10:00"), to: at("14:00") })).toEqual([]);
  });
});

describe("detectSnapshotGaps on the demo venue (history: backfill at the 300 s interval)", () => {
  let demo: string;
  const snapshots = async () =>
    (await h.db.select({ n: count() }).from(portfolioSnapshots).where(and(eq(portfolioSnapshots.connectionId, demo))))[0]!.n;

  beforeAll(async () => {
    demo = (await createConnection(h.db, { ownerId, provider: "demo", label: "Demo", config: { seed: "gaps" } })).id;
    await backfillSnapshots(h.db, {
      ownerId,
      connectionId: demo,
      baseCurrency: "USD",
      from: at("10:00"),
      to: at("10:00"),
      stepMs: 300_000,
      connectorAt: (t) => createDemoConnector({ seed: "gaps", now: () => t }),
    });
  });

  it("silent 10:00 → 11:00 (60 min > 30 min): filled with 10:05 … 11:00 = 12 snapshots, no alert", async () => {
    await detectSnapshotGaps(h.db, { now: at("10:01") });
    expect(await detectSnapshotGaps(h.db, { now: at("11:00") })).toEqual({ gaps: 1, backfilled: 1 });
    expect(await snapshots()).toBe(1 + 12);
    expect(await gapsOf(demo)).toEqual([{ from: "10:00", to: "11:00", status: "backfilled", snapshots: 12 }]);
    expect(await gapAlert(demo)).toEqual([]);
  });

  it("a run right after finds the series whole", async () => {
    expect(await detectSnapshotGaps(h.db, { now: at("11:02") })).toEqual({ gaps: 0, backfilled: 0 });
    expect(await snapshots()).toBe(13);
  });
});
