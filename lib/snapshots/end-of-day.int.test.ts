import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { createConnection } from "@/db/queries/connections";
import { listEndOfDaySnapshots } from "@/db/queries/end-of-day";
import { createWorkspace, ensurePersonalWorkspace, saveWorkspaceSettings } from "@/db/queries/workspaces";
import { connections, portfolios } from "@/db/schema";
import { openTestDb } from "@/db/testing";
import { materializeAccounts } from "@/lib/sync/write-accounts";
import { materializeSnapshots, type CaptureParams } from "./capture";
import { cashSnapshot } from "./test-support";
import { captureEndOfDaySnapshots } from "./end-of-day";

let h: DbHandle;
let ownerId: string;
let fundId: string;
let a: string;
let b: string;
let c: string;

/** A snapshot whose equity is simply `usd` dollars of cash (or `currency`, for another owner). */
const snap = (connectionId: string, at: string, usd: string, owner = ownerId, currency = "USD") =>
  cashSnapshot({ ownerId: owner, connectionId, at, amount: usd, currency });
const write = (...items: CaptureParams[]) => h.db.transaction((tx) => materializeSnapshots(tx, items));
const closes = async (portfolioId: string | null) =>
  (await listEndOfDaySnapshots(h.db, { ownerId, portfolioId })).map((r) => ({
    day: r.day,
    equity: r.equity,
    stale: r.staleConnectionIds,
    missing: r.missingConnectionIds,
  }));

beforeAll(async () => {
  h = await openTestDb();
  ownerId = (await ensurePersonalWorkspace(h.db)).id;
  fundId = (
    await h.db.insert(portfolios).values({ ownerId, name: "Fund", dataSource: "manual", externalId: "fund-1", baseCurrency: "USD" }).returning()
  )[0]!.id;
  a = (await createConnection(h.db, { ownerId, provider: "binance", label: "A (fund)" })).id;
  b = (await createConnection(h.db, { ownerId, provider: "okx", label: "B" })).id;
  c = (await createConnection(h.db, { ownerId, provider: "okx", label: "C (paused, never synced)" })).id;
  await h.db.update(connections).set({ status: "paused" }).where(eq(connections.id, c));
  await h.db.update(connections).set({ createdAt: new Date("2026-11-01T00:00:00Z") });
  await materializeAccounts(h.db, {
    ownerId,
    connectionId: a,
    accounts: [{ accountUid: "a-spot", name: "A spot", venue: "binance", kind: "spot", portfolioExternalId: "fund-1" }],
    portfolioIds: new Map([["fund-1", fundId]]),
  });
  await materializeAccounts(h.db, { ownerId, connectionId: b, accounts: [{ accountUid: "b-spot", name: "B spot", venue: "okx", kind: "spot" }] });
});
afterAll(async () => h?.close());

