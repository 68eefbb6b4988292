import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { saveAlertThresholds } from "@/db/queries/alert-thresholds";
import { createWorkspace } from "@/db/queries/workspaces";
import { workspaces } from "@/db/schema";
import { openTestDb } from "@/db/testing";
import { materializeSnapshots } from "@/lib/snapshots/capture";
import { insertTestFlow, testConnectionWithAccount } from "@/lib/snapshots/test-support";
import { UnitLedger } from "@/lib/engines/performance/testing/unit-ledger";
import { loadMetricsBar } from "./metrics-bar-data";
import { MARGIN_NOT_PUBLISHED } from "./metrics-bar-margin";
import { loadBarPeriods } from "./metrics-bar-periods";
import { insertUnitisedSeries } from "./testing/unitised-rows";
import { metricsBarSchema, type MetricsBar } from "./metrics-bar-schemas";

const NY = "America/New_York";
/** Wednesday 9 December 2026, 10:00 in New York (EST, UTC−5): today began at 05:00Z. */
const NOW = new Date("2026-12-09T15:00:00Z");

let h: DbHandle;
let nyOwner: string;
let utcOwner: string;
let emptyOwner: string;

/** One connection holding BTC and USD cash, valued in USD; a 3,000 USD deposit on Tuesday 8 Dec. */
async function seed(ownerId: string, timeZone: string) {
  await h.db.update(workspaces).set({ timeZone }).where(eq(workspaces.id, ownerId));
  const c = await testConnectionWithAccount(h.db, { ownerId, label: `A-${timeZone}` });
  const capture = (at: string, btcPrice: string, usd: string) =>
    h.db.transaction((tx) =>
      materializeSnapshots(tx, [
        {
          ownerId,
          connectionId: c.id,
          capturedAt: new Date(at),
          batchId: null,
          baseCurrency: "USD",
          balances: [
            { accountUid: "spot", asset: "BTC", wallet: "spot", free: "0.1", locked: "0", total: "0.1" },
            { accountUid: "spot", asset: "USD", wallet: "spot", free: usd, locked: "0", total: usd },
          ],
          positions: [],
          prices: { BTC: btcPrice },
        },
      ]),
    );
  await capture("2026-06-15T14:00:00Z", "50000", "5000"); // opens: 5,000 + 5,000 = 10,000 (NAV 1, 10,000 units)
  await capture("2026-11-30T20:00:00Z", "60000", "5000"); // Mon 30 Nov 15:00 NY: 11,000 (NAV 1.1)
  await capture("2026-12-07T03:00:00Z", "70000", "5000"); // Sun 6 Dec 22:00 NY: 12,000 (NAV 1.2)
  await insertTestFlow(h.db, { ownerId, ...c }, { kind: "deposit", at: "2026-12-08T12:00:00Z", amount: "3000" });
  await capture("2026-12-08T15:00:00Z", "70000", "8000"); // 15,000 with the deposit: 2,500 units at 1.2
  await capture("2026-12-09T04:30:00Z", "72000", "8000"); // Tue 8 Dec 23:30 NY (already 9 Dec in UTC): 15,200
  await capture("2026-12-09T14:00:00Z", "90000", "8000"); // Wed 09:00 NY: 9,000 + 8,000 = 17,000 (NAV 17,000 / 12,500 = 1.36)
}

beforeAll(async () => {
  h = await openTestDb();
  nyOwner = (await createWorkspace(h.db, { name: "New York", slug: "ny" })).id;
  utcOwner = (await createWorkspace(h.db, { name: "London desk", slug: "utc" })).id;
  emptyOwner = (await createWorkspace(h.db, { name: "Empty", slug: "empty" })).id;
  await seed(nyOwner, NY);
  await seed(utcOwner, "UTC");
  await saveAlertThresholds(h.db, { ownerId: utcOwner, concentration: "0.6", drawdown: "0.2", updatedBy: null, at: NOW });
});
afterAll(async () => h?.close());

const load = async (ownerId: string, timeZone: string) =>
  metricsBarSchema.parse(await loadMetricsBar(h.db, { ownerId, now: NOW, baseCurrency: "USD", timeZone }));
const period = (bar: MetricsBar, id: MetricsBar["periods"][number]["id"]) => bar.periods.find((p) => p.id === id)!;

