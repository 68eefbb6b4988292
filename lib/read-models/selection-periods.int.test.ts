// Periods to date for a connection or portfolio selection (the overview's metrics bar and
// performance card): the daily closes of its whole connections, and today — which has no
// close yet — from each connection's latest snapshot. Equal to the workspace's arithmetic
// (periodSince) on the engine's own unitised series of the same story.
import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { createWorkspace } from "@/db/queries/workspaces";
import { connections, workspaces } from "@/db/schema";
import { openTestDb } from "@/db/testing";
import { unitisedReturns } from "@/lib/engines/performance";
import { UnitLedger } from "@/lib/engines/performance/testing/unit-ledger";
import { resolvePortfolio } from "@/lib/portfolios/resolve";
import { materializeSnapshots } from "@/lib/snapshots/capture";
import { captureEndOfDaySnapshots } from "@/lib/snapshots/end-of-day";
import { cashSnapshot, insertTestFlow, testConnectionWithAccount } from "@/lib/snapshots/test-support";
import { loadMetricsBar } from "./metrics-bar-data";
import { loadSelectionPerformance } from "./performance-data";
import { loadSelectionEquitySeries } from "./selection-equity";
import { loadSelectionSeries } from "./selection-series";

const ZONE = "UTC";
// Friday 6 March 2026, 10:00: the week began Monday 2 March, the month on the 1st.
const NOW = new Date("2026-03-06T10:00:00Z");
const DAYS = ["2026-03-01", "2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05"];
// A's closes (12:00 snapshots): 1,000 → +10 % → −10 % → +10 % on 990 and a 1,000 deposit → +5 %.
const A = ["1000", "1100", "990", "2089", "2193.45"];
// Today: a 100 deposit at 09:00, then a snapshot at 09:30 worth 2,300.
const TODAY = { at: "2026-03-06T09:30:00Z", equity: "2300", deposit: "100" };

let h: DbHandle;
let ownerId: string;
let a: { id: string; accountId: string };
let b: { id: string; accountId: string };

beforeAll(async () => {
  h = await openTestDb();
  ownerId = (await createWorkspace(h.db, { name: "Desk", slug: "desk" })).id;
  await h.db.update(workspaces).set({ timeZone: ZONE }).where(eq(workspaces.id, ownerId));
  a = await testConnectionWithAccount(h.db, { ownerId, label: "A" });
  b = await testConnectionWithAccount(h.db, { ownerId, label: "B" });
  await h.db.update(connections).set({ createdAt: new Date("2026-02-01T00:00:00Z") }).where(inArray(connections.id, [a.id, b.id]));
  await insertTestFlow(h.db, { ownerId, ...a }, { kind: "deposit", at: "2026-03-04T08:00:00Z", amount: "1000" });
  await insertTestFlow(h.db, { ownerId, ...a }, { kind: "deposit", at: "2026-03-06T09:00:00Z", amount: TODAY.deposit });
  await h.db.transaction((tx) =>
    materializeSnapshots(tx, [
      ...DAYS.flatMap((day, i) => [
        cashSnapshot({ ownerId, connectionId: a.id, at: `${day}T12:00:00Z`, amount: A[i]! }),
        cashSnapshot({ ownerId, connectionId: b.id, at: `${day}T12:00:00Z`, amount: "5000" }),
      ]),
      cashSnapshot({ ownerId, connectionId: a.id, at: TODAY.at, amount: TODAY.equity }),
    ]),
  );
  expect(await captureEndOfDaySnapshots(h.db, { now: NOW })).toBeGreaterThan(0);
});
afterAll(async () => {
  await h?.close();
});

const connectionA = () => resolvePortfolio(h.db, { ownerId, selection: { kind: "connection", connectionId: a.id } });

/** The engine over A's own story: the five closes, then today's snapshot with its deposit. */
function engineReturns() {
  const ledger = new UnitLedger().open(`${DAYS[0]}T12:00:00Z`, A[0]!);
  for (let i = 1; i < A.length; i++) ledger.snapshot(`${DAYS[i]}T12:00:00Z`, A[i]!, i === 3 ? "1000" : "0");
  ledger.snapshot(TODAY.at, TODAY.equity, TODAY.deposit);
  return unitisedReturns(ledger.points, ledger.issues).map((r) => r.value);
}

