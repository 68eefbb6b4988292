// When history is reconstructed without anyone asking: after a connection's first sync, and
// nightly for every connection with a price source. The fixture needs no candle: a USD
// workspace values USDT at par, so a connection whose story is USDT deposits reconstructs
// from its flows alone, and any candle read fails the test.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { createWorkspace } from "@/db/queries/workspaces";
import { portfolioSnapshots, syncBatches } from "@/db/schema";
import { openTestDb } from "@/db/testing";
import { testConnectionWithAccount } from "@/lib/snapshots/test-support";
import type { HistorySources } from "./reconstruct-connection";
import { reconstructAfterFirstSync, reconstructEveryConnection } from "./reconstruct-when";
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

beforeAll(async () => {
  h = await openTestDb();
  ownerId = (await createWorkspace(h.db, { name: "Fund", slug: "fund" })).id;
  otherOwner = (await createWorkspace(h.db, { name: "Other", slug: "other" })).id;
  binance = await binanceWithDeposits(h.db, ownerId, "Binance", NOW);
  demo = (await testConnectionWithAccount(h.db, { ownerId, label: "Demo" })).id;
});
afterAll(async () => h?.close());

describe("reconstructAfterFirstSync", () => {
  it("after the first saved run: 1 Nov to 19 Nov reconstructed (19 local days before today), from the deposits alone, no candle read", async () => {
    const r = await reconstructAfterFirstSync(h.db, { ownerId, connectionId: binance, now: NOW, sourcesFor });
    expect(r).toEqual({ done: true, written: 19, residuals: 0 });
    expect(await reconstructedDays(binance)).toBe(19);
    expect(candleReads()).toBe(0);
  });

  it("does nothing after a later run, for a venue with no price source, or for another workspace's connection", async () => {
    await h.db.insert(syncBatches).values({ ownerId, connectionId: binance, trigger: "cron", status: "partial", startedAt: NOW });
    expect(await reconstructAfterFirstSync(h.db, { ownerId, connectionId: binance, now: NOW, sourcesFor })).toEqual({ done: false, reason: "not-first-sync" });
    expect(await reconstructAfterFirstSync(h.db, { ownerId, connectionId: demo, now: NOW, sourcesFor })).toEqual({ done: false, reason: "no-price-source" });
    // Another workspace's id is not found in this one: refused, logged, nothing written.
    expect(await reconstructAfterFirstSync(h.db, { ownerId: otherOwner, connectionId: binance, now: NOW, sourcesFor })).toEqual({ done: false, reason: "failed" });
  });
});

describe("reconstructEveryConnection (the nightly run)", () => {
  it("rewrites every price-sourced connection of every workspace, the same 19 days again (idempotent); demo connections are not touched", async () => {
    const theirs = await binanceWithDeposits(h.db, otherOwner, "Their Binance", NOW);
    const r = await reconstructEveryConnection(h.db, { now: NOW, sourcesFor });
    expect(r).toEqual({ workspaces: 2, connections: 2, reconstructed: 2, nothingToDo: 0, failed: 0 });
    expect([await reconstructedDays(binance), await reconstructedDays(theirs), await reconstructedDays(demo)]).toEqual([19, 19, 0]);
  });

  it("the next night adds the day that closed: 20 days on 21 Nov", async () => {
    const r = await reconstructEveryConnection(h.db, { now: new Date("2026-11-21T00:40:00Z"), sourcesFor });
    expect(r.reconstructed).toBe(2);
    expect(await reconstructedDays(binance)).toBe(20);
  });

  it("one connection failing (its price source is down) is counted; the others still run", async () => {
    const failing = (provider: string): HistorySources => {
      if (provider === "binance") throw new Error("candle source unreachable");
      return noCandles;
    };
    const r = await reconstructEveryConnection(h.db, { now: NOW, sourcesFor: failing });
    expect(r).toEqual({ workspaces: 2, connections: 2, reconstructed: 0, nothingToDo: 0, failed: 2 });
    // The previous good history stays.
    expect(await reconstructedDays(binance)).toBe(20);
  });
});
