import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { createConnection } from "@/db/queries/connections";
import { createWorkspace } from "@/db/queries/workspaces";
import { fills, syncBatches, tradingAccounts, workspaces } from "@/db/schema";
import { openTestDb } from "@/db/testing";
import { eq } from "drizzle-orm";
import { calmarRatio, omegaRatio, sharpeRatio, sortinoRatio, tailRatio, valueAtRisk } from "@/lib/engines/performance";
import { UnitLedger } from "@/lib/engines/performance/testing/unit-ledger";
import { parsePerformanceRange } from "./performance-range";
import { loadPerformanceSummary } from "./performance-summary-data";
import { performanceSummarySchema } from "./performance-summary-schemas";
import { insertUnitisedSeries } from "./testing/unitised-rows";

const ZONE = "UTC";
const NOW = new Date("2026-03-10T20:00:00Z");

// 1,000 opens on 1 March (NAV 1); +10 % on the 2nd (1,100), −10 % on the 3rd (990); on the 4th
// 1,000 is deposited and the rest gains 10 % (1,089 + 1,000 = 2,089); +5 % on the 5th
// (2,193.45); flat on the 6th. Daily NAV-per-unit returns: 0 (the opening day), 0.1, −0.1, 0.1, 0.05, 0.
const ledger = new UnitLedger()
  .open("2026-03-01T12:00:00Z", "1000")
  .snapshot("2026-03-02T12:00:00Z", "1100")
  .snapshot("2026-03-03T12:00:00Z", "990")
  .snapshot("2026-03-04T12:00:00Z", "2089", "1000")
  .snapshot("2026-03-05T12:00:00Z", "2193.45")
  .snapshot("2026-03-06T12:00:00Z", "2193.45");

let h: DbHandle;
let ownerId: string;
let otherId: string;
let emptyId: string;

async function seedFills(owner: string, rows: Array<{ symbol: string; side: "buy" | "sell"; price: string; quantity?: string; fee?: string; strategy?: string | null; at: string }>) {
  const { id: connectionId } = await createConnection(h.db, { ownerId: owner, provider: "demo", label: "Venue" });
  const [account] = await h.db
    .insert(tradingAccounts)
    .values({ ownerId: owner, connectionId, accountUid: "main", name: "Main", venue: "demo", kind: "spot" })
    .returning({ id: tradingAccounts.id });
  const [batch] = await h.db.insert(syncBatches).values({ ownerId: owner, connectionId, trigger: "manual", status: "succeeded", startedAt: NOW }).returning();
  await h.db.insert(fills).values(
    rows.map((r, i) => ({
      ownerId: owner,
      accountId: account!.id,
      venueFillId: `f${i}`,
      venueOrderId: `o${i}`,
      strategy: r.strategy ?? null,
      symbol: r.symbol,
      side: r.side,
      price: r.price,
      quantity: r.quantity ?? "1",
      fee: r.fee ?? "0",
      feeCurrency: "USD",
      executedAt: new Date(r.at),
      syncBatchId: batch!.id,
    })),
  );
}

beforeAll(async () => {
  h = await openTestDb();
  ownerId = (await createWorkspace(h.db, { name: "Fund", slug: "fund" })).id;
  otherId = (await createWorkspace(h.db, { name: "Other", slug: "other" })).id;
  emptyId = (await createWorkspace(h.db, { name: "Empty", slug: "empty" })).id;
  await h.db.update(workspaces).set({ riskFreeRate: "0.05" }).where(eq(workspaces.id, ownerId));
  await insertUnitisedSeries(h.db, { ownerId, points: ledger.points, issues: ledger.issues, buckets: ["1d"], timeZone: ZONE });
  // The other workspace doubles every day: none of it may show in the fund's numbers.
  const theirs = new UnitLedger().open("2026-03-01T12:00:00Z", "1").snapshot("2026-03-05T12:00:00Z", "16");
  await insertUnitisedSeries(h.db, { ownerId: otherId, points: theirs.points, issues: theirs.issues, buckets: ["1d"], timeZone: ZONE });

  // Round trips: +10 (trend, closed 2 Mar: before the custom range), +30 (trend, opened 2 Mar,
  // closed 4 Mar: inside), −10 − 1 fee = −11 (carry, 4–5 Mar), +2 (untagged, 5–6 Mar); one fill
  // of an inverse contract whose size no fill says.
  await seedFills(ownerId, [
    { symbol: "A/USD", side: "buy", price: "100", strategy: "trend", at: "2026-03-01T13:00:00Z" },
    { symbol: "A/USD", side: "sell", price: "110", strategy: "trend", at: "2026-03-02T10:00:00Z" },
    { symbol: "A/USD", side: "buy", price: "100", strategy: "trend", at: "2026-03-02T13:00:00Z" },
    { symbol: "A/USD", side: "sell", price: "130", strategy: "trend", at: "2026-03-04T10:00:00Z" },
    { symbol: "B/USD", side: "buy", price: "50", quantity: "2", strategy: "carry", at: "2026-03-04T11:00:00Z" },
    { symbol: "B/USD", side: "sell", price: "45", quantity: "2", fee: "1", strategy: "carry", at: "2026-03-05T10:00:00Z" },
    { symbol: "B/USD", side: "buy", price: "10", at: "2026-03-05T11:00:00Z" },
    { symbol: "B/USD", side: "sell", price: "12", at: "2026-03-06T10:00:00Z" },
    { symbol: "BTC/USD:BTC", side: "buy", price: "50000", quantity: "100", at: "2026-03-05T12:00:00Z" },
  ]);
  await seedFills(otherId, [
    { symbol: "A/USD", side: "buy", price: "100", strategy: "trend", at: "2026-03-04T10:00:00Z" },
    { symbol: "A/USD", side: "sell", price: "1100", strategy: "trend", at: "2026-03-05T10:00:00Z" },
  ]);
});
afterAll(async () => h?.close());