describe("captureEndOfDaySnapshots", () => {
  it("at 11-21 00:05: fund = A 900 (11-19, stale) then A 1000 (11-20 23:50); owner-level 11-20 = B 200 (stale), C missing", async () => {
    await write(snap(a, "2026-11-19T12:00:00Z", "900"), snap(a, "2026-11-20T23:50:00Z", "1000"), snap(b, "2026-11-20T20:00:00Z", "200"));
    expect(await captureEndOfDaySnapshots(h.db, { now: new Date("2026-11-21T00:05:00Z") })).toBe(3);
    expect(await closes(fundId)).toEqual([
      { day: "2026-11-19", equity: "900", stale: [a], missing: [] },
      { day: "2026-11-20", equity: "1000", stale: [], missing: [] },
    ]);
    // 11-19 had only missing members in the owner-level group: no close for it.
    expect(await closes(null)).toEqual([{ day: "2026-11-20", equity: "200", stale: [b], missing: [c] }]);
  });

  it("running again writes nothing; a snapshot at exactly 11-21 00:00 does not change 11-20's close", async () => {
    await write(snap(b, "2026-11-21T00:00:00Z", "250"));
    expect(await captureEndOfDaySnapshots(h.db, { now: new Date("2026-11-21T00:30:00Z") })).toBe(0);
    expect((await closes(null)).map((r) => r.equity)).toEqual(["200"]);
  });

  it("at 11-22 00:05 each connection is carried forward: fund A 1000 (stale), owner-level B 250 (stale at 24 h)", async () => {
    expect(await captureEndOfDaySnapshots(h.db, { now: new Date("2026-11-22T00:05:00Z") })).toBe(2);
    expect((await closes(fundId)).at(-1)).toEqual({ day: "2026-11-21", equity: "1000", stale: [a], missing: [] });
    expect((await closes(null)).at(-1)).toEqual({ day: "2026-11-21", equity: "250", stale: [b], missing: [c] });
  });

  it("another owner sees none of these closes", async () => {
    const stranger = await createWorkspace(h.db, { name: "S", slug: "eod-stranger" });
    expect(await listEndOfDaySnapshots(h.db, { ownerId: stranger.id, portfolioId: null })).toEqual([]);
  });
});

describe("captureEndOfDaySnapshots in a workspace's own zone and currency", () => {
  let ws: string;
  let k1: string;
  let k2: string;
  const wsCloses = async () =>
    (await listEndOfDaySnapshots(h.db, { ownerId: ws, portfolioId: null })).map((r) => ({ day: r.day, asOf: r.asOf.toISOString(), currency: r.baseCurrency, equity: r.equity, missing: r.missingConnectionIds }));

  beforeAll(async () => {
    ws = (await createWorkspace(h.db, { name: "Mumbai desk", slug: "eod-kolkata" })).id;
    await saveWorkspaceSettings(h.db, { ownerId: ws, baseCurrency: "USD", timeZone: "Asia/Kolkata" });
    k1 = (await createConnection(h.db, { ownerId: ws, provider: "okx", label: "K1" })).id;
    k2 = (await createConnection(h.db, { ownerId: ws, provider: "okx", label: "K2" })).id;
    await h.db.update(connections).set({ createdAt: new Date("2026-11-01T00:00:00Z") }).where(eq(connections.ownerId, ws));
  });

  it("Asia/Kolkata: 25 Nov ends at 18:30Z; at 18:35Z it is closed from the 18:20Z snapshots, not the 18:40Z one", async () => {
    await write(snap(k1, "2026-11-25T18:20:00Z", "100", ws), snap(k2, "2026-11-25T18:20:00Z", "50", ws), snap(k1, "2026-11-25T18:40:00Z", "999", ws));
    await captureEndOfDaySnapshots(h.db, { now: new Date("2026-11-25T18:35:00Z") });
    expect((await wsCloses()).at(-1)).toEqual({ day: "2026-11-25", asOf: "2026-11-25T18:30:00.000Z", currency: "USD", equity: "150", missing: [] });
    // The 26th has only begun there: no close for it.
    expect((await wsCloses()).some((r) => r.day === "2026-11-26")).toBe(false);
  });

  it("after a switch to EUR, a close sums EUR snapshots only: K2 with only a USD one is missing, never mixed in", async () => {
    await saveWorkspaceSettings(h.db, { ownerId: ws, baseCurrency: "EUR", timeZone: "Asia/Kolkata" });
    await write(snap(k1, "2026-11-26T10:00:00Z", "80", ws, "EUR"));
    await captureEndOfDaySnapshots(h.db, { now: new Date("2026-11-26T18:35:00Z") });
    expect((await wsCloses()).at(-1)).toEqual({ day: "2026-11-26", asOf: "2026-11-26T18:30:00.000Z", currency: "EUR", equity: "80", missing: [k2] });
    // The 25th keeps its USD close.
    expect((await wsCloses()).find((r) => r.day === "2026-11-25")?.currency).toBe("USD");
  });
});
