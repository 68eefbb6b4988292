import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { bucketStart } from "@/db/queries/rollup-buckets";
import { createWorkspace } from "@/db/queries/workspaces";
import { equityRollups, workspaces } from "@/db/schema";
import { openTestDb } from "@/db/testing";
import { materializeSnapshots } from "@/lib/snapshots/capture";
import { testConnectionWithAccount } from "@/lib/snapshots/test-support";
import { D, toDecimalString } from "@/lib/money/decimal";
import { loadPerformanceSeries } from "./performance-series-data";
import { performanceSeriesSchema, seriesRequestSchema, type PerformanceSeries } from "./performance-series-schemas";

const TOKYO = "Asia/Tokyo";
let h: DbHandle;
const owners: Record<"dd" | "tokyo" | "utc" | "flat" | "bench" | "empty", string> = { dd: "", tokyo: "", utc: "", flat: "", bench: "", empty: "" };

/** 1d roll-ups as the snapshot writer stores them: one row per local day of `lastAt` (its last close), 1,000 units, equity = 1,000 × NAV. */
async function insertDailyNav(ownerId: string, timeZone: string, closes: Array<{ at: string; nav: string }>) {
  await h.db.update(workspaces).set({ timeZone }).where(eq(workspaces.id, ownerId));
  const days = new Map(closes.map((d) => [bucketStart("1d", Date.parse(d.at), timeZone), d]));
  await h.db.insert(equityRollups).values(
    [...days].map(([start, d]) => ({
      ownerId,
      bucket: "1d" as const,
      bucketStart: new Date(start),
      lastAt: new Date(d.at),
      equity: toDecimalString(new D(d.nav).times(1000)),
      units: "1000",
      navPerUnit: d.nav,
      netFlows: "0",
      cumNetFlows: "1000",
    })),
  );
}

const noon = (day: string) => `${day}T12:00:00.000Z`;
const utcDay = (start: string, i: number) => new Date(Date.parse(start) + i * 86_400_000).toISOString().slice(0, 10);

/** 31 Oct 1.00; 1–10 Nov up to 1.20; 11–20 Nov down to 0.90 (−25 % from the peak); 21–30 Nov back to 1.08. */
function drawdownMonth(): Array<{ at: string; nav: string }> {
  const out = [{ at: noon("2026-10-31"), nav: "1" }];
  for (let d = 1; d <= 30; d++) {
    const nav = d <= 10 ? new D(1).plus(new D("0.02").times(d)) : d <= 20 ? new D("1.2").minus(new D("0.03").times(d - 10)) : new D("0.9").plus(new D("0.018").times(d - 20));
    out.push({ at: noon(`2026-11-${String(d).padStart(2, "0")}`), nav: toDecimalString(nav) });
  }
  return out;
}

/** The same four closes in Tokyo and in UTC: 20:00Z on 30 Nov is already 1 December in Tokyo. */
const MONTH_ENDS = [
  { at: "2026-10-31T06:00:00.000Z", nav: "1" },
  { at: "2026-11-30T06:00:00.000Z", nav: "1.1" },
  { at: "2026-11-30T20:00:00.000Z", nav: "1.21" },
  { at: "2026-12-31T06:00:00.000Z", nav: "1.21" },
];

async function seedBench(ownerId: string) {
  const c = await testConnectionWithAccount(h.db, { ownerId, label: "bench" });
  for (const [day, btc] of [["2026-11-01", "50000"], ["2026-11-02", "55000"], ["2026-11-03", "60000"]] as const) {
    await h.db.transaction((tx) =>
      materializeSnapshots(tx, [
        {
          ownerId,
          connectionId: c.id,
          capturedAt: new Date(noon(day)),
          batchId: null,
          baseCurrency: "USD",
          balances: [
            { accountUid: "spot", asset: "BTC", wallet: "spot", free: "0.1", locked: "0", total: "0.1" },
            { accountUid: "spot", asset: "USD", wallet: "spot", free: "5000", locked: "0", total: "5000" },
          ],
          positions: [],
          prices: { BTC: btc },
        },
      ]),
    );
  }
}