async function load(owner: string, query: Record<string, string>) {
  const range = parsePerformanceRange(new URLSearchParams(query), { now: NOW, timeZone: ZONE });
  if (!range.success) throw range.error;
  const view = performanceSummarySchema.parse(await loadPerformanceSummary(h.db, { ownerId: owner, baseCurrency: "USD", timeZone: ZONE, range: range.data }));
  // The whole workspace always has its metrics table (null only for a portfolio selection).
  return { ...view, metrics: view.metrics! };
}

const CUSTOM = { range: "custom", from: "2026-03-02", to: "2026-03-06" };
const RETURNS = [0.1, -0.1, 0.1, 0.05, 0];

describe("the metrics table over 2–6 March: returns 0.1, −0.1, 0.1, 0.05, 0 from NAV per unit", () => {
  it("TWR = 1.1 × 0.9 × 1.1 × 1.05 − 1 = 0.14345, not the 119 % equity rise: the 1,000 deposit is excluded; PnL 2,193.45 − 1,000 − 1,000 = 193.45", async () => {
    const { metrics } = await load(ownerId, CUSTOM);
    expect(metrics).toMatchObject({ state: "ok", returns: 5, firstReturnAt: "2026-03-02T12:00:00.000Z", lastReturnAt: "2026-03-06T12:00:00.000Z" });
    expect(metrics.twr).toBeCloseTo(0.14345, 12);
    expect([metrics.netFlows, metrics.pnl]).toEqual(["1000", "193.45"]);
    // MWR is an annual rate: ~10 % in five days compounds past the solver's bracket (100 = 10,000 % a year), so it is undefined, never a made-up number.
    expect(metrics.mwr).toBeNull();
  });

  it("Sharpe and Sortino with the workspace's 5 % a year equal the engine's with { annual: 0.05 }, and differ from a rate of 0", async () => {
    const { metrics } = await load(ownerId, CUSTOM);
    const engine = sharpeRatio(RETURNS, { riskFree: { annual: 0.05 }, periodsPerYear: 365 });
    const sortino = sortinoRatio(RETURNS, { requiredReturn: { annual: 0.05 }, periodsPerYear: 365 });
    expect(engine.ok && sortino.ok).toBe(true);
    expect(metrics.sharpeRatio).toBe(engine.ok ? engine.value : NaN);
    expect(metrics.sortinoRatio).toBe(sortino.ok ? sortino.value : NaN);
    expect(metrics.sharpeRatio).not.toBe(sharpeRatio(RETURNS, { periodsPerYear: 365 }));
    // By hand: rf per day = 1.05^(1/365) − 1; mean excess = 0.03 − rf; sample std of the returns (shift-free) = √(0.0275 / 4 − …).
    const rf = Math.pow(1.05, 1 / 365) - 1;
    const mean = 0.03;
    const std = Math.sqrt(RETURNS.reduce((s, r) => s + (r - mean) ** 2, 0) / 4);
    expect(metrics.sharpeRatio).toBeCloseTo(((mean - rf) / std) * Math.sqrt(365), 9);
    expect(metrics.sharpeRatio).toBeCloseTo(6.8199, 4); // docs/metrics.md, "The risk-free rate setting"
    expect(metrics.riskFreeRate).toBe("0.05");
    expect(metrics.methods.sharpeRatio!.text).toContain("5 % a year");
  });

  it("max drawdown −10 %: peak 2 March (1.1), trough 3 March (0.99), recovered 5 March (1.14345 ≥ 1.1)", async () => {
    const { metrics } = await load(ownerId, CUSTOM);
    expect(metrics.maxDrawdown.depth).toBeCloseTo(-0.1, 12);
    expect(metrics.maxDrawdown).toMatchObject({ peakAt: "2026-03-02T12:00:00.000Z", troughAt: "2026-03-03T12:00:00.000Z", recoveryAt: "2026-03-05T12:00:00.000Z" });
  });

  it("Calmar, Omega (threshold the same 5 % a year), VaR 95 %, tail ratio are the engine's; best day +10 % on 2 March, worst −10 % on 3 March, 3 of 5 days positive", async () => {
    const { metrics } = await load(ownerId, CUSTOM);
    expect(metrics.calmarRatio).toBe(calmarRatio(RETURNS, { periodsPerYear: 365 }));
    expect(metrics.omegaRatio).toBe(omegaRatio(RETURNS, { requiredReturn: 0.05, periodsPerYear: 365 }));
    expect(metrics.valueAtRisk95).toBe(valueAtRisk(RETURNS, { cutoff: 0.05 }));
    expect(metrics.tailRatio).toBe(tailRatio(RETURNS));
    expect(metrics.bestDay).toEqual({ at: "2026-03-02T12:00:00.000Z", value: 0.1 });
    expect(metrics.worstDay).toEqual({ at: "2026-03-03T12:00:00.000Z", value: -0.1 });
    expect(metrics.positiveDays).toBe(0.6);
  });

  it("7D (4–10 March) starts from 3 March's 990: TWR 1.1 × 1.05 − 1 = 0.155, PnL 2,193.45 − 990 − 1,000 = 203.45; no drawdown", async () => {
    const { metrics, range } = await load(ownerId, { range: "7d" });
    expect(range.fromDay).toBe("2026-03-04");
    expect(metrics.returns).toBe(3);
    expect(metrics.twr).toBeCloseTo(0.155, 12);
    expect([metrics.netFlows, metrics.pnl]).toEqual(["1000", "203.45"]);
    expect(metrics.maxDrawdown).toEqual({ depth: 0, peakAt: null, troughAt: null, recoveryAt: null });
    expect(metrics.calmarRatio).toBeNull();
  });

  it("a range with no return (custom 8–9 March) says so; a workspace with no snapshot is empty", async () => {
    expect((await load(ownerId, { range: "custom", from: "2026-03-08", to: "2026-03-09" })).metrics).toMatchObject({ state: "no_returns", returns: 0, twr: null, sharpeRatio: null });
    expect((await load(emptyId, { range: "all" })).metrics).toMatchObject({ state: "empty", returns: 0, riskFreeRate: "0" });
  });

  it("scoping: the other workspace's series (×16) never enters the fund's; its own TWR is 15", async () => {
    const theirs = await load(otherId, { range: "all" });
    expect(theirs.metrics.twr).toBeCloseTo(15, 12);
    expect((await load(ownerId, { range: "all" })).metrics.twr).toBeCloseTo(0.14345, 12);
  });
});

