// /performance for a connection or portfolio selection: the metrics table and the charts on
// the daily series of its whole connections (end-of-day closes + their accounts' flows),
// by the same engine as the workspace's roll-ups. Two connections, one with a deposit.
import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { createWorkspace } from "@/db/queries/workspaces";
import { readCountedFlows } from "@/db/queries/cash-flows";
import { readSelectionFlows } from "@/db/queries/selection-daily";
import { cashFlowMatches, connections, workspaces } from "@/db/schema";
import { openTestDb } from "@/db/testing";
import { sharpeRatio, unitisedReturns } from "@/lib/engines/performance";
import { UnitLedger } from "@/lib/engines/performance/testing/unit-ledger";
import { createManualGroup } from "@/lib/portfolios/manual-groups";
import { resolvePortfolio, WHOLE_WORKSPACE } from "@/lib/portfolios/resolve";
import { materializeSnapshots } from "@/lib/snapshots/capture";
import { captureEndOfDaySnapshots } from "@/lib/snapshots/end-of-day";
import { cashSnapshot, insertTestFlow, testConnectionWithAccount } from "@/lib/snapshots/test-support";
import { parsePerformanceRange } from "./performance-range";
import { loadPerformanceSeries } from "./performance-series-data";
import { loadPerformanceSummary } from "./performance-summary-data";

const ZONE = "UTC";
const NOW = new Date("2026-03-06T10:00:00Z");
const DAYS = ["2026-03-01", "2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05"];
// A: 1,000 → +10 % → −10 % → +10 % on 990 and a 1,000 deposit (2,089) → +5 % (2,193.45).
const A = ["1000", "1100", "990", "2089", "2193.45"];
// B: 5,000 → −10 % → +10 % → flat → +10 %.
const B = ["5000", "4500", "4950", "4950", "5445"];
const RF = "0.05";

let h: DbHandle;
let ownerId: string;
let a: { id: string; accountId: string };
let b: { id: string; accountId: string };
let groupId: string;

/** The engine over one connection's own daily story (each close at its day's 12:00 snapshot), with its flows. */
function ownSeries(equities: string[], deposits: Record<number, string> = {}) {
  const ledger = new UnitLedger().open(`${DAYS[0]}T12:00:00Z`, equities[0]!);
  for (let i = 1; i < equities.length; i++) ledger.snapshot(`${DAYS[i]}T12:00:00Z`, equities[i]!, deposits[i] ?? "0");
  return unitisedReturns(ledger.points, ledger.issues).map((r) => r.value);
}

async function summary(portfolio: Awaited<ReturnType<typeof resolvePortfolio>>, query = "range=all") {
  const range = parsePerformanceRange(new URLSearchParams(query), { now: NOW, timeZone: ZONE });
  if (!range.success) throw new Error("range");
  return loadPerformanceSummary(h.db, { ownerId, baseCurrency: "USD", timeZone: ZONE, range: range.data, portfolio });
}
const connectionOf = (id: string) => resolvePortfolio(h.db, { ownerId, selection: { kind: "connection", connectionId: id } });

beforeAll(async () => {
  h = await openTestDb();
  ownerId = (await createWorkspace(h.db, { name: "Desk", slug: "desk" })).id;
  await h.db.update(workspaces).set({ riskFreeRate: RF, timeZone: ZONE }).where(eq(workspaces.id, ownerId));
  a = await testConnectionWithAccount(h.db, { ownerId, label: "A" });
  b = await testConnectionWithAccount(h.db, { ownerId, label: "B" });
  // Connections created after a day take no part in its close: these existed all along.
  await h.db.update(connections).set({ createdAt: new Date("2026-02-01T00:00:00Z") }).where(inArray(connections.id, [a.id, b.id]));
  await insertTestFlow(h.db, { ownerId, ...a }, { kind: "deposit", at: "2026-03-04T08:00:00Z", amount: "1000" });
  await h.db.transaction((tx) =>
    materializeSnapshots(
      tx,
      DAYS.flatMap((day, i) => [
        cashSnapshot({ ownerId, connectionId: a.id, at: `${day}T12:00:00Z`, amount: A[i]! }),
        cashSnapshot({ ownerId, connectionId: b.id, at: `${day}T12:00:00Z`, amount: B[i]! }),
      ]),
    ),
  );
  expect(await captureEndOfDaySnapshots(h.db, { now: NOW })).toBeGreaterThan(0);
  groupId = (await createManualGroup(h.db, { ownerId, baseCurrency: "USD", name: "Both", accountIds: [a.accountId, b.accountId] })).id;
});
afterAll(async () => {
  await h?.close();
});