describe("loadMetricsBar (America/New_York)", () => {
  it("equity 17,000 = 0.1 BTC × 90,000 + 8,000 USD; another workspace's identical history is never added (not 34,000)", async () => {
    const bar = await load(nyOwner, NY);
    expect(bar).toMatchObject({ state: "ok", equity: "17000", asOf: "2026-12-09T14:00:00.000Z", timeZone: NY });
  });

  it("Day from local midnight 05:00Z: from 15,200 (23:30 on the 8th, New York) → PnL +1,800, TWR 17,000 / 15,200 − 1 = 11.84210526 %", async () => {
    const day = period(await load(nyOwner, NY), "day");
    expect(day).toMatchObject({ status: "ok", from: "2026-12-09T05:00:00.000Z", startAt: "2026-12-09T04:30:00.000Z", startEquity: "15200", netFlows: "0", pnl: "1800" });
    expect(day.pct).toBe("0.1184210526");
  });

  it("the same history in UTC: today began at 00:00Z, so Day starts from 15,000 (15:00Z on the 8th) → PnL +2,000", async () => {
    const day = period(await load(utcOwner, "UTC"), "day");
    expect(day).toMatchObject({ from: "2026-12-09T00:00:00.000Z", startAt: "2026-12-08T15:00:00.000Z", startEquity: "15000", pnl: "2000" });
  });

  it("Week from Monday 7 Dec 05:00Z: the 3,000 deposit is excluded → PnL 17,000 − 12,000 − 3,000 = +2,000; TWR 1.36 / 1.2 − 1 = 13.33 %", async () => {
    const week = period(await load(nyOwner, NY), "week");
    expect(week).toMatchObject({ from: "2026-12-07T05:00:00.000Z", startEquity: "12000", netFlows: "3000", pnl: "2000", pct: "0.1333333333" });
  });

  it("Month from 1 Dec 05:00Z: from 11,000 → PnL 17,000 − 11,000 − 3,000 = +3,000; TWR 1.36 / 1.1 − 1 = 23.64 %", async () => {
    const month = period(await load(nyOwner, NY), "month");
    expect(month).toMatchObject({ from: "2026-12-01T05:00:00.000Z", startEquity: "11000", netFlows: "3000", pnl: "3000", pct: "0.2363636364" });
  });

  it("YTD: the history starts on 15 June, inside the year → no figure, the reason says so", async () => {
    const ytd = period(await load(nyOwner, NY), "ytd");
    expect(ytd).toMatchObject({ from: "2026-01-01T05:00:00.000Z", status: "no_history", reason: "history starts on 2026-06-15", pnl: null, pct: null });
  });

  it("exposure: BTC 9,000 gross and net (USD cash is not exposure); leverage 9,000 / 17,000 = 0.529412×", async () => {
    const bar = await load(nyOwner, NY);
    expect(bar.exposure).toEqual({ gross: "9000", net: "9000", leverage: "0.529412" });
  });

  it("margin: no debt, no futures wallet; used and available are not published by any venue, never invented", async () => {
    const bar = await load(nyOwner, NY);
    expect(bar.margin).toEqual({ debt: "0", futuresWallet: "0", used: null, available: null, unreported: MARGIN_NOT_PUBLISHED });
  });

  it("largest asset BTC 9,000 / 17,000 = 52.94 % > the default 50 % limit: flagged; with the workspace's 60 % limit it is not", async () => {
    const ny = (await load(nyOwner, NY)).topAsset!;
    expect(ny).toMatchObject({ asset: "BTC", threshold: "0.5", flagged: true, cashLike: false });
    expect(ny.weight.startsWith("0.529411764705882352941176470588235294")).toBe(true);
    expect((await load(utcOwner, "UTC")).topAsset).toMatchObject({ asset: "BTC", threshold: "0.6", flagged: false });
  });

  it("each figure names its method and the anchor in docs/metrics.md that defines it", async () => {
    const { methods } = await load(nyOwner, NY);
    expect(methods.periodPnl.text).toMatch(/^Flow-adjusted PnL: equity now − equity at the last snapshot before the period − net flows/);
    expect(methods.periodPnl.text).toContain(NY);
    expect(methods.periodPnl.doc).toBe("docs/metrics.md#period-pnl-to-date");
    expect(methods.leverage.text).toBe("Leverage: gross exposure ÷ equity");
  });

  it("an empty workspace: state empty, no figure", async () => {
    const bar = await load(emptyOwner, "UTC");
    expect(bar).toMatchObject({ state: "empty", equity: null, periods: [], topAsset: null, historyStartsAt: null });
  });
});

describe("loadBarPeriods on roll-ups written before flows were counted", () => {
  it("every period with history says 'flows not yet counted' and gives no figure, never the raw change", async () => {
    const legacy = (await createWorkspace(h.db, { name: "Legacy", slug: "legacy" })).id;
    const ledger = new UnitLedger().open("2025-10-01T12:00:00Z", "10000").snapshot("2026-12-09T12:00:00Z", "12000");
    const points = ledger.points.map((pt) => ({ ...pt, units: null, navPerUnit: null, cumNetFlows: null }));
    await insertUnitisedSeries(h.db, { ownerId: legacy, points, issues: [], buckets: ["1d"], timeZone: "UTC" });
    const { periods, historyStartsAt } = await loadBarPeriods(h.db, { ownerId: legacy, now: NOW, timeZone: "UTC" });
    expect(historyStartsAt?.toISOString()).toBe("2025-10-01T12:00:00.000Z");
    expect(periods.map((p) => [p.id, p.status, p.reason, p.pnl])).toEqual([
      ["day", "not_counted", "flows not yet counted", null],
      ["week", "not_counted", "flows not yet counted", null],
      ["month", "not_counted", "flows not yet counted", null],
      ["ytd", "not_counted", "flows not yet counted", null],
    ]);
  });
});
