import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeCursor } from "@/db/queries/keyset";
import { cashFlowMatches } from "@/db/schema";
import { addManualFlow, replaceFlow } from "@/lib/cash-flows/manual-flows";
import { openFlowWorld, venueFlow, type FlowWorld } from "@/lib/cash-flows/test-support";
import { loadFlowPage, loadNetDeposits } from "./cash-flow-data";
import type { FlowView } from "./cash-flow-schemas";
import type { KeysetPageRequest } from "./keyset-page";

// The flows list through its read model: the current state of each flow, whether it counts and
// why, corrections shown on the flows they touch, the URL's filters, keyset paging, and only
// ever the asking workspace's flows.

let w: FlowWorld;
const id: Record<string, string> = {};
const day = (d: number) => new Date(Date.UTC(2026, 0, d, 12));

beforeAll(async () => {
  w = await openFlowWorld();
  const o = w.ours;
  const who = { ownerId: o.ownerId, enteredBy: o.userId };
  id.deposit = (await addManualFlow(w.db, { ...who, accountId: o.accountId, kind: "deposit", asset: "USD", amount: "1000", occurredAt: day(1), note: "wire from the bank" })).flow.id;
  id.btc = (await venueFlow(w.db, o, { venueFlowId: "dep-btc", asset: "BTC", amount: "0.1", baseCurrency: null, occurredAt: day(2), txId: "0xabc123def456abc123def456", network: "BTC" })).id;
  id.withdrawal = (await venueFlow(w.db, o, { venueFlowId: "wd-1", kind: "withdrawal", amount: "200", valueBase: "200", connectionId: o.secondConnectionId, accountId: o.secondAccountId, occurredAt: day(3) })).id;
  id.pending = (await venueFlow(w.db, o, { venueFlowId: "dep-pending", amount: "50", status: "pending", occurredAt: day(4) })).id;
  id.failed = (await venueFlow(w.db, o, { venueFlowId: "wd-failed", kind: "withdrawal", amount: "60", status: "failed", occurredAt: day(5) })).id;
  id.income = (await venueFlow(w.db, o, { venueFlowId: "int-1", kind: "income", incomeKind: "interest", amount: "3", occurredAt: day(6) })).id;
  id.internal = (await venueFlow(w.db, o, { venueFlowId: "dep-internal", amount: "70", internalReason: "between two accounts of this connection", occurredAt: day(7) })).id;
  id.out = (await venueFlow(w.db, o, { venueFlowId: "wd-transfer", kind: "withdrawal", amount: "80", occurredAt: day(8) })).id;
  id.in = (await venueFlow(w.db, o, { venueFlowId: "dep-transfer", amount: "80", connectionId: o.secondConnectionId, accountId: o.secondAccountId, occurredAt: day(8) })).id;
  await w.db.insert(cashFlowMatches).values({ ownerId: o.ownerId, outFlowId: id.out!, inFlowId: id.in!, method: "amount_time" });
  id.wrong = (await addManualFlow(w.db, { ...who, accountId: o.accountId, kind: "deposit", asset: "USD", amount: "300", occurredAt: day(9) })).flow.id;
  id.replacement = (
    await replaceFlow(w.db, { ...who, flowId: id.wrong!, accountId: o.accountId, kind: "deposit", asset: "USD", amount: "350", occurredAt: day(10), note: "the statement says 350" })
  ).replacement.id;
  await venueFlow(w.db, o, { venueFlowId: "dep-settled", amount: "40", status: "pending", occurredAt: day(11) });
  id.settled = (await venueFlow(w.db, o, { venueFlowId: "dep-settled", amount: "40", status: "confirmed", occurredAt: day(11) })).id;
  id.theirs = (await venueFlow(w.db, w.theirs, { venueFlowId: "dep-theirs", amount: "999", occurredAt: day(12) })).id;
});
afterAll(async () => {
  await w?.handle.close();
});

const request = (filters: Record<string, string> = {}, limit = 50, cursor: string | null = null): KeysetPageRequest => ({ cursor, limit, sort: null, filters });
const page = (filters: Record<string, string> = {}, ownerId = w.ours.ownerId) => loadFlowPage(w.db, { ownerId, baseCurrency: "USD", request: request(filters) });
const byId = (rows: FlowView[]) => new Map(rows.map((r) => [r.id, r]));
const name = (flowId: string) => Object.entries(id).find(([, v]) => v === flowId)?.[0];

