import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { createWorkspace } from "@/db/queries/workspaces";
import { openTestDb } from "@/db/testing";
import { xnpv } from "@/lib/engines/performance";
import { UnitLedger } from "@/lib/engines/performance/testing/unit-ledger";
import { loadDayChange } from "./day-change";
import { loadPerformance } from "./performance-data";
import { performanceSchema } from "./performance-schemas";
import { insertUnitisedSeries } from "./testing/unitised-rows";

const ZONE = "Asia/Kolkata";
/** Friday 20 Nov 2026, 11:35 in Kolkata. */
const NOW = new Date("2026-11-20T06:05:00Z");

// 10,000 opens on 5 Jan; +10 % by 15 Oct (NAV 1.1); 5,000 deposited on 2 Nov (16,000);
// 15,600 on Mon 16 Nov, 15,000 on 19 Nov, 15,200 at 23:59:30 local on the 19th (NAV 1.045);
// today 1,000 withdrawn at 07:30 local after a rise to 15,300 (14,300 left), 14,400 at 11:30.
const ledger = new UnitLedger()
  .open("2026-01-05T06:00:00Z", "10000")
  .snapshot("2026-10-15T06:00:00Z", "11000")
  .snapshot("2026-11-02T06:00:00Z", "16000", "5000")
  .snapshot("2026-11-16T06:00:00Z", "15600")
  .snapshot("2026-11-19T06:00:00Z", "15000")
  .snapshot("2026-11-19T18:29:30Z", "15200")
  .snapshot("2026-11-20T02:00:00Z", "14300", "-1000")
  .snapshot("2026-11-20T06:00:00Z", "14400");
const navNow = 1.1 * (15300 / 16000) * (14400 / 14300);

let h: DbHandle;
let ownerId: string;
let legacyOwner: string;
let emptyOwner: string;

beforeAll(async () => {
  h = await openTestDb();
  ownerId = (await createWorkspace(h.db, { name: "Fund", slug: "fund" })).id;
  legacyOwner = (await createWorkspace(h.db, { name: "Legacy", slug: "legacy" })).id;
  emptyOwner = (await createWorkspace(h.db, { name: "Empty", slug: "empty" })).id;
  await insertUnitisedSeries(h.db, { ownerId, points: ledger.points, issues: ledger.issues, buckets: ["15m", "1d"], timeZone: ZONE });
  const legacy = ledger.points.map((pt) => ({ ...pt, units: null, navPerUnit: null, cumNetFlows: null }));
  await insertUnitisedSeries(h.db, { ownerId: legacyOwner, points: legacy, issues: [], buckets: ["15m", "1d"], timeZone: ZONE });
});
afterAll(async () => h?.close());

const load = (owner: string) => loadPerformance(h.db, { ownerId: owner, now: NOW, baseCurrency: "USD", timeZone: ZONE }).then((x) => performanceSchema.parse(x));

