// When history is reconstructed without anyone asking: after a sync that reached the past
// (a connection's first sync, a backfill), and nightly for every connection with a price
// source. The fixture needs no candle: a USD workspace values USDT (and USDC) at par, so a
// connection whose story is USDT deposits reconstructs from its flows alone, and any candle
// read fails the test.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { getHistoryStatus } from "@/db/queries/history-runs";
import { createWorkspace } from "@/db/queries/workspaces";
import { portfolioSnapshots, tradingAccounts } from "@/db/schema";
import { openTestDb } from "@/db/testing";
import { materializeSnapshot } from "@/lib/snapshots/capture";
import { insertTestFlow, testConnectionWithAccount } from "@/lib/snapshots/test-support";
import type { HistorySources } from "./reconstruct-connection";
import { reconstructAfterSync, reconstructEveryConnection } from "./reconstruct-when";
import { binanceWithDeposits, candleReads, noCandles } from "./test-support";

const sourcesFor = () => noCandles;

const NOW = new Date("2026-11-20T12:00:00Z");
let h: DbHandle;
let ownerId: string;
let otherOwner: string;
let binance: string;
let demo: string;

const reconstructedDays = async (connectionId: string) =>
  (await h.db.select({ id: portfolioSnapshots.id }).from(portfolioSnapshots).where(and(eq(portfolioSnapshots.connectionId, connectionId), eq(portfolioSnapshots.reconstructed, true)))).length;
const statusOf = (connectionId: string, owner = ownerId) => getHistoryStatus(h.db, { ownerId: owner, connectionId, limit: 50 });

beforeAll(async () => {
  h = await openTestDb();
  ownerId = (await createWorkspace(h.db, { name: "Fund", slug: "fund" })).id;
  otherOwner = (await createWorkspace(h.db, { name: "Other", slug: "other" })).id;
  // 200 USDC held that no deposit or fill explains: an "opening" residual on the first day.
  binance = await binanceWithDeposits(h.db, ownerId, "Binance", NOW, [{ asset: "USDC", total: "200" }]);
  demo = (await testConnectionWithAccount(h.db, { ownerId, label: "Demo" })).id;
});
afterAll(async () => h?.close());

describe("reconstructAfterSync", () => {
  it("after a first sync that stored deposits from 1 Nov (nothing observed yet): 1 Nov to 19 Nov reconstructed (19 local days before today), no candle read", async () => {
    const r = await reconstructAfterSync(h.db, { ownerId, connectionId: binance, earliestNewAt: new Date("2026-11-01T09:00:00Z"), now: NOW, sourcesFor });
    expect(r).toEqual({ done: true, written: 19, residuals: 1 });
    expect(await reconstructedDays(binance)).toBe(19);
    expect(candleReads()).toBe(0);
  });

  it("records the run and its residual: 19 days, 1 Nov to 19 Nov; +200 USDC opening on 1 Nov, worth 200 USD at par", async () => {
    const s = await statusOf(binance);
    expect(s.run).toMatchObject({ outcome: "succeeded", ranAt: NOW, succeededAt: NOW, days: 19, firstDay: "2026-11-01", lastDay: "2026-11-19", error: null });
    expect(s.residualCount).toBe(1);
    expect(s.residuals).toEqual([
      expect.objectContaining({ day: "2026-11-01", at: "start", kind: "opening", asset: "USDC", quantity: "200", valueBase: "200", baseCurrency: "USD", ownerId, connectionId: binance }),
    ]);
    // Another workspace sees none of it.
    expect(await statusOf(binance, otherOwner)).toEqual({ run: null, residuals: [], residualCount: 0 });
  });

  it("does nothing after a run that stored only the present (at or after the first observed snapshot), or nothing new", async () => {
    await materializeSnapshot(h.db, { ownerId, connectionId: binance, capturedAt: NOW, batchId: null, baseCurrency: "USD", balances: [], positions: [], prices: {} });
    const later = { ownerId, connectionId: binance, now: NOW, sourcesFor };
    expect(await reconstructAfterSync(h.db, { ...later, earliestNewAt: new Date(NOW.getTime() + 60_000) })).toEqual({ done: false, reason: "nothing-older" });
    expect(await reconstructAfterSync(h.db, { ...later, earliestNewAt: NOW })).toEqual({ done: false, reason: "nothing-older" });
    expect(await reconstructAfterSync(h.db, { ...later, earliestNewAt: null })).toEqual({ done: false, reason: "nothing-older" });
  });

  it("after a backfill (a deposit of 25 Oct read by a later run): 26 days, 25 Oct to 19 Nov", async () => {
    const [acct] = await h.db.select({ id: tradingAccounts.id }).from(tradingAccounts).where(eq(tradingAccounts.connectionId, binance));
    await insertTestFlow(h.db, { ownerId, id: binance, accountId: acct!.id }, { kind: "deposit", at: "2026-10-25T09:00:00Z", amount: "100", asset: "USDT", value: "100" });
    await insertTestFlow(h.db, { ownerId, id: binance, accountId: acct!.id }, { kind: "withdrawal", at: "2026-10-26T09:00:00Z", amount: "100", asset: "USDT", value: "100" });
    const r = await reconstructAfterSync(h.db, { ownerId, connectionId: binance, earliestNewAt: new Date("2026-10-25T09:00:00Z"), now: NOW, sourcesFor });
    expect(r).toEqual({ done: true, written: 26, residuals: 1 });
    expect(await reconstructedDays(binance)).toBe(26);
    expect((await statusOf(binance)).run).toMatchObject({ days: 26, firstDay: "2026-10-25", lastDay: "2026-11-19" });
    // The unexplained USDC now opens the longer history.
    expect((await statusOf(binance)).residuals.map((x) => [x.day, x.asset, x.quantity])).toEqual([["2026-10-25", "USDC", "200"]]);
  });

  it("does nothing for a venue with no price source; another workspace's connection is refused, logged, and nothing is written or recorded", async () => {
    const older = new Date("2026-01-01T00:00:00Z");
    expect(await reconstructAfterSync(h.db, { ownerId, connectionId: demo, earliestNewAt: older, now: NOW, sourcesFor })).toEqual({ done: false, reason: "no-price-source" });
    expect(await reconstructAfterSync(h.db, { ownerId: otherOwner, connectionId: binance, earliestNewAt: older, now: NOW, sourcesFor })).toEqual({ done: false, reason: "failed" });
    expect((await statusOf(binance)).run).toMatchObject({ outcome: "succeeded", days: 26 });
  });
});