describe("the flows list", () => {
  it("lists the current state of each of the 12 flows, newest first; reversal rows are not rows of their own", async () => {
    const { rows, nextCursor, prevCursor } = await page();
    expect(rows.map((r) => name(r.id))).toEqual(["settled", "replacement", "wrong", expect.stringMatching(/^(in|out)$/), expect.stringMatching(/^(in|out)$/), "internal", "income", "failed", "pending", "withdrawal", "btc", "deposit"]);
    expect(byId(rows).get(id.settled!)?.status).toBe("confirmed");
    expect([nextCursor, prevCursor]).toEqual([null, null]);
  });

  it("says whether each counts and why: counted, pending, failed, income, internal, matched transfer, reversed", async () => {
    const rows = byId((await page()).rows);
    const counts = Object.fromEntries(Object.entries(id).filter(([k]) => k !== "theirs").map(([k, v]) => [k, rows.get(v)?.counts]));
    expect(counts).toEqual({
      deposit: "counted",
      btc: "counted",
      withdrawal: "counted",
      pending: "pending",
      failed: "failed",
      income: "performance",
      internal: "internal",
      out: "matched",
      in: "matched",
      wrong: "reversed",
      replacement: "counted",
      settled: "counted",
    });
  });

  it("values each in USD: 1,000 at par, the 200 withdrawal as stored, 0.1 BTC unvalued (null, never 0)", async () => {
    const rows = byId((await page()).rows);
    expect(rows.get(id.deposit!)).toMatchObject({ valueBase: "1000", baseCurrency: "USD", priceSource: "par", source: "manual", enteredBy: "ours person", note: "wire from the bank" });
    expect(rows.get(id.withdrawal!)).toMatchObject({ valueBase: "200", connectionId: w.ours.secondConnectionId, connectionLabel: "ours groww", holderLabel: "Account ours-groww", source: "venue", enteredBy: null });
    expect(rows.get(id.btc!)).toMatchObject({ valueBase: null, asset: "BTC", amount: "0.1", txId: "0xabc123def456abc123def456", network: "BTC" });
    expect(rows.get(id.income!)).toMatchObject({ kind: "income", incomeKind: "interest" });
  });

  it("a reversed flow shows who reversed it, when and why, and what replaced it; the replacement names the 300 deposit it replaced", async () => {
    const rows = byId((await page()).rows);
    const wrong = rows.get(id.wrong!)!;
    expect(wrong.reversal).toEqual({ at: expect.any(String), by: "ours person", note: "the statement says 350" });
    expect(wrong.replacedById).toBe(id.replacement);
    expect(rows.get(id.replacement!)?.replaces).toEqual({ id: id.wrong, kind: "deposit", asset: "USD", amount: "300", occurredAt: day(9).toISOString() });
    expect(rows.get(id.deposit!)?.reversal).toBeNull();
  });

  it("net deposits: 1,000 − 200 + 350 + 40 = 1,190 USD over 4 counted flows; the BTC deposit is left out as unvalued", async () => {
    expect(await loadNetDeposits(w.db, { ownerId: w.ours.ownerId, baseCurrency: "USD" })).toEqual({ net: "1190", currency: "USD", counted: 4, unvalued: 1 });
  });
});

describe("filters", () => {
  const names = async (filters: Record<string, string>) => (await page(filters)).rows.map((r) => name(r.id)).sort();

  it("by connection, kind, status and source", async () => {
    expect(await names({ connection: w.ours.secondConnectionId })).toEqual(["in", "withdrawal"]);
    expect(await names({ kind: "withdrawal" })).toEqual(["failed", "out", "withdrawal"]);
    expect(await names({ status: "pending" })).toEqual(["pending"]);
    expect(await names({ source: "manual" })).toEqual(["deposit", "replacement", "wrong"]);
  });

  it("counted or not: the two sets split the 12 flows (5 and 7)", async () => {
    expect(await names({ counted: "yes" })).toEqual(["btc", "deposit", "replacement", "settled", "withdrawal"]);
    expect(await names({ counted: "no" })).toEqual(["failed", "in", "income", "internal", "out", "pending", "wrong"]);
  });

  it("find: a replaced flow's id finds it and its replacement; a tx id finds its flow; filters combine", async () => {
    expect(await names({ find: id.wrong! })).toEqual(["replacement", "wrong"]);
    expect(await names({ find: "0xabc123def456abc123def456" })).toEqual(["btc"]);
    expect(await names({ kind: "deposit", counted: "no", connection: w.ours.connectionId })).toEqual(["internal", "pending", "wrong"]);
  });

  it("an unknown filter value drops that filter only", async () => {
    expect(await names({ kind: "gift", status: "failed" })).toEqual(["failed"]);
    // A NUL (which PostgreSQL text cannot hold) is an unknown value too, not a failed read.
    expect(await names({ find: "0xabc\u0000", status: "failed" })).toEqual(["failed"]);
  });
});

describe("keyset paging and scope", () => {
  it("pages of 5 walk all 12 flows with no repeat or gap (5, 5, 2), and back again", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    const sizes: number[] = [];
    const cursors: Array<string | null> = [];
    do {
      const p = await loadFlowPage(w.db, { ownerId: w.ours.ownerId, baseCurrency: "USD", request: request({}, 5, cursor) });
      sizes.push(p.rows.length);
      seen.push(...p.rows.map((r) => r.id));
      cursors.push(p.prevCursor);
      cursor = p.nextCursor;
    } while (cursor);
    expect(sizes).toEqual([5, 5, 2]);
    expect(seen).toEqual((await page()).rows.map((r) => r.id));
    const back = await loadFlowPage(w.db, { ownerId: w.ours.ownerId, baseCurrency: "USD", request: request({}, 5, cursors[2]!) });
    expect(back.rows.map((r) => r.id)).toEqual(seen.slice(5, 10));
  });

  it("another workspace sees only its own flow; a cursor naming ours shows them nothing of ours", async () => {
    expect((await page({}, w.theirs.ownerId)).rows.map((r) => r.id)).toEqual([id.theirs]);
    expect((await page()).rows.map((r) => r.id)).not.toContain(id.theirs);
    const cursor = encodeCursor({ at: "2026-12-31 00:00:00+00", id: id.deposit!, dir: "after" });
    const theirs = await loadFlowPage(w.db, { ownerId: w.theirs.ownerId, baseCurrency: "USD", request: request({}, 50, cursor) });
    expect(theirs.rows.map((r) => r.id)).toEqual([id.theirs]);
  });
});