describe("loadPerformance (Asia/Kolkata)", () => {
  it("Day from 19 Nov 18:30Z: from 15,200 to 14,400 with 1,000 withdrawn → PnL +200; TWR = (15,300 / 15,200) × (14,400 / 14,300) − 1", async () => {
    const day = (await load(ownerId)).periods.find((x) => x.id === "day")!;
    expect(day).toMatchObject({ from: "2026-11-19T18:30:00.000Z", startAt: "2026-11-19T18:29:30.000Z", endAt: "2026-11-20T06:00:00.000Z", counted: true });
    expect([day.startEquity, day.endEquity, day.netFlows, day.pnl]).toEqual(["15200", "14400", "-1000", "200"]);
    expect(day.twr).toBeCloseTo((15300 / 15200) * (14400 / 14300) - 1, 12);
  });

  it("Week from Monday 15 Nov 18:30Z: from 16,000 (2 Nov) → PnL (14,400 − 16,000) + 1,000 = −600; TWR = (15,300 / 16,000) × (14,400 / 14,300) − 1", async () => {
    const week = (await load(ownerId)).periods.find((x) => x.id === "week")!;
    expect(week.from).toBe("2026-11-15T18:30:00.000Z");
    expect([week.startEquity, week.netFlows, week.pnl]).toEqual(["16000", "-1000", "-600"]);
    expect(week.twr).toBeCloseTo((15300 / 16000) * (14400 / 14300) - 1, 12);
  });

  it("Month from 31 Oct 18:30Z: from 11,000, net flows 5,000 − 1,000 = 4,000 → PnL 14,400 − 11,000 − 4,000 = −600", async () => {
    const month = (await load(ownerId)).periods.find((x) => x.id === "month")!;
    expect(month.from).toBe("2026-10-31T18:30:00.000Z");
    expect([month.startEquity, month.netFlows, month.pnl]).toEqual(["11000", "4000", "-600"]);
    expect(month.twr).toBeCloseTo(navNow / 1.1 - 1, 12);
  });

  it("YTD and since inception: nothing before 5 Jan, net flows 10,000 + 5,000 − 1,000 = 14,000 → PnL +400; TWR = NAV now − 1; MWR solves XNPV = 0", async () => {
    const perf = await load(ownerId);
    const ytd = perf.periods.find((x) => x.id === "ytd")!;
    expect([ytd.from, ytd.startAt, ytd.startEquity, ytd.netFlows, ytd.pnl]).toEqual(["2025-12-31T18:30:00.000Z", null, "0", "14000", "400"]);
    expect(ytd.twr).toBeCloseTo(navNow - 1, 12);
    expect(perf.inception).toMatchObject({ at: "2026-01-05T06:00:00.000Z", counted: true, netFlows: "14000", pnl: "400" });
    const flows = [
      { date: new Date("2026-01-05T06:00:00Z"), amount: -10000 },
      { date: new Date("2026-11-02T06:00:00Z"), amount: -5000 },
      { date: new Date("2026-11-20T02:00:00Z"), amount: 1000 },
      { date: new Date("2026-11-20T06:00:00Z"), amount: 14400 },
    ];
    expect(Math.abs(xnpv(perf.inception.mwr!, flows))).toBeLessThan(1e-6);
  });

  it("drawdown on NAV per unit over the daily rows: peak 1.1, now 1.0592 → −3.71 %; deepest 1.045 / 1.1 − 1 = −5 %; the withdrawal is not a drawdown", async () => {
    const perf = await load(ownerId);
    expect(perf.drawdown.current).toBeCloseTo(navNow / 1.1 - 1, 12);
    expect(perf.drawdown.max).toBeCloseTo(1.045 / 1.1 - 1, 12);
    expect(perf.drawdown.peakAt).toBe("2026-11-02T06:00:00.000Z");
  });

  it("risk on 6 daily returns (inception → 5 Jan 0, +10 %, 0, 1.0725 / 1.1, 1.045 / 1.0725, NAV now / 1.045), annualised with 365 a year", async () => {
    const perf = await load(ownerId);
    const r = [0, 0.1, 0, 1.0725 / 1.1 - 1, 1.045 / 1.0725 - 1, navNow / 1.045 - 1];
    const mean = r.reduce((a, b) => a + b) / r.length;
    const std = Math.sqrt(r.reduce((a, v) => a + (v - mean) ** 2, 0) / (r.length - 1));
    expect(perf.risk).toMatchObject({ periodsPerYear: 365, returns: 6 });
    expect(perf.risk.annualVolatility).toBeCloseTo(std * Math.sqrt(365), 10);
    expect(perf.risk.sharpeRatio).toBeCloseTo((mean / std) * Math.sqrt(365), 10);
    expect(perf.methods.risk).toMatch(/365 periods a year/);
    expect(perf.methods.periods).toContain("Asia/Kolkata");
  });

  it("roll-ups written before flows were counted: state not_counted, every period uncounted with null figures, never guessed", async () => {
    const perf = await load(legacyOwner);
    expect(perf.state).toBe("not_counted");
    expect(perf.periods.every((x) => !x.counted && x.pnl === null && x.twr === null)).toBe(true);
    expect(perf.inception).toMatchObject({ counted: false, pnl: null, mwr: null });
  });

  it("no history: state empty, no figures", async () => {
    const perf = await load(emptyOwner);
    expect(perf.state).toBe("empty");
    expect(perf.asOf).toBeNull();
    expect(perf.drawdown.current).toBeNull();
  });
});

describe("loadDayChange", () => {
  it("unitised: from the 15-minute row before now − 24 h (19 Nov 06:00, 15,000) → PnL (14,400 − 15,000) + 1,000 = +400, net flows −1,000, TWR = (15,300 / 15,000) × (14,400 / 14,300) − 1", async () => {
    const change = await loadDayChange(h.db, { ownerId, now: NOW, latest: [], dayAgo: [] });
    expect(change).toMatchObject({ amount: "400", netFlows: "-1000", basis: "flow_adjusted" });
    expect(Number(change.pct)).toBeCloseTo((15300 / 15000) * (14400 / 14300) - 1, 9);
  });

  it("legacy roll-ups: like with like over the snapshots, 110 − 100 = +10 (+10 %), a new connection left out; flows not counted", async () => {
    const change = await loadDayChange(h.db, {
      ownerId: legacyOwner,
      now: NOW,
      latest: [
        { connectionId: "a", equity: "110" },
        { connectionId: "b", equity: "50" },
      ],
      dayAgo: [{ connectionId: "a", equity: "100" }],
    });
    expect(change).toEqual({ amount: "10", pct: "0.1", netFlows: null, basis: "raw" });
  });

  it("no value 24 h ago: no change to show", async () => {
    expect(await loadDayChange(h.db, { ownerId: emptyOwner, now: NOW, latest: [], dayAgo: [] })).toEqual({ amount: null, pct: null, netFlows: null, basis: "raw" });
  });
});