beforeAll(async () => {
  h = await openTestDb();
  for (const key of Object.keys(owners) as Array<keyof typeof owners>) owners[key] = (await createWorkspace(h.db, { name: key, slug: `series-${key}` })).id;
  await insertDailyNav(owners.dd, "UTC", drawdownMonth());
  await insertDailyNav(owners.tokyo, TOKYO, MONTH_ENDS);
  await insertDailyNav(owners.utc, "UTC", MONTH_ENDS);
  // 1 September – 31 October: +1 % every day, exactly.
  await insertDailyNav(owners.flat, "UTC", Array.from({ length: 61 }, (_, i) => ({ at: noon(utcDay("2026-09-01", i)), nav: toDecimalString(new D("1.01").pow(i)) })));
  await seedBench(owners.bench);
}, 60_000);
afterAll(async () => h?.close());

async function load(ownerId: string, timeZone: string, query: Record<string, string>): Promise<PerformanceSeries> {
  const request = seriesRequestSchema.parse(query);
  return performanceSeriesSchema.parse(await loadPerformanceSeries(h.db, { ownerId, baseCurrency: "USD", timeZone, ...request }));
}

describe("loadPerformanceSeries: cumulative and underwater", () => {
  it("November from the 31 Oct close (1.00): 31 points from 0 % to +8 % (1.08); underwater minimum −25 % = 0.90 ÷ 1.20 − 1 on 20 Nov = the max drawdown", async () => {
    const s = await load(owners.dd, "UTC", { from: "2026-11-01", to: "2026-11-30", benchmark: "none" });
    expect(s.state).toBe("ok");
    expect(s.baseAt).toBe(noon("2026-10-31"));
    expect(s.points).toHaveLength(31);
    expect(s.points[0]).toMatchObject({ cumulativeReturn: "0", drawdown: 0, benchmarkReturn: null });
    expect(s.points.find((p) => p.at === noon("2026-11-10"))?.cumulativeReturn).toBe("0.2");
    expect(s.points.at(-1)).toMatchObject({ navPerUnit: "1.08", cumulativeReturn: "0.08" });
    const drawdowns = s.points.map((p) => p.drawdown!);
    expect(Math.min(...drawdowns)).toBe(s.maxDrawdown);
    expect(s.maxDrawdown).toBeCloseTo(-0.25, 12);
    expect(s.points.find((p) => p.drawdown === s.maxDrawdown)?.at).toBe(noon("2026-11-20"));
    expect(s.points.at(-1)!.drawdown).toBeCloseTo(1.08 / 1.2 - 1, 12);
    expect(s.benchmark).toEqual({ asset: "none", state: "none", rebasedAt: null, rebasePrice: null });
    expect(s.monthly).toEqual([{ key: "2026-11", year: 2026, month: 11, return: 0.08, partial: false }]);
  });

  it("a range inside the drawdown (15–20 Nov) is measured from the 14 Nov close (1.08): its own peak, −1/6 at the 0.90 trough; November is partial", async () => {
    const s = await load(owners.dd, "UTC", { from: "2026-11-15", to: "2026-11-20", benchmark: "none" });
    expect(s.baseAt).toBe(noon("2026-11-14"));
    expect(s.points).toHaveLength(7);
    expect(s.maxDrawdown).toBeCloseTo(0.9 / 1.08 - 1, 12);
    expect(s.points.at(-1)!.cumulativeReturn).toBe(toDecimalString(new D("0.9").div("1.08").minus(1).toDecimalPlaces(12)));
    expect(s.monthly).toEqual([{ key: "2026-11", year: 2026, month: 11, return: expect.closeTo(0.9 / 1.08 - 1, 12), partial: true }]);
  });
});

