import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { ensurePersonalWorkspace } from "@/db/queries/workspaces";
import { connections, fills, orderEvents, portfolioSnapshots, syncBatches } from "@/db/schema";
import { openTestDb } from "@/db/testing";
import { loadEquitySeries, loadHoldings, loadSummary } from "@/lib/read-models/dashboard-data";
import { equitySeriesSchema, holdingsSchema, summarySchema } from "@/lib/read-models/dashboard-schemas";
import { D, sum } from "@/lib/money/decimal";
import { demoReplayInstants } from "@/lib/connectors/demo";
import { DEMO_HISTORY_DAYS, DEMO_SEED, ensureDemoPortfolio } from "./demo-seed";

const NOW = new Date("2026-11-20T10:30:00Z");
/** The Personal workspace as created: USD, UTC. */
const USD_UTC = { baseCurrency: "USD", timeZone: "UTC" };
let h: DbHandle;
let ownerId: string;
let connectionId: string;
const REPLAY = demoReplayInstants(DEMO_SEED, NOW.getTime() - 90 * 60_000);

beforeAll(async () => {
  h = await openTestDb();
  ownerId = (await ensurePersonalWorkspace(h.db)).id;
  connectionId = (await ensureDemoPortfolio(h.db, { ownerId, now: () => NOW }))!;
}, 120_000);
afterAll(async () => h?.close());

const snapshotCount = async () =>
  (await h.db.select({ n: count() }).from(portfolioSnapshots).where(eq(portfolioSnapshots.connectionId, connectionId)))[0]!.n;

describe("first start with the demo venue", () => {
  it("backfills 90 days of hourly snapshots (90 × 24 + 1 = 2161) and adds each startup sync's own", async () => {
    const batches = await h.db.select().from(syncBatches).where(eq(syncBatches.connectionId, connectionId));
    // Three syncs replay one amended order's life (placed, amended, filled), then the sync at now.
    expect(REPLAY.map((d) => d.toISOString())).toEqual(["2026-11-19T14:04:01.000Z", "2026-11-19T14:14:01.000Z", "2026-11-19T14:24:01.000Z"]);
    expect(batches).toHaveLength(REPLAY.length + 1);
    expect(batches.every((b) => b.status === "succeeded" && b.trigger === "startup")).toBe(true);
    expect(await snapshotCount()).toBe(DEMO_HISTORY_DAYS * 24 + 1 + REPLAY.length + 1);
  });

  it("one order's timeline is seen across syncs: placed, quantity added, then done", async () => {
    const events = await h.db.select().from(orderEvents).where(eq(orderEvents.type, "QUANTITY_ADDED"));
    expect(events).toHaveLength(1);
    const life = await h.db.select().from(orderEvents).where(eq(orderEvents.orderId, events[0]!.orderId)).orderBy(orderEvents.seq);
    expect(life[0]!.type).toBe("ORDER_PLACED");
    expect(life[0]!.statusAfter).toBe("open");
    expect(life.map((e) => e.type)).toContain("QUANTITY_ADDED");
    expect(["filled", "cancelled"]).toContain(life[life.length - 1]!.statusAfter);
    expect(new D(life[1]!.quantityAfter).gt(life[0]!.quantityAfter)).toBe(true);
  });

  it("the first sync reads 90 days of orders and fills, not only the default week", async () => {
    const [fillRows] = await h.db.select({ n: count() }).from(fills);
    const [eventRows] = await h.db.select({ n: count() }).from(orderEvents);
    // 3 bots × 4 pairs (8 orders) a day × 90 days, plus 13 weekly DCA bids, each placed
    // once — counted from 90 days before the first startup sync, 20.4 h before now, which
    // adds 22 orders; plus the changes of orders open at one startup sync and changed by the
    // next (5: quantity added, filled quantity, statuses). A filled order has 1–3 fills.
    const placed = await h.db.select({ n: count() }).from(orderEvents).where(eq(orderEvents.type, "ORDER_PLACED"));
    expect(placed[0]!.n).toBe(3 * 8 * 90 + 13 + 22);
    expect(eventRows!.n).toBe(3 * 8 * 90 + 13 + 22 + 5);
    expect(fillRows!.n).toBe(4115);
  });

  it("runs once: a second start adds no connection and no snapshot", async () => {
    const before = await snapshotCount();
    expect(await ensureDemoPortfolio(h.db, { ownerId, now: () => NOW })).toBeNull();
    expect(await h.db.select().from(connections)).toHaveLength(1);
    expect(await snapshotCount()).toBe(before);
  });

  it("summary: equity is the latest snapshot's, and day change = now − 24 h ago", async () => {
    const summary = summarySchema.parse(await loadSummary(h.db, { ownerId, now: NOW, baseCurrency: "USD" }));
    const rows = await h.db.select().from(portfolioSnapshots).where(eq(portfolioSnapshots.connectionId, connectionId));
    const latest = rows.reduce((a, b) => (a.capturedAt > b.capturedAt ? a : b));
    const dayAgo = rows.find((r) => r.capturedAt.getTime() === NOW.getTime() - 86_400_000 - 30 * 60_000)!;
    expect(summary.equity).toBe(new D(latest.equity).toFixed());
    expect(summary.asOf).toBe(NOW.toISOString());
    expect(summary.dayChange).toBe(new D(latest.equity).minus(dayAgo.equity).toFixed());
    expect(new D(summary.equity!).eq(sum([summary.spotValue!, summary.fundingValue!, summary.futuresWalletBalance!, summary.unrealizedPnl!]))).toBe(true);
    expect(summary.connections).toEqual([expect.objectContaining({ provider: "demo", isDemo: true, lastError: null })]);
  });

  it("equity series: 30 days of hourly roll-ups is 30 × 24 + 1 = 721 points, the last equal to the current equity", async () => {
    const series = equitySeriesSchema.parse(await loadEquitySeries(h.db, { ownerId, range: "30d", now: NOW, ...USD_UTC }));
    expect(series.bucket).toBe("1h");
    expect(series.points).toHaveLength(721);
    expect(series.points.every((p) => p.equity !== null)).toBe(true);
    const summary = await loadSummary(h.db, { ownerId, now: NOW, baseCurrency: "USD" });
    expect(series.points.at(-1)!.equity).toBe(summary.equity);
    const all = await loadEquitySeries(h.db, { ownerId, range: "all", now: NOW, ...USD_UTC });
    expect(all.points).toHaveLength(91);
  });

  it("holdings: allocation weights are value / equity, positions are the two perps", async () => {
    const holdings = holdingsSchema.parse(await loadHoldings(h.db, { ownerId, baseCurrency: "USD" }));
    const summary = await loadSummary(h.db, { ownerId, now: NOW, baseCurrency: "USD" });
    expect(holdings.allocation.map((a) => a.asset).sort()).toEqual(["BNB", "BTC", "ETH", "LINK", "SOL", "USDC", "USDT"]);
    for (const a of holdings.allocation) {
      expect(a.weight).toBe(new D(a.value).div(summary.equity!).toDecimalPlaces(8).toFixed());
    }
    expect(holdings.positions.map((p) => p.symbol).sort()).toEqual(["BTC/USDT:USDT", "ETH/USDT:USDT"]);
  });
});