describe("trade statistics over 2–6 March (FIFO, USD)", () => {
  it("3 round trips closed inside: +30 (opened before the range), −11, +2 → win rate 2/3, profit factor 32 / 11, expectancy 7, largest +30 and −11, fees 1", async () => {
    const { trades } = await load(ownerId, { range: "custom", from: "2026-03-03", to: "2026-03-06" });
    expect(trades.overall).toMatchObject({
      currency: "USD",
      trades: 3,
      winners: 2,
      losers: 1,
      expectancy: "7",
      averageWin: "16",
      averageLoss: "11",
      largestWin: "30",
      largestLoss: "-11",
      realizedPnl: "21",
      fees: "1",
      profitFactorInfinite: false,
    });
    expect(trades.overall.winRate).toBeCloseTo(2 / 3, 15);
    expect(trades.overall.profitFactor).toBeCloseTo(32 / 11, 12);
    expect(trades.fillsInRange).toBe(6);
  });

  it("by strategy: trend +30 (its +10 closed before the range is not counted), carry −11, untagged +2; by symbol A/USD +30, B/USD −9", async () => {
    const { trades } = await load(ownerId, { range: "custom", from: "2026-03-03", to: "2026-03-06" });
    expect(trades.byStrategy.map((s) => [s.key, s.trades, s.realizedPnl])).toEqual([
      ["carry", 1, "-11"],
      ["trend", 1, "30"],
      ["untagged", 1, "2"],
    ]);
    expect(trades.bySymbol.map((s) => [s.key, s.trades, s.realizedPnl, s.largestWin, s.largestLoss])).toEqual([
      ["A/USD", 1, "30", "30", null],
      ["B/USD", 2, "-9", "2", "-11"],
    ]);
    expect(trades.bySettlement).toEqual([expect.objectContaining({ key: "USD", inverse: false, realizedPnl: "21" })]);
  });

  it("the inverse contract without a contract size is listed with its reason, left out of every figure", async () => {
    const { trades } = await load(ownerId, { range: "all" });
    expect(trades.unpricedSymbols).toEqual([{ symbol: "BTC/USD:BTC", reason: expect.stringMatching(/contract size/i), fills: 1 }]);
    // All of it: +10 +30 −11 +2.
    expect(trades.overall).toMatchObject({ trades: 4, realizedPnl: "31" });
  });

  it("scoping: the other workspace's +1,000 trip is only in its own statistics", async () => {
    expect((await load(otherId, { range: "all" })).trades.overall).toMatchObject({ trades: 1, realizedPnl: "1000" });
    expect((await load(emptyId, { range: "all" })).trades.overall).toMatchObject({ trades: 0, realizedPnl: "0" });
  });
});