describe("the performance card for one connection", () => {
  it("day: 2,300 − 2,193.45 (5 March close) − 100 deposited today = +6.55; its TWR is the engine's last daily return", async () => {
    const perf = await loadSelectionPerformance(h.db, { ownerId, now: NOW, baseCurrency: "USD", timeZone: ZONE, portfolio: await connectionA() });
    expect(perf.state).toBe("ok");
    expect(perf.asOf).toBe(new Date(TODAY.at).toISOString());
    const day = perf.periods.find((p) => p.id === "day")!;
    expect([day.startEquity, day.endEquity, day.netFlows, day.pnl]).toEqual(["2193.45", "2300", "100", "6.55"]);
    expect(day.twr).toBeCloseTo(engineReturns().at(-1)!, 12);
    expect(perf.portfolio).toMatchObject({ label: "A", kind: "connection" });
    expect(perf.methods.twr).toMatch(/end-of-day snapshots of the connection.*today from each connection's latest snapshot/);
  });

  it("week (from Monday 2 March): 2,300 − 1,000 (1 March close) − 1,100 deposited = +200; TWR = the engine's returns compounded", async () => {
    const perf = await loadSelectionPerformance(h.db, { ownerId, now: NOW, baseCurrency: "USD", timeZone: ZONE, portfolio: await connectionA() });
    const week = perf.periods.find((p) => p.id === "week")!;
    expect([week.startEquity, week.netFlows, week.pnl]).toEqual(["1000", "1100", "200"]);
    const compounded = engineReturns().reduce((g, r) => g * (1 + r), 1) - 1;
    expect(week.twr).toBeCloseTo(compounded, 12);
    // Inception: the opening 1,000 and both deposits are flows, not profit.
    expect([perf.inception.netFlows, perf.inception.pnl]).toEqual(["2100", "200"]);
  });
});

describe("the metrics bar for one connection", () => {
  it("shows the same day and week PnL, says how it was measured, and the month starts before the history does", async () => {
    const bar = await loadMetricsBar(h.db, { ownerId, now: NOW, baseCurrency: "USD", timeZone: ZONE, portfolio: await connectionA() });
    const by = Object.fromEntries(bar.periods.map((p) => [p.id, p]));
    expect([by.day!.status, by.day!.pnl, by.day!.netFlows]).toEqual(["ok", "6.55", "100"]);
    expect([by.week!.status, by.week!.pnl]).toEqual(["ok", "200"]);
    // The history begins on 1 March, inside the month and the year: no figure "from nothing".
    expect([by.month!.status, by.ytd!.status]).toEqual(["no_history", "no_history"]);
    expect(by.month!.reason).toBe("history starts on 2026-03-01");
    expect(bar.methods.periodPnl.text).toMatch(/today from each connection's latest snapshot/);
    expect(bar.methods.periodPnl.doc).toBe("docs/metrics.md#a-connection-or-portfolio-selection-the-daily-series");
    expect(bar.portfolio).toMatchObject({ label: "A", notFiltered: null });
  });

  it("B, with no snapshot today, counts its 5 March close as today's: a day PnL of 0, not A's", async () => {
    const connectionB = await resolvePortfolio(h.db, { ownerId, selection: { kind: "connection", connectionId: b.id } });
    const bar = await loadMetricsBar(h.db, { ownerId, now: NOW, baseCurrency: "USD", timeZone: ZONE, portfolio: connectionB });
    const day = bar.periods.find((p) => p.id === "day")!;
    expect([day.status, day.pnl, day.netFlows]).toEqual(["ok", "0", "0"]);
    expect(bar.equity).toBe("5000");
  });
});

describe("the equity chart for one connection", () => {
  it("one point a local day at its midnight: the five closes, then today's 2,300; net flows 1,000 (opening), 1,000 on 4 March, 100 today", async () => {
    const series = await loadSelectionEquitySeries(h.db, { ownerId, range: "30d", now: NOW, baseCurrency: "USD", timeZone: ZONE, portfolio: await connectionA() });
    expect(series.bucket).toBe("1d");
    expect(series.portfolio).toMatchObject({ label: "A" });
    expect(series.points.map((p) => [p.at.slice(0, 10), p.equity, p.netFlows])).toEqual([
      ["2026-03-01", "1000", "1000"],
      ["2026-03-02", "1100", "0"],
      ["2026-03-03", "990", "0"],
      ["2026-03-04", "2089", "1000"],
      ["2026-03-05", "2193.45", "0"],
      ["2026-03-06", "2300", "100"],
    ]);
    expect(series.points.every((p) => p.at.endsWith("T00:00:00.000Z"))).toBe(true);
    // NAV per unit moves with performance only: +10 %, −10 %, +10 %, +5 %, then today's return.
    const nav = series.points.map((p) => Number(p.navPerUnit));
    expect(nav[3]! / nav[2]!).toBeCloseTo(1.1, 12);
    expect(nav[5]! / nav[4]! - 1).toBeCloseTo(engineReturns().at(-1)!, 12);
  });

  it("the 24 h range keeps the days whose midnight is inside it: yesterday's close and today", async () => {
    const series = await loadSelectionEquitySeries(h.db, { ownerId, range: "24h", now: NOW, baseCurrency: "USD", timeZone: ZONE, portfolio: await connectionA() });
    expect(series.points.map((p) => [p.at.slice(0, 10), p.equity])).toEqual([
      ["2026-03-05", "2193.45"],
      ["2026-03-06", "2300"],
    ]);
  });
});

describe("the overview's one read of a selection's series", () => {
  it("the chart, the metrics bar and the card from one shared series equal their own reads, and each stands on the series it is given", async () => {
    const portfolio = await connectionA();
    const p = { ownerId, now: NOW, baseCurrency: "USD", timeZone: ZONE, portfolio };
    const own = await Promise.all([
      loadSelectionEquitySeries(h.db, { ...p, range: "30d" }),
      loadMetricsBar(h.db, p),
      loadSelectionPerformance(h.db, p),
    ]);
    const series = loadSelectionSeries(h.db, { ...p, live: { now: NOW, timeZone: ZONE } });
    const shared = await Promise.all([
      loadSelectionEquitySeries(h.db, { ...p, range: "30d", series }),
      loadMetricsBar(h.db, { ...p, series }),
      loadSelectionPerformance(h.db, { ...p, series }),
    ]);
    expect(shared).toEqual(own);
    // Given a series, each stands on it and reads none of its own: closes only (no today) show.
    const closesOnly = loadSelectionSeries(h.db, { ownerId, baseCurrency: "USD", portfolio });
    const chart = await loadSelectionEquitySeries(h.db, { ...p, range: "30d", series: closesOnly });
    expect(chart.points.at(-1)?.at.slice(0, 10)).toBe("2026-03-05");
    const card = await loadSelectionPerformance(h.db, { ...p, series: closesOnly });
    expect(card.asOf).toBe("2026-03-05T12:00:00.000Z");
    expect(shared[1].periods.find((x) => x.id === "day")?.pnl).toBe("6.55");
  });
});
