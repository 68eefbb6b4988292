import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Db, DbHandle } from "@/db/client";
import { createConnection } from "@/db/queries/connections";
import { createWorkspace } from "@/db/queries/workspaces";
import { cashFlowMatches, equityRollups, portfolios, unitIssues, valuations, type RollupBucket } from "@/db/schema";
import { openTestDb } from "@/db/testing";
import { deleteConnection } from "@/lib/connections/delete-connection";
import { D } from "@/lib/money/decimal";
import { materializeSnapshots } from "./capture";
import { cashSnapshot, insertTestFlow, testConnectionWithAccount, type TestFlow } from "./test-support";
import { backfillUnitisedSeries, refreshUnitisedSeries } from "./unitised";

let h: DbHandle;
let ownerId: string;
let seq = 0;

beforeAll(async () => {
  h = await openTestDb();
});
afterAll(async () => h?.close());
// Each case in a workspace of its own: the series is per workspace, so none sees another's.
beforeEach(async () => {
  ownerId = (await createWorkspace(h.db, { name: "Unitised", slug: `unitised-${++seq}` })).id;
});

const connection = (label: string) => testConnectionWithAccount(h.db, { ownerId, label });
const snap = (db: Db, c: { id: string }, at: string, usd: string) =>
  materializeSnapshots(db, [cashSnapshot({ ownerId, connectionId: c.id, at, amount: usd })]);
const flow = (c: { id: string; accountId: string }, p: TestFlow) => insertTestFlow(h.db, { ownerId, ...c }, p);

const refresh = (from = "1970-01-01T00:00:00Z") => h.db.transaction((tx) => refreshUnitisedSeries(tx, { ownerId, from: new Date(from) }));

async function rollup(bucket: RollupBucket, start: string) {
  const [row] = await h.db
    .select()
    .from(equityRollups)
    .where(and(eq(equityRollups.ownerId, ownerId), eq(equityRollups.bucket, bucket), eq(equityRollups.bucketStart, new Date(start))));
  return row!;
}
const ledger = () => h.db.select().from(unitIssues).where(eq(unitIssues.ownerId, ownerId)).orderBy(asc(unitIssues.at));
const r6 = (v: string | null) => (v === null ? null : new D(v).toDecimalPlaces(6).toFixed());

