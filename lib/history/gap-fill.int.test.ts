// Filling a hole in a connection's measured snapshots (the server was down for days) from
// the same reconstruction: one snapshot per local day whose end falls inside the hole,
// marked reconstructed; the gap is then shown as filled, not as a break. The story needs no
// candle: a USD workspace holding USDT (at par).
import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { getReconstructedUntil } from "@/db/queries/dashboard";
import { getHistoryStatus } from "@/db/queries/history-runs";
import { recordOpenGap } from "@/db/queries/snapshot-gaps";
import { createWorkspace } from "@/db/queries/workspaces";
import { portfolioSnapshots, snapshotGaps } from "@/db/schema";
import { openTestDb } from "@/db/testing";
import { materializeSnapshot } from "@/lib/snapshots/capture";
import { runReconstruction } from "./run-reconstruction";
import { binanceWithDeposits, noCandles } from "./test-support";

const NOW = new Date("2026-11-20T12:00:00Z");
const FIRST_SEEN = new Date("2026-11-05T12:00:00Z");
const BACK = new Date("2026-11-12T12:00:00Z");
let h: DbHandle;
let ownerId: string;
let connectionId: string;

const observe = (at: Date, usdt: string) =>
  materializeSnapshot(h.db, {
    ownerId,
    connectionId,
    capturedAt: at,
    batchId: null,
    baseCurrency: "USD",
    balances: [{ accountUid: "spot", asset: "USDT", wallet: "spot", free: usdt, locked: "0", total: usdt }],
    positions: [],
    prices: { USDT: "1" },
  });
const reconstructed = async () =>
  (
    await h.db
      .select({ at: portfolioSnapshots.capturedAt, equity: portfolioSnapshots.equity })
      .from(portfolioSnapshots)
      .where(and(eq(portfolioSnapshots.connectionId, connectionId), eq(portfolioSnapshots.reconstructed, true)))
      .orderBy(asc(portfolioSnapshots.capturedAt))
  ).map((r) => [r.at.toISOString().slice(0, 10), r.equity]);
const gapRows = () => h.db.select({ fromAt: snapshotGaps.fromAt, status: snapshotGaps.status, n: snapshotGaps.backfilledSnapshots }).from(snapshotGaps).orderBy(asc(snapshotGaps.fromAt));
const run = () => runReconstruction(h.db, { ownerId, connectionId, now: NOW, sources: () => noCandles });

beforeAll(async () => {
  h = await openTestDb();
  ownerId = (await createWorkspace(h.db, { name: "Fund", slug: "fund" })).id;
  // 1,000 USDT deposited on 1 Nov and 500 on 10 Nov; measured on 5 Nov, then nothing until 12 Nov.
  connectionId = await binanceWithDeposits(h.db, ownerId, "Binance", NOW);
  await observe(FIRST_SEEN, "1000");
  await observe(BACK, "1500");
  await observe(new Date("2026-11-19T12:00:00Z"), "1500");
  await observe(new Date("2026-11-20T11:00:00Z"), "1500");
  await recordOpenGap(h.db, { ownerId, connectionId, fromAt: FIRST_SEEN, toAt: BACK, detectedAt: BACK });
  // Two holes it must leave alone: one still open-ended, one with a measured snapshot inside (the venue's own history filled it).
  await recordOpenGap(h.db, { ownerId, connectionId, fromAt: new Date("2026-11-20T11:00:00Z"), toAt: null, detectedAt: NOW });
  await recordOpenGap(h.db, { ownerId, connectionId, fromAt: BACK, toAt: new Date("2026-11-19T12:00:00Z"), detectedAt: NOW });
  await observe(new Date("2026-11-15T12:00:00Z"), "1500");
});
afterAll(async () => h?.close());

describe("a gap between measured snapshots, filled from the history", () => {
  it("writes 1–4 Nov before the first measured snapshot, and 5–11 Nov inside the 5 Nov 12:00 → 12 Nov 12:00 gap (1,000 USDT, then 1,500 from 10 Nov)", async () => {
    const out = await run();
    expect(out?.written).toBe(11);
    expect(await reconstructed()).toEqual([
      ["2026-11-01", "1000"],
      ["2026-11-02", "1000"],
      ["2026-11-03", "1000"],
      ["2026-11-04", "1000"],
      ["2026-11-05", "1000"],
      ["2026-11-06", "1000"],
      ["2026-11-07", "1000"],
      ["2026-11-08", "1000"],
      ["2026-11-09", "1000"],
      ["2026-11-10", "1500"],
      ["2026-11-11", "1500"],
    ]);
  });

  it("marks that gap filled (7 reconstructed days), not a break; the open-ended gap and the one with a measured snapshot inside stay open", async () => {
    expect(await gapRows()).toEqual([
      { fromAt: FIRST_SEEN, status: "backfilled", n: 7 },
      { fromAt: BACK, status: "open", n: 0 },
      { fromAt: new Date("2026-11-20T11:00:00Z"), status: "open", n: 0 },
    ]);
  });

  it("records 4 days before the first measured snapshot (1–4 Nov) and 7 days in 1 gap", async () => {
    expect((await getHistoryStatus(h.db, { ownerId, connectionId, limit: 10 })).run).toMatchObject({ days: 4, firstDay: "2026-11-01", lastDay: "2026-11-04", gapDays: 7, gapsFilled: 1 });
  });

  it("the chart's mark stays where the reconstructed past ends (4 Nov, end of day), not at the filled gap", async () => {
    expect(await getReconstructedUntil(h.db, { ownerId, baseCurrency: "USD" })).toEqual(new Date("2026-11-04T23:59:59.999Z"));
  });

  it("a re-run writes the same rows and leaves the gap's count at 7", async () => {
    const before = await reconstructed();
    await run();
    expect(await reconstructed()).toEqual(before);
    expect((await gapRows())[0]).toEqual({ fromAt: FIRST_SEEN, status: "backfilled", n: 7 });
  });
});