describe("the metrics table for one connection", () => {
  it("A: TWR = 1.1 × 0.9 × 1.1 × 1.05 − 1 = 14.345 % (the 1,000 deposit is not a return); Sharpe is the engine's over A's own daily series", async () => {
    const s = await summary(await connectionOf(a.id));
    const m = s.metrics!;
    expect(m.state).toBe("ok");
    expect(m.returns).toBe(5);
    expect(m.twr).toBeCloseTo(0.14345, 12);
    const own = ownSeries(A, { 3: "1000" });
    const engine = sharpeRatio(own, { riskFree: { annual: Number(RF) }, periodsPerYear: 365 });
    expect(engine.ok && engine.value).toBeCloseTo(m.sharpeRatio!, 9);
    // Pinned to the displayed precision: returns 0, 0.1, −0.1, 0.1, 0.05, rf 1.05^(1/365) − 1 a day → (0.03 − 0.000134) / 0.083666 × √365.
    expect(m.sharpeRatio!.toFixed(2)).toBe("6.82");
    // PnL = 2,193.45 − (1,000 opening + 1,000 deposit) = +193.45.
    expect([m.pnl, m.netFlows]).toEqual(["193.45", "2000"]);
    expect(m.methods.twr!.text).toMatch(/Measured daily, from the end-of-day snapshots of the connection/);
    expect(s.portfolio).toMatchObject({ label: "A", kind: "connection", notFiltered: null });
  });

  it("B's TWR is its own (0.9 × 1.1 × 1 × 1.1 − 1 = 8.9 %): A's deposit moves nothing of B", async () => {
    const m = (await summary(await connectionOf(b.id))).metrics!;
    expect(m.twr).toBeCloseTo(0.089, 12);
    expect(m.netFlows).toBe("5000");
    const engine = sharpeRatio(ownSeries(B), { riskFree: { annual: Number(RF) }, periodsPerYear: 365 });
    expect(engine.ok && engine.value).toBeCloseTo(m.sharpeRatio!, 9);
  });

  it("a custom range 3–5 March measures from the 2 March close: A's TWR = 0.9 × 1.1 × 1.05 − 1", async () => {
    const m = (await summary(await connectionOf(a.id), "range=custom&from=2026-03-03&to=2026-03-05")).metrics!;
    expect(m.returns).toBe(3);
    expect(m.twr).toBeCloseTo(0.9 * 1.1 * 1.05 - 1, 12);
    expect(m.pnl).toBe("93.45");
  });
});

describe("a group of every account, and the workspace", () => {
  it("the group's daily TWR equals the workspace's from its roll-ups and unit ledger, to the displayed precision", async () => {
    const group = await resolvePortfolio(h.db, { ownerId, selection: { kind: "portfolio", portfolioId: groupId } });
    const g = (await summary(group)).metrics!;
    const w = (await summary(WHOLE_WORKSPACE)).metrics!;
    expect(w.methods.twr!.text).not.toMatch(/end-of-day/);
    expect(g.twr!.toFixed(6)).toBe(w.twr!.toFixed(6));
    expect(g.sharpeRatio!.toFixed(2)).toBe(w.sharpeRatio!.toFixed(2));
    expect(g.pnl).toBe(w.pnl);
  });
});

describe("the charts' series for one connection", () => {
  it("A's cumulative return ends at +14.345 %, its drawdown at the 3 March close is −10 %", async () => {
    const series = await loadPerformanceSeries(h.db, {
      ownerId,
      baseCurrency: "USD",
      timeZone: ZONE,
      from: "2026-03-01",
      to: "2026-03-05",
      benchmark: "none",
      portfolio: await connectionOf(a.id),
    });
    expect(series.state).toBe("ok");
    expect(series.points.map((p) => p.cumulativeReturn)).toEqual(["0", "0.1", "-0.01", "0.089", "0.14345"]);
    expect(series.points[2]!.drawdown).toBeCloseTo(-0.1, 12);
    expect(series.methods.cumulative).toMatch(/end-of-day snapshots of the connection/);
    expect(series.monthly).toEqual([{ key: "2026-03", year: 2026, month: 3, return: expect.closeTo(0.14345, 9), partial: true }]);
  });
});

describe("a matched transfer between the two connections", () => {
  it("is out of the workspace's flows but a flow of each connection: −300 from B, +300 into A", async () => {
    // After the last close: it waits for the next one and moves none of the figures above.
    const out = await insertTestFlow(h.db, { ownerId, ...b }, { kind: "withdrawal", at: "2026-03-06T09:00:00Z", amount: "300", txId: "tx-ab" });
    const into = await insertTestFlow(h.db, { ownerId, ...a }, { kind: "deposit", at: "2026-03-06T09:05:00Z", amount: "300", txId: "tx-ab" });
    await h.db.insert(cashFlowMatches).values({ ownerId, outFlowId: out.id, inFlowId: into.id, method: "tx_id" });
    const from = new Date("2026-03-06T00:00:00Z");
    expect((await readCountedFlows(h.db, { ownerId, baseCurrency: "USD", from })).counted).toEqual([]);
    const flows = async (ids: string[]) =>
      (await readSelectionFlows(h.db, { ownerId, baseCurrency: "USD", connectionIds: ids })).filter((f) => f.occurredAt >= from).map((f) => f.value);
    expect(await flows([b.id])).toEqual(["-300"]);
    expect(await flows([a.id])).toEqual(["300"]);
    expect(await flows([a.id, b.id])).toEqual(["-300", "300"]);
    expect((await summary(await connectionOf(a.id))).metrics!.twr).toBeCloseTo(0.14345, 12);
  });
});