describe("the unitised series from snapshots and flows", () => {
  it("10,000 → +10 % → deposit 5,000 → −5 %: equity 15,200, PnL +200, NAV per unit 1.045, TWR = 1.10 × 0.95 − 1 = +4.5 %", async () => {
    const a = await connection("A");
    await snap(h.db, a, "2026-11-02T10:00:00Z", "10000");
    await snap(h.db, a, "2026-11-02T11:00:00Z", "11000");
    await flow(a, { kind: "deposit", at: "2026-11-02T11:30:00Z", amount: "5000" });
    await snap(h.db, a, "2026-11-02T12:00:00Z", "16000");
    await snap(h.db, a, "2026-11-02T13:00:00Z", "15200");
    const first = await rollup("1h", "2026-11-02T10:00:00Z");
    const last = await rollup("1h", "2026-11-02T13:00:00Z");
    expect(first.navPerUnit).toBe("1");
    expect(last.equity).toBe("15200");
    expect(r6(last.navPerUnit)).toBe("1.045");
    expect(r6(last.units)).toBe("14545.454545");
    expect(last.cumNetFlows).toBe("15000");
    // PnL = Δequity − net flows = (15,200 − 10,000) − 5,000 = +200; the deposit is in the 12:00 bucket.
    expect(new D(last.equity).minus(first.equity).minus(new D(last.cumNetFlows!).minus(first.cumNetFlows!)).toFixed()).toBe("200");
    expect((await rollup("1h", "2026-11-02T12:00:00Z")).netFlows).toBe("5000");
    expect(new D(last.navPerUnit!).div(first.navPerUnit!).minus(1).toDecimalPlaces(12).toFixed()).toBe("0.045");
    // The daily row holds the whole day: net flows 15,000 (the 10,000 opening and the deposit).
    expect((await rollup("1d", "2026-11-02T00:00:00Z")).netFlows).toBe("15000");
  });

  it("a deposit of 1,000 at 12:00:30, between the 12:00 and 12:01 snapshots, belongs to 12:01 (NAV unchanged at 1.00); one at 12:02:00 exactly belongs to the 12:02 snapshot", async () => {
    const a = await connection("A");
    await snap(h.db, a, "2026-11-02T12:00:00Z", "10000");
    await flow(a, { kind: "deposit", at: "2026-11-02T12:00:30Z", amount: "1000" });
    await snap(h.db, a, "2026-11-02T12:01:00Z", "11000");
    await flow(a, { kind: "deposit", at: "2026-11-02T12:02:00Z", amount: "1000" });
    await snap(h.db, a, "2026-11-02T12:02:00Z", "12000");
    const issues = await ledger();
    expect(issues.map((i) => [i.at.toISOString(), i.netFlow, r6(i.navPerUnit)])).toEqual([
      ["2026-11-02T12:00:00.000Z", "10000", "1"],
      ["2026-11-02T12:01:00.000Z", "1000", "1"],
      ["2026-11-02T12:02:00.000Z", "1000", "1"],
    ]);
    expect((await rollup("15m", "2026-11-02T12:00:00Z")).navPerUnit).toBe("1");
  });

  it("a withdrawal of everything (11,000) then a re-deposit of 5,000 that gains 10 %: units 0 and no NAV between, then issued at the last NAV 1.10; NAV 1.21, TWR +21 %", async () => {
    const a = await connection("A");
    await snap(h.db, a, "2026-11-02T10:00:00Z", "10000");
    await snap(h.db, a, "2026-11-02T11:00:00Z", "11000");
    await flow(a, { kind: "withdrawal", at: "2026-11-02T11:30:00Z", amount: "11000" });
    await snap(h.db, a, "2026-11-02T12:00:00Z", "0");
    await flow(a, { kind: "deposit", at: "2026-11-02T13:30:00Z", amount: "5000" });
    await snap(h.db, a, "2026-11-02T14:00:00Z", "5000");
    await snap(h.db, a, "2026-11-02T15:00:00Z", "5500");
    const empty = await rollup("1h", "2026-11-02T12:00:00Z");
    expect([empty.units, empty.navPerUnit, empty.netFlows]).toEqual([null, null, "-11000"]);
    expect(r6((await rollup("1h", "2026-11-02T14:00:00Z")).navPerUnit)).toBe("1.1");
    expect(r6((await rollup("1h", "2026-11-02T15:00:00Z")).navPerUnit)).toBe("1.21");
  });

  it("a deposit of 0.5 BTC valued 20,000 USD at its time counts 20,000 in the base currency; one with no value (unpriced) moves nothing", async () => {
    const a = await connection("A");
    await snap(h.db, a, "2026-11-02T10:00:00Z", "10000");
    await flow(a, { kind: "deposit", at: "2026-11-02T10:30:00Z", amount: "0.5", asset: "BTC", value: "20000" });
    await flow(a, { kind: "deposit", at: "2026-11-02T10:40:00Z", amount: "3", asset: "OBSCURE", value: null });
    await snap(h.db, a, "2026-11-02T11:00:00Z", "30000");
    const row = await rollup("1h", "2026-11-02T11:00:00Z");
    expect([row.netFlows, row.navPerUnit]).toEqual(["20000", "1"]);
  });

  it("a pending deposit of 5,000 that later fails has no effect: NAV per unit 1.00 → 1.00, net flows 0", async () => {
    const a = await connection("A");
    await snap(h.db, a, "2026-11-02T10:00:00Z", "10000");
    await flow(a, { kind: "deposit", at: "2026-11-02T10:30:00Z", amount: "5000", status: "pending", id: "d1" });
    await snap(h.db, a, "2026-11-02T11:00:00Z", "10000");
    await flow(a, { kind: "deposit", at: "2026-11-02T10:30:00Z", amount: "5000", status: "failed", id: "d1" });
    await refresh("2026-11-02T10:30:00Z");
    const row = await rollup("1h", "2026-11-02T11:00:00Z");
    expect([row.netFlows, row.navPerUnit]).toEqual(["0", "1"]);
  });

  it("a matched transfer (A withdraws 2,000, B receives 2,000, tx 0xabc) is no workspace flow; undoing the match makes both count again: −2,000 and +2,000 at 11:00, net 0", async () => {
    const a = await connection("A");
    const b = await connection("B");
    await snap(h.db, a, "2026-11-02T10:00:00Z", "10000");
    await snap(h.db, b, "2026-11-02T10:00:00Z", "10000");
    const out = await flow(a, { kind: "withdrawal", at: "2026-11-02T10:10:00Z", amount: "2000", txId: "0xabc" });
    const into = await flow(b, { kind: "deposit", at: "2026-11-02T10:20:00Z", amount: "2000", txId: "0xabc" });
    await h.db.insert(cashFlowMatches).values({ ownerId, outFlowId: out.id, inFlowId: into.id, method: "tx_id" });
    await snap(h.db, a, "2026-11-02T11:00:00Z", "8000");
    await snap(h.db, b, "2026-11-02T11:00:00Z", "12000");
    expect((await ledger()).map((i) => i.cause)).toEqual(["opening"]);
    const row = await rollup("1h", "2026-11-02T11:00:00Z");
    expect([row.netFlows, row.navPerUnit]).toEqual(["0", "1"]);
    await h.db.update(cashFlowMatches).set({ undoneAt: new Date("2026-11-03T00:00:00Z") }).where(eq(cashFlowMatches.outFlowId, out.id));
    await refresh("2026-11-02T10:10:00Z");
    const issues = await ledger();
    expect(issues.map((i) => [i.cause, i.netFlow, i.flowCount])).toEqual([
      ["opening", "20000", 0],
      ["flows", "0", 2],
    ]);
  });

  it("a manual correction: deposit 1,000 reversed and replaced by 1,200 counts once, 1,200 (NAV stays 1.00 with equity 11,200)", async () => {
    const a = await connection("A");
    await snap(h.db, a, "2026-11-02T10:00:00Z", "10000");
    const wrong = await flow(a, { kind: "deposit", at: "2026-11-02T10:30:00Z", amount: "1000" });
    await flow(a, { kind: "deposit", at: "2026-11-02T10:30:00Z", amount: "1000", id: `reversal:${wrong.id}`, reverses: wrong.id });
    await flow(a, { kind: "deposit", at: "2026-11-02T10:30:00Z", amount: "1200", replaces: wrong.id });
    await snap(h.db, a, "2026-11-02T11:00:00Z", "11200");
    const row = await rollup("1h", "2026-11-02T11:00:00Z");
    expect([row.netFlows, row.navPerUnit]).toEqual(["1200", "1"]);
  });

  it("adding a second connection worth 5,000 is not performance (opening), nor is deleting it (closing): NAV per unit stays 1.10 across both", async () => {
    const a = await connection("A");
    await snap(h.db, a, "2026-11-02T10:00:00Z", "10000");
    await snap(h.db, a, "2026-11-02T11:00:00Z", "11000");
    const b = await connection("B");
    await snap(h.db, b, "2026-11-02T12:00:00Z", "5000");
    expect(r6((await rollup("1h", "2026-11-02T12:00:00Z")).navPerUnit)).toBe("1.1");
    await deleteConnection(h.db, { ownerId, connectionId: b.id, confirmLabel: "B", now: () => new Date("2026-11-02T13:00:00Z") });
    const after = await rollup("1h", "2026-11-02T13:00:00Z");
    expect([after.equity, r6(after.navPerUnit), after.netFlows]).toEqual(["11000", "1.1", "-5000"]);
    expect((await ledger()).map((i) => i.cause)).toEqual(["opening", "opening", "closing"]);
  });

  it("a flow recorded late (a deposit at 10:30 found a day later) is recomputed from its time: the 11:00 and later rows change, the 10:00 row does not", async () => {
    const a = await connection("A");
    await snap(h.db, a, "2026-11-02T10:00:00Z", "10000");
    await snap(h.db, a, "2026-11-02T11:00:00Z", "15000");
    await snap(h.db, a, "2026-11-02T12:00:00Z", "15000");
    expect(r6((await rollup("1h", "2026-11-02T12:00:00Z")).navPerUnit)).toBe("1.5");
    await flow(a, { kind: "deposit", at: "2026-11-02T10:30:00Z", amount: "5000" });
    await refresh("2026-11-02T10:30:00Z");
    expect((await rollup("1h", "2026-11-02T10:00:00Z")).navPerUnit).toBe("1");
    expect((await rollup("1h", "2026-11-02T12:00:00Z")).navPerUnit).toBe("1");
    expect((await rollup("1h", "2026-11-02T11:00:00Z")).netFlows).toBe("5000");
  });

  it("roll-ups written before this release (no ledger) are built from the first snapshot on the next refresh, whatever its start", async () => {
    const a = await connection("A");
    await snap(h.db, a, "2026-11-02T10:00:00Z", "10000");
    await snap(h.db, a, "2026-11-02T11:00:00Z", "12000");
    await h.db.delete(unitIssues).where(eq(unitIssues.ownerId, ownerId));
    await h.db.update(equityRollups).set({ units: null, navPerUnit: null, netFlows: null, cumNetFlows: null }).where(eq(equityRollups.ownerId, ownerId));
    await refresh("2026-11-02T11:00:00Z");
    expect((await rollup("1h", "2026-11-02T10:00:00Z")).navPerUnit).toBe("1");
    expect((await rollup("1h", "2026-11-02T11:00:00Z")).navPerUnit).toBe("1.2");
  });
});

