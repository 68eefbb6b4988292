import { and, asc, count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { currentFlowRows, earliestPendingFlowAt, readCountedFlows } from "@/db/queries/cash-flows";
import { createConnection } from "@/db/queries/connections";
import { createWorkspace, ensurePersonalWorkspace } from "@/db/queries/workspaces";
import { executeRows } from "@/db/execute-rows";
import { cashFlows, portfolioSnapshots, snapshotHoldings, type SnapshotHolding } from "@/db/schema";
import { openTestDb } from "@/db/testing";
import { ConnectorError } from "@/lib/connectors/errors";
import type { CashFlow, CashFlowParams } from "@/lib/connectors/types";
import { D } from "@/lib/money/decimal";
import { syncConnection } from "./sync-connection";
import { cursorsOf, dataCounts, demoAt, offline, recordingDemo } from "./test-support";

// The demo venue (seed "sync-test") has, by 2026-12-04T06:00Z: a 4,500 USDT withdrawal from
// the funding wallet (11-27), a 0.35 BTC deposit to the spot wallet (11-28), USDT deposits
// of 11,000 (11-30) and 19,000 (12-03) to the funding wallet, and a 15,500 USDT deposit at
// 05:48 that is pending for 20 minutes.
const T1 = new Date("2026-12-04T06:00:00Z");
const T2 = new Date("2026-12-04T07:00:00Z");
const T3 = new Date("2026-12-04T09:00:00Z");
const T4 = new Date("2026-12-04T11:00:00Z");
const T5 = new Date("2026-12-04T12:00:00Z");
const PENDING_DEPOSIT_AT = new Date("2026-12-04T05:48:00Z");

let h: DbHandle;
let ownerId: string;
let demoId: string;

beforeAll(async () => {
  h = await openTestDb();
  ownerId = (await ensurePersonalWorkspace(h.db)).id;
  demoId = (await createConnection(h.db, { ownerId, provider: "demo", label: "Demo", config: { seed: "sync-test" } })).id;
});
afterAll(async () => h?.close());

const sync = (connectionId: string, at: Date, connector = demoAt(at), owner = ownerId) =>
  syncConnection(h.db, { ownerId: owner, connectionId, trigger: "cron", now: () => at, connector, ...offline });

const rowsOf = (connectionId: string) =>
  h.db.select().from(cashFlows).where(eq(cashFlows.connectionId, connectionId)).orderBy(asc(cashFlows.seq));

/** Each flow's current state (its latest row), by venue flow id. */
async function currentStates(owner: string, connectionId: string): Promise<Record<string, string>> {
  const rows = await executeRows<{ venue_flow_id: string; status: string }>(
    h.db,
    sql`select f.venue_flow_id, f.status from (${currentFlowRows(owner)}) f where f.connection_id = ${connectionId}`,
  );
  return Object.fromEntries(rows.map((r) => [r.venue_flow_id, r.status]));
}

describe("the demo venue's flows through the sync", () => {
  it("a first sync without a flows cursor asks for no since and no pendingSince, and stores the 5 flows (1 pending) once; cursor → T1", async () => {
    const { connector, cashFlowReads } = recordingDemo(T1);
    const r = await sync(demoId, T1, connector);
    expect(r.status).toBe("succeeded");
    expect(cashFlowReads).toEqual([{}]);
    expect(r.counts.cashFlows).toBe(5);
    const rows = await rowsOf(demoId);
    expect(rows.map((f) => [f.venueFlowId, f.kind, f.asset, f.amount, f.status])).toEqual([
      ["demo-withdrawal-4", "withdrawal", "USDT", "4500", "confirmed"],
      ["demo-deposit-5", "deposit", "BTC", "0.35", "confirmed"],
      ["demo-deposit-7", "deposit", "USDT", "11000", "confirmed"],
      ["demo-deposit-10", "deposit", "USDT", "19000", "confirmed"],
      ["demo-deposit-11", "deposit", "USDT", "15500", "pending"],
    ]);
    expect(rows.every((f) => f.ownerId === ownerId && f.syncBatchId === r.batchId && f.source === "venue" && f.accountId !== null && f.portfolioId === null)).toBe(true);
    expect((await cursorsOf(h.db, demoId)).cash_flows).toEqual(T1);
  });

  it("values each flow by the nearest snapshot holding its asset: 0.35 BTC × the T1 snapshot's BTC price, in USD", async () => {
    // No snapshot existed before T1: the run's own snapshot is the first one after every flow.
    const [snap] = await h.db.select().from(portfolioSnapshots).where(and(eq(portfolioSnapshots.connectionId, demoId), eq(portfolioSnapshots.capturedAt, T1)));
    const [doc] = await h.db.select().from(snapshotHoldings).where(eq(snapshotHoldings.snapshotId, snap!.id));
    const spot = (asset: string) => doc!.rows.find((x: SnapshotHolding) => x.kind === "spot" && x.asset === asset)!;
    const perUnit = (asset: string) => new D(spot(asset).price).times(spot(asset).fxRate);
    const rows = await rowsOf(demoId);
    for (const f of rows) {
      expect(f).toMatchObject({ baseCurrency: "USD", priceSource: "snapshot" });
      expect(new D(f.valueBase!).eq(new D(f.amount).times(perUnit(f.asset)))).toBe(true);
    }
    expect(rows.every((f) => new D(f.valueBase!).gt(0))).toBe(true);
    expect(rows[0]).toMatchObject({ fee: "1", feeAsset: "USDT" });
  });

  it("a re-read with the same statuses adds nothing, and reaches back to the pending deposit (pendingSince 05:48)", async () => {
    const before = await dataCounts(h.db);
    const { connector, cashFlowReads } = recordingDemo(T1);
    const r = await sync(demoId, T1, connector);
    expect(cashFlowReads).toEqual([{ since: T1, pendingSince: PENDING_DEPOSIT_AT }]);
    expect(r.counts.cashFlows).toBe(0);
    expect((await dataCounts(h.db)).cashFlows).toBe(before.cashFlows);
  });

  it("the pending deposit, confirmed by T2, adds one row; its current state is confirmed and it now counts (5 counted flows)", async () => {
    const { connector, cashFlowReads } = recordingDemo(T2);
    const r = await sync(demoId, T2, connector);
    expect(cashFlowReads).toEqual([{ since: T1, pendingSince: PENDING_DEPOSIT_AT }]);
    expect(r.counts.cashFlows).toBe(1);
    const rows = await rowsOf(demoId);
    expect(rows.filter((f) => f.venueFlowId === "demo-deposit-11").map((f) => f.status)).toEqual(["pending", "confirmed"]);
    expect((await currentStates(ownerId, demoId))["demo-deposit-11"]).toBe("confirmed");
    const { counted, unvalued } = await readCountedFlows(h.db, { ownerId, baseCurrency: "USD" });
    expect(counted.filter((f) => f.connectionId === demoId).map((f) => [f.asset, f.value.startsWith("-")])).toEqual([
      ["USDT", true],
      ["BTC", false],
      ["USDT", false],
      ["USDT", false],
      ["USDT", false],
    ]);
    expect(unvalued).toEqual([]);
    expect(await earliestPendingFlowAt(h.db, { ownerId, connectionId: demoId })).toBeNull();
  });

  it("a failed flows read at T3: the run is partial, orders and fills commit and move their cursors to T3, the flows cursor stays at T2", async () => {
    const down = async () => {
      throw new ConnectorError({ kind: "unavailable", provider: "demo", endpoint: "GET /cash-flows", message: "venue returned 503" });
    };
    const before = await dataCounts(h.db);
    const r = await sync(demoId, T3, demoAt(T3, { fetchCashFlows: down }));
    expect(r).toMatchObject({ status: "partial", failedStreams: [{ stream: "cash_flows", kind: "unavailable", message: "demo GET /cash-flows: venue returned 503" }] });
    expect(r.counts.cashFlows).toBe(0);
    expect(r.counts.fills).toBeGreaterThan(0);
    const after = await dataCounts(h.db);
    expect(after.fills).toBe(before.fills + r.counts.fills);
    expect(after.orderEvents).toBe(before.orderEvents + r.counts.orderEvents);
    expect(await cursorsOf(h.db, demoId)).toEqual({ orders: T3, fills: T3, cash_flows: T2 });
  });

  it("the next run at T4 reads flows from the unadvanced cursor T2 with nothing pending, and moves it to T4", async () => {
    const { connector, cashFlowReads } = recordingDemo(T4);
    const r = await sync(demoId, T4, connector);
    expect(r.status).toBe("succeeded");
    expect(cashFlowReads).toEqual([{ since: T2 }]);
    expect((await cursorsOf(h.db, demoId)).cash_flows).toEqual(T4);
  });

  it("a flow of an account the venue did not list is reported on the run (flow id and account named), not dropped silently: no row, cursor kept", async () => {
    const demo = demoAt(T5);
    const ghost: CashFlow = { accountUid: "ghost", venueFlowId: "ghost-1", kind: "deposit", asset: "USDT", amount: "100", at: T4, status: "confirmed", source: "venue", raw: {} };
    const withGhost = demoAt(T5, {
      fetchCashFlows: async (p: CashFlowParams) => {
        const real = await demo.fetchCashFlows!(p);
        return { ...real, items: [...real.items, ghost] };
      },
    });
    const before = (await rowsOf(demoId)).length;
    const r = await sync(demoId, T5, withGhost);
    expect(r.status).toBe("partial");
    expect(r.failedStreams).toEqual([
      { stream: "cash_flows", kind: "bad_response", message: 'sync: cash flow "ghost-1" of account "ghost", which the venue did not list among its accounts' },
    ]);
    expect(await rowsOf(demoId)).toHaveLength(before);
    expect(await cursorsOf(h.db, demoId)).toEqual({ orders: T5, fills: T5, cash_flows: T4 });
  });
});

describe("pending flows that settle either way", () => {
  let fakeId: string;
  const reads: CashFlowParams[] = [];
  const flow = (over: Partial<CashFlow> & Pick<CashFlow, "venueFlowId" | "kind" | "amount" | "at" | "status">): CashFlow => ({
    accountUid: "demo-funding",
    asset: "USDT",
    source: "venue",
    raw: { id: over.venueFlowId },
    ...over,
  });
  const withdrawal = (status: CashFlow["status"]) =>
    flow({ venueFlowId: "w-1", kind: "withdrawal", amount: "500", fee: "1", feeAsset: "USDT", at: new Date("2026-12-04T05:00:00Z"), status, venueStatus: status });
  const deposit = (status: CashFlow["status"]) => flow({ venueFlowId: "d-2", kind: "deposit", amount: "700", at: new Date("2026-12-04T05:30:00Z"), status });
  const venue = (at: Date, items: CashFlow[]) =>
    demoAt(
      at,
      {
        fetchCashFlows: async (p: CashFlowParams) => {
          reads.push(p);
          return { items, raw: [{ endpoint: "fake:cash-flows", at, body: items.map((f) => f.raw) }] };
        },
      },
      "flows-fake",
    );

  beforeAll(async () => {
    fakeId = (await createConnection(h.db, { ownerId, provider: "demo", label: "Fake flows", config: { seed: "flows-fake" } })).id;
  });

  it("two pending flows at T1: the next read's pendingSince is the earlier one's time (05:00)", async () => {
    await sync(fakeId, T1, venue(T1, [withdrawal("pending"), deposit("pending")]));
    expect(await earliestPendingFlowAt(h.db, { ownerId, connectionId: fakeId })).toEqual(new Date("2026-12-04T05:00:00Z"));
    const r = await sync(fakeId, T2, venue(T2, [withdrawal("failed"), deposit("confirmed")]));
    expect(reads.at(-1)).toEqual({ since: T1, pendingSince: new Date("2026-12-04T05:00:00Z") });
    expect(r.counts.cashFlows).toBe(2);
  });

  it("the withdrawal that failed has current state failed and no effect: readCountedFlows returns only the 700 USDT deposit", async () => {
    expect(await currentStates(ownerId, fakeId)).toEqual({ "w-1": "failed", "d-2": "confirmed" });
    const { counted, unvalued } = await readCountedFlows(h.db, { ownerId, baseCurrency: "USD" });
    expect(counted.filter((f) => f.connectionId === fakeId).map((f) => [f.kind, f.amount])).toEqual([["deposit", "700"]]);
    expect(unvalued.filter((f) => f.connectionId === fakeId)).toEqual([]);
    const [failed] = (await rowsOf(fakeId)).filter((f) => f.venueFlowId === "w-1" && f.status === "failed");
    expect(failed).toMatchObject({ fee: "1", feeAsset: "USDT", venueStatus: "failed", raw: { id: "w-1" }, internalReason: null });
    expect(await earliestPendingFlowAt(h.db, { ownerId, connectionId: fakeId })).toBeNull();
  });

  it("a settled flow the venue reports as pending again adds no row: the deposit stays confirmed", async () => {
    const r = await sync(fakeId, T3, venue(T3, [deposit("pending")]));
    expect(reads.at(-1)).toEqual({ since: T2 });
    expect(r.counts.cashFlows).toBe(0);
    expect((await currentStates(ownerId, fakeId))["d-2"]).toBe("confirmed");
  });
});

describe("owner scoping", () => {
  it("another workspace syncing the same venue (same flow ids) gets its own rows; the first workspace's rows and pending state are untouched", async () => {
    const other = (await createWorkspace(h.db, { name: "Other", slug: "other" })).id;
    const otherConn = (await createConnection(h.db, { ownerId: other, provider: "demo", label: "Demo", config: { seed: "sync-test" } })).id;
    const mine = await h.db.select({ n: count() }).from(cashFlows).where(eq(cashFlows.ownerId, ownerId));
    const r = await sync(otherConn, T1, demoAt(T1), other);
    expect(r.counts.cashFlows).toBe(5);
    expect(await h.db.select({ n: count() }).from(cashFlows).where(eq(cashFlows.ownerId, ownerId))).toEqual(mine);
    expect((await rowsOf(otherConn)).every((f) => f.ownerId === other)).toBe(true);
    // Its deposit is still pending at T1; the first workspace's same deposit is confirmed.
    expect(await earliestPendingFlowAt(h.db, { ownerId: other, connectionId: otherConn })).toEqual(PENDING_DEPOSIT_AT);
    expect(await earliestPendingFlowAt(h.db, { ownerId, connectionId: demoId })).toBeNull();
    expect(await earliestPendingFlowAt(h.db, { ownerId, connectionId: otherConn })).toBeNull();
    expect((await currentStates(ownerId, demoId))["demo-deposit-11"]).toBe("confirmed");
    expect(await currentStates(ownerId, otherConn)).toEqual({});
  });
});

describe("the flows a run stores move the unitised series in the same run", () => {
  it("a 700 USDT deposit at 06:30 read at 07:00 is issued units at the 07:00 snapshot: the ledger's flow there is its stored value", async () => {
    const id = (await createConnection(h.db, { ownerId, provider: "demo", label: "Units", config: { seed: "units-fake" } })).id;
    const deposit: CashFlow = {
      accountUid: "demo-funding",
      venueFlowId: "units-d-1",
      kind: "deposit",
      asset: "USDT",
      amount: "700",
      at: new Date("2026-12-04T06:30:00Z"),
      status: "confirmed",
      source: "venue",
      raw: { id: "units-d-1" },
    };
    const venue = (at: Date, items: CashFlow[]) =>
      demoAt(at, { fetchCashFlows: async () => ({ items, raw: [{ endpoint: "fake:cash-flows", at, body: items.map((f) => f.raw) }] }) }, "units-fake");
    await sync(id, T1, venue(T1, []));
    await sync(id, T2, venue(T2, [deposit]));
    const [stored] = await h.db.select().from(cashFlows).where(eq(cashFlows.venueFlowId, "units-d-1"));
    const issues = await executeRows<{ at: Date | string; net_flow: string; flow_count: number }>(
      h.db,
      sql`select at, net_flow::text, flow_count from unit_issues where owner_id = ${ownerId} and at = ${T2.toISOString()}::timestamptz`,
    );
    expect(issues.map((i) => [new Date(i.at).toISOString(), i.flow_count])).toEqual([[T2.toISOString(), 1]]);
    expect(new D(issues[0]!.net_flow).eq(new D(stored!.valueBase!))).toBe(true);
  });
});