describe("reconstructEveryConnection (the nightly run)", () => {
  it("rewrites every price-sourced connection of every workspace, the same 19 days again (idempotent); demo connections are not touched", async () => {
    const theirs = await binanceWithDeposits(h.db, otherOwner, "Their Binance", NOW);
    const r = await reconstructEveryConnection(h.db, { now: NOW, sourcesFor });
    expect(r).toEqual({ workspaces: 2, connections: 2, reconstructed: 2, nothingToDo: 0, failed: 0 });
    // Ours reaches 25 Oct (the backfilled deposit above); theirs starts 1 Nov.
    expect([await reconstructedDays(binance), await reconstructedDays(theirs), await reconstructedDays(demo)]).toEqual([26, 19, 0]);
  });

  it("the next night writes no day on or after the first observed snapshot (20 Nov 12:00): still 26 days; theirs (none observed) adds 20 Nov", async () => {
    const r = await reconstructEveryConnection(h.db, { now: new Date("2026-11-21T00:40:00Z"), sourcesFor });
    expect(r.reconstructed).toBe(2);
    expect(await reconstructedDays(binance)).toBe(26);
    const theirs = (await h.db.select({ id: portfolioSnapshots.connectionId }).from(portfolioSnapshots).where(eq(portfolioSnapshots.ownerId, otherOwner)))[0]!.id;
    expect(await reconstructedDays(theirs)).toBe(20);
  });

  it("one connection failing (its price source is down) is counted; the others still run", async () => {
    const failing = (provider: string): HistorySources => {
      if (provider === "binance") throw new Error("candle source unreachable");
      return noCandles;
    };
    const r = await reconstructEveryConnection(h.db, { now: NOW, sourcesFor: failing });
    expect(r).toEqual({ workspaces: 2, connections: 2, reconstructed: 0, nothingToDo: 0, failed: 2 });
    // The previous good history stays, and its residuals; the run says when and why it failed.
    expect(await reconstructedDays(binance)).toBe(26);
    const s = await statusOf(binance);
    expect(s.run).toMatchObject({ outcome: "failed", ranAt: NOW, error: "candle source unreachable", days: 26, firstDay: "2026-10-25", succeededAt: new Date("2026-11-21T00:40:00Z") });
    expect(s.residualCount).toBe(1);
  });
});

describe("income and fees outside trades", () => {
  it("10 USDT interest on 5 Nov and a 2 USDT fee on 6 Nov move the holdings (1,000 → 1,010 → 1,008; 1,508 from 10 Nov) with no residual", async () => {
    const owner = (await createWorkspace(h.db, { name: "Earn", slug: "earn" })).id;
    // Held today: 1,500 deposited + 10 interest − 2 fee.
    const earn = await binanceWithDeposits(h.db, owner, "Binance earn", NOW, [{ asset: "USDT", total: "8" }]);
    const [acct] = await h.db.select({ id: tradingAccounts.id }).from(tradingAccounts).where(eq(tradingAccounts.connectionId, earn));
    const c = { ownerId: owner, id: earn, accountId: acct!.id };
    await insertTestFlow(h.db, c, { kind: "income", incomeKind: "interest", at: "2026-11-05T08:00:00Z", amount: "10", asset: "USDT", value: "10" });
    await insertTestFlow(h.db, c, { kind: "fee", at: "2026-11-06T08:00:00Z", amount: "2", asset: "USDT", value: "2" });
    const r = await reconstructAfterSync(h.db, { ownerId: owner, connectionId: earn, earliestNewAt: new Date("2026-11-01T09:00:00Z"), now: NOW, sourcesFor });
    expect(r).toEqual({ done: true, written: 19, residuals: 0 });
    const equity = await h.db
      .select({ at: portfolioSnapshots.capturedAt, equity: portfolioSnapshots.equity })
      .from(portfolioSnapshots)
      .where(eq(portfolioSnapshots.connectionId, earn))
      .orderBy(portfolioSnapshots.capturedAt);
    const on = (d: string) => equity.find((e) => e.at.toISOString().startsWith(d))?.equity;
    expect([on("2026-11-04"), on("2026-11-05"), on("2026-11-06"), on("2026-11-10")]).toEqual(["1000", "1010", "1008", "1508"]);
  });
});