describe("the backfill on upgrade", () => {
  it("builds the series of a workspace whose roll-ups have no ledger (10,000 → 12,000: NAV 1.2), once; a built one is left alone", async () => {
    const a = await connection("A");
    await snap(h.db, a, "2026-11-02T10:00:00Z", "10000");
    await snap(h.db, a, "2026-11-02T11:00:00Z", "12000");
    await h.db.delete(unitIssues).where(eq(unitIssues.ownerId, ownerId));
    await h.db.update(equityRollups).set({ units: null, navPerUnit: null, netFlows: null, cumNetFlows: null }).where(eq(equityRollups.ownerId, ownerId));
    expect(await backfillUnitisedSeries(h.db)).toBe(1);
    expect((await rollup("1h", "2026-11-02T11:00:00Z")).navPerUnit).toBe("1.2");
    expect(await backfillUnitisedSeries(h.db)).toBe(0);
  });
});

describe("where the series starts", () => {
  it("a workspace that starts with one 1Token fund starts at the fund's NAV per unit (1.2345 published before its first snapshot): 10,000 → 8,100.45 units", async () => {
    const conn = await createConnection(h.db, { ownerId, provider: "onetoken", label: "Fund" });
    const [fund] = await h.db
      .insert(portfolios)
      .values({ ownerId, connectionId: conn.id, name: "Fund", dataSource: "1token", externalId: "fund-1", baseCurrency: "USD" })
      .returning();
    await h.db.insert(valuations).values([
      { ownerId, connectionId: conn.id, portfolioId: fund!.id, series: "fund-1", snapshotId: "n1", at: new Date("2026-11-01T00:00:00Z"), netAssets: "9000", navPerUnit: "1.2" },
      { ownerId, connectionId: conn.id, portfolioId: fund!.id, series: "fund-1", snapshotId: "n2", at: new Date("2026-11-02T00:00:00Z"), netAssets: "10000", navPerUnit: "1.2345" },
      { ownerId, connectionId: conn.id, portfolioId: fund!.id, series: "fund-1", snapshotId: "n3", at: new Date("2026-11-03T00:00:00Z"), netAssets: "10100", navPerUnit: "1.3" },
    ]);
    await snap(h.db, conn, "2026-11-02T10:00:00Z", "10000");
    const [opening] = await ledger();
    expect([opening!.navPerUnit, r6(opening!.unitsAfter)]).toEqual(["1.2345", "8100.445525"]);
    expect((await rollup("1h", "2026-11-02T10:00:00Z")).navPerUnit).toBe("1.2345");
  });

  it("a workspace that starts with a demo exchange starts at 1", async () => {
    const a = await connection("A");
    await snap(h.db, a, "2026-11-02T10:00:00Z", "10000");
    expect((await ledger())[0]!.navPerUnit).toBe("1");
  });
});