describe("loadPerformanceSeries: monthly returns by local month", () => {
  it("Asia/Tokyo: 20:00Z on 30 Nov is 1 Dec 05:00 locally, so November is 1.10 ÷ 1.00 − 1 = +10 % and December 1.21 ÷ 1.10 − 1 = +10 %", async () => {
    const s = await load(owners.tokyo, TOKYO, { from: "2026-11-01", to: "2026-12-31", benchmark: "none" });
    expect(s.monthly).toEqual([
      { key: "2026-11", year: 2026, month: 11, return: 0.1, partial: false },
      { key: "2026-12", year: 2026, month: 12, return: 0.1, partial: false },
    ]);
  });

  it("the same closes cut in UTC: November ends at 1.21 (+21 %), December is flat (0 %)", async () => {
    const s = await load(owners.utc, "UTC", { from: "2026-11-01", to: "2026-12-31", benchmark: "none" });
    expect(s.monthly.map((m) => [m.key, m.return])).toEqual([
      ["2026-11", 0.21],
      ["2026-12", 0],
    ]);
  });
});

describe("loadPerformanceSeries: rolling 30 days", () => {
  it("+1 % every day: volatility 0 on each of October's 31 days (the window warms up on September), Sharpe undefined (0 deviation) → null", async () => {
    const s = await load(owners.flat, "UTC", { from: "2026-10-01", to: "2026-10-31", benchmark: "none" });
    expect(s.rolling).toMatchObject({ window: 30, periodsPerYear: 365, riskFree: 0 });
    expect(s.rolling.points).toHaveLength(31);
    expect(s.rolling.points[0]!.at).toBe(noon("2026-10-01"));
    for (const p of s.rolling.points) expect(p).toMatchObject({ volatility: 0, sharpe: null });
  });

  it("fewer than 30 daily returns before the range's end: no rolling point", async () => {
    const s = await load(owners.flat, "UTC", { from: "2026-09-01", to: "2026-09-20", benchmark: "none" });
    expect(s.rolling.points).toEqual([]);
  });
});

describe("loadPerformanceSeries: benchmark", () => {
  it("BTC rebased to 0 at the 1 Nov close (50,000 USD): +10 % at 55,000, +20 % at 60,000; NAV 10,000 → 10,500 → 11,000 (+5 %, +10 %)", async () => {
    const s = await load(owners.bench, "UTC", { from: "2026-11-02", to: "2026-11-03", benchmark: "BTC" });
    expect(s.benchmark).toEqual({ asset: "BTC", state: "ok", rebasedAt: noon("2026-11-01"), rebasePrice: "50000" });
    expect(s.points.map((p) => [p.benchmarkReturn, p.cumulativeReturn])).toEqual([
      ["0", "0"],
      ["0.1", "0.05"],
      ["0.2", "0.1"],
    ]);
  });

  it("ETH, never held: the benchmark is missing and the NAV series is unchanged", async () => {
    const s = await load(owners.bench, "UTC", { from: "2026-11-02", to: "2026-11-03", benchmark: "ETH" });
    expect(s.benchmark.state).toBe("missing");
    expect(s.points.map((p) => p.benchmarkReturn)).toEqual([null, null, null]);
    expect(s.points.at(-1)!.cumulativeReturn).toBe("0.1");
  });
});

describe("loadPerformanceSeries: scoping and empty", () => {
  it("another workspace's roll-ups and BTC prices on the same days are never used", async () => {
    const s = await load(owners.dd, "UTC", { from: "2026-11-01", to: "2026-11-03", benchmark: "BTC" });
    expect(s.points.map((p) => p.navPerUnit)).toEqual(["1", "1.02", "1.04", "1.06"]);
    expect(s.benchmark.state).toBe("missing");
  });

  it("a workspace with no roll-ups in the range: empty, no points, no months, no rolling", async () => {
    const s = await load(owners.empty, "UTC", { from: "2026-11-01", to: "2026-11-30", benchmark: "BTC" });
    expect(s).toMatchObject({ state: "empty", points: [], monthly: [], maxDrawdown: null, baseAt: null });
    expect(s.rolling.points).toEqual([]);
    const before = await load(owners.dd, "UTC", { from: "2026-01-01", to: "2026-01-31", benchmark: "none" });
    expect(before.state).toBe("empty");
  });
});
