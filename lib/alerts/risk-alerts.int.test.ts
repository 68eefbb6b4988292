import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { listAlerts } from "@/db/queries/alerts";
import { createConnection } from "@/db/queries/connections";
import { createWorkspace, ensurePersonalWorkspace } from "@/db/queries/workspaces";
import { equityRollups } from "@/db/schema";
import { openTestDb } from "@/db/testing";
import { UnitLedger } from "@/lib/engines/performance/testing/unit-ledger";
import { insertUnitisedSeries } from "@/lib/read-models/testing/unitised-rows";
import { materializeSnapshots } from "@/lib/snapshots/capture";
import { DRAWDOWN_SUBJECT, evaluateRiskAlerts, evaluateRiskAlertsForAllOwners } from "./risk-alerts";

let h: DbHandle;
let ownerId: string;
let conn: string;

/** BTC and USDT spot, priced in USD. */
const capture = (iso: string, btc: string, btcPrice: string, usdt: string) =>
  h.db.transaction((tx) =>
    materializeSnapshots(tx, [
      {
        ownerId,
        connectionId: conn,
        capturedAt: new Date(iso),
        batchId: null,
        baseCurrency: "USD",
        balances: [
          { accountUid: "spot", asset: "BTC", wallet: "spot", free: btc, locked: "0", total: btc },
          { accountUid: "spot", asset: "USDT", wallet: "spot", free: usdt, locked: "0", total: usdt },
        ],
        positions: [],
        prices: { BTC: btcPrice, USDT: "1" },
      },
    ]),
  );
const open = async () =>
  (await listAlerts(h.db, { ownerId })).map((a) => ({ kind: a.kind, subject: a.subject, occurrences: a.occurrences, title: a.title })).sort((x, y) => x.kind.localeCompare(y.kind));

beforeAll(async () => {
  h = await openTestDb();
  ownerId = (await ensurePersonalWorkspace(h.db)).id;
  conn = (await createConnection(h.db, { ownerId, provider: "binance", label: "Binance" })).id;
  await capture("2026-11-18T12:00:00Z", "0.1", "60000", "4000"); // 6000 + 4000 = 10000
  await capture("2026-11-19T12:00:00Z", "0.1", "80000", "4000"); // 8000 + 4000 = 12000 (peak)
  await capture("2026-11-20T12:00:00Z", "0.1", "50000", "4000"); // 5000 + 4000 = 9000
});
afterAll(async () => h?.close());

describe("evaluateRiskAlerts", () => {
  it("BTC 5000 / 9000 = 55.6 % > 50 % and NAV per unit (0.9 − 1.2) / 1.2 = −25 % ≤ −20 %: two alerts", async () => {
    expect(await evaluateRiskAlerts(h.db, { ownerId, now: new Date("2026-11-20T13:00:00Z") })).toEqual({ raised: 2, resolved: 0 });
    expect(await open()).toEqual([
      { kind: "concentration", subject: "BTC", occurrences: 1, title: "Concentration: BTC is 55.6 % of the portfolio" },
      { kind: "drawdown", subject: DRAWDOWN_SUBJECT, occurrences: 1, title: "Drawdown: NAV per unit 25 % below its peak" },
    ]);
  });

  it("evaluating again while both conditions hold counts occurrences instead of opening new alerts", async () => {
    await evaluateRiskAlerts(h.db, { ownerId, now: new Date("2026-11-20T13:30:00Z") });
    expect((await open()).map((a) => a.occurrences)).toEqual([2, 2]);
  });

  it("after selling half the BTC: 2500 + 8000 = 10500 → BTC 23.8 %, NAV 1.05 / 1.2 − 1 = −12.5 %: both resolve", async () => {
    await capture("2026-11-20T14:00:00Z", "0.05", "50000", "8000");
      expect(await evaluateRiskAlerts(h.db, { ownerId, now: new Date("2026-11-20T14:05:00Z") })).toEqual({ raised: 0, resolved: 2 });
    expect(await open()).toEqual([]);
  });

  it("with a 10 % drawdown threshold the −12.5 % alerts again, as a new alert", async () => {
    expect(await evaluateRiskAlerts(h.db, { ownerId, now: new Date("2026-11-20T14:10:00Z"), drawdownThreshold: 0.1 })).toEqual({ raised: 1, resolved: 0 });
    expect(await open()).toEqual([{ kind: "drawdown", subject: DRAWDOWN_SUBJECT, occurrences: 1, title: "Drawdown: NAV per unit 12.5 % below its peak" }]);
  });

  it("a threshold given as a percentage is refused", async () => {
    await expect(evaluateRiskAlerts(h.db, { ownerId, now: new Date("2026-11-20T14:15:00Z"), concentrationThreshold: 50 })).rejects.toThrow(RangeError);
  });

  it("the hourly run covers every owner with an active connection (here the one owner: concentration and drawdown clear, 0 raised)", async () => {
    const r = await evaluateRiskAlertsForAllOwners(h.db, { now: new Date("2026-11-20T15:00:00Z") });
    expect(r.owners).toBe(1);
    expect(r.raised).toBe(0);
  });
});

describe("evaluateRiskAlerts on NAV per unit", () => {
  it("a withdrawal of half the equity is not a drawdown: 10,000 → 12,000 → 6,000 withdrawn (6,000 left), NAV stays 1.2; a later fall to 5,250 (NAV 1.05) is −12.5 %", async () => {
    const fund = (await createWorkspace(h.db, { name: "Fund", slug: "fund" })).id;
    const ledger = new UnitLedger().open("2026-11-18T12:00:00Z", "10000").snapshot("2026-11-19T12:00:00Z", "12000").snapshot("2026-11-20T12:00:00Z", "6000", "-6000");
    await insertUnitisedSeries(h.db, { ownerId: fund, points: ledger.points, issues: ledger.issues, buckets: ["1h", "1d"], timeZone: "UTC" });
    const drawdowns = async () => (await listAlerts(h.db, { ownerId: fund })).filter((a) => a.kind === "drawdown").map((a) => a.title);

    // Raw equity 6,000 is 50 % below 12,000: far past the 10 % limit, yet nothing was lost.
    expect(await evaluateRiskAlerts(h.db, { ownerId: fund, now: new Date("2026-11-20T13:00:00Z"), drawdownThreshold: 0.1 })).toEqual({ raised: 0, resolved: 0 });
    expect(await drawdowns()).toEqual([]);

    // The next day: 5,250 on the 5,000 units left, NAV 1.05; no flow.
    const units = ledger.points.at(-1)!.units!;
    expect(units).toBe("5000");
    await h.db.insert(equityRollups).values(
      (["1h", "1d"] as const).map((bucket) => ({
        ownerId: fund,
        bucket,
        bucketStart: new Date("2026-11-21T12:00:00Z"),
        equity: "5250",
        lastAt: new Date("2026-11-21T12:00:00Z"),
        units,
        navPerUnit: "1.05",
        netFlows: "0",
        cumNetFlows: "4000",
      })),
    );
    expect(await evaluateRiskAlerts(h.db, { ownerId: fund, now: new Date("2026-11-21T13:00:00Z"), drawdownThreshold: 0.1 })).toEqual({ raised: 1, resolved: 0 });
    expect(await drawdowns()).toEqual(["Drawdown: NAV per unit 12.5 % below its peak"]);
  });
});
