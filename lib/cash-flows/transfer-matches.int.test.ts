import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { readCountedFlows } from "@/db/queries/cash-flows";
import { createConnection } from "@/db/queries/connections";
import { decodeCursor } from "@/db/queries/keyset";
import { NotFoundError } from "@/db/queries/not-found";
import { createWorkspace, ensurePersonalWorkspace } from "@/db/queries/workspaces";
import { cashFlows, tradingAccounts, users } from "@/db/schema";
import { openTestDb } from "@/db/testing";
import { sum } from "@/lib/money/decimal";
import { listTransferMatches } from "./transfer-match-list";
import { matchTransfers, TransferMatchUndoneError, undoTransferMatch } from "./transfer-matches";

let h: DbHandle;
let ours: string;
let theirs: string;
let personId: string;
let binance: { connectionId: string; accountId: string };
let okx: { connectionId: string; accountId: string };
let theirOkx: { connectionId: string; accountId: string };

const T = (hhmm: string) => new Date(`2026-03-02T${hhmm}:00Z`);

async function venue(ownerId: string, provider: string, label: string, accountUid: string) {
  const { id: connectionId } = await createConnection(h.db, { ownerId, provider, label });
  const [account] = await h.db
    .insert(tradingAccounts)
    .values({ ownerId, connectionId, accountUid, name: `${label} ${accountUid}`, venue: provider, kind: "spot" })
    .returning({ id: tradingAccounts.id });
  return { connectionId, accountId: account!.id };
}

/** One observation of a flow (a row of cash_flows), valued in USD. */
async function observe(
  ownerId: string,
  where: { connectionId: string; accountId: string },
  f: { venueFlowId: string; kind: "withdrawal" | "deposit"; amount: string; valueUsd: string; at: Date; txId?: string; status?: "pending" | "confirmed" },
) {
  const [row] = await h.db
    .insert(cashFlows)
    .values({
      ownerId,
      ...where,
      venueFlowId: f.venueFlowId,
      kind: f.kind,
      asset: "BTC",
      amount: f.amount,
      valueBase: f.valueUsd,
      baseCurrency: "USD",
      priceSource: "reference",
      occurredAt: f.at,
      status: f.status ?? "confirmed",
      txId: f.txId,
      source: "venue",
    })
    .returning({ id: cashFlows.id });
  return row!.id;
}

const counted = async () => {
  const { counted: flows } = await readCountedFlows(h.db, { ownerId: ours, baseCurrency: "USD" });
  return { ids: flows.map((f) => f.id), net: sum(flows.map((f) => f.value)).toFixed() };
};
const page = (ownerId = ours) => listTransferMatches(h.db, { ownerId, cursor: null, limit: 50, descending: true, filters: {} });

let withdrawalId: string;
let depositId: string;

beforeAll(async () => {
  h = await openTestDb();
  ours = (await ensurePersonalWorkspace(h.db)).id;
  theirs = (await createWorkspace(h.db, { name: "Theirs", slug: "theirs" })).id;
  personId = (await h.db.insert(users).values({ email: "ana@example.com", name: "Ana" }).returning({ id: users.id }))[0]!.id;
  binance = await venue(ours, "binance", "Binance", "spot");
  okx = await venue(ours, "okx", "OKX", "funding");
  theirOkx = await venue(theirs, "okx", "Their OKX", "funding");
  // 0.5 BTC leaves Binance at 10:00 (worth $30,000) and reaches OKX at 10:40 (worth $30,150).
  withdrawalId = await observe(ours, binance, { venueFlowId: "withdrawal:1", kind: "withdrawal", amount: "0.5", valueUsd: "30000", at: T("10:00"), txId: "0xabc" });
  // The deposit is first seen pending, then confirmed: its current row is the second.
  await observe(ours, okx, { venueFlowId: "deposit:7", kind: "deposit", amount: "0.5", valueUsd: "30150", at: T("10:40"), txId: "0xABC", status: "pending" });
  // Another workspace has a deposit with the same tx id and amount: never ours to match.
  await observe(theirs, theirOkx, { venueFlowId: "deposit:9", kind: "deposit", amount: "0.5", valueUsd: "30150", at: T("10:40"), txId: "0xabc" });
});
afterAll(async () => {
  await h?.close();
});

describe("a Binance withdrawal and an OKX deposit of 0.5 BTC under one transaction id", () => {
  it("while the deposit is pending: 0 matches; the workspace counts the withdrawal only (net −30000)", async () => {
    expect(await matchTransfers(h.db, { ownerId: ours })).toEqual({ created: 0, released: 0, ambiguous: 0, changedFrom: null });
    expect(await counted()).toEqual({ ids: [withdrawalId], net: "-30000" });
  });

  it("once confirmed, before matching, the workspace counts both: −30000 + 30150 = net +150", async () => {
    depositId = await observe(ours, okx, { venueFlowId: "deposit:7", kind: "deposit", amount: "0.5", valueUsd: "30150", at: T("10:40"), txId: "0xABC" });
    expect(await counted()).toEqual({ ids: [withdrawalId, depositId], net: "150" });
  });

  it("matches them: 1 match by tx id, changed from the withdrawal's 10:00", async () => {
    expect(await matchTransfers(h.db, { ownerId: ours })).toEqual({ created: 1, released: 0, ambiguous: 0, changedFrom: T("10:00") });
    const { rows } = await page();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      state: "live",
      method: "tx_id",
      matchedBy: null,
      undoneAt: null,
      out: { flowId: withdrawalId, connectionLabel: "Binance", holder: "Binance spot", amount: "0.5", asset: "BTC", txId: "0xabc", occurredAt: T("10:00") },
      in: { flowId: depositId, connectionLabel: "OKX", holder: "OKX funding", amount: "0.5", txId: "0xABC", occurredAt: T("10:40") },
    });
  });

  it("a matched cross-venue transfer is no workspace flow: readCountedFlows leaves both out, net deposits 0", async () => {
    expect(await counted()).toEqual({ ids: [], net: "0" });
  });

  it("a second run changes nothing (0 created, changedFrom null)", async () => {
    expect(await matchTransfers(h.db, { ownerId: ours })).toEqual({ created: 0, released: 0, ambiguous: 0, changedFrom: null });
  });

  it("the other workspace's deposit with the same tx id was never matched with ours; its own run finds nothing (0)", async () => {
    expect((await page(theirs)).rows).toEqual([]);
    expect(await matchTransfers(h.db, { ownerId: theirs })).toMatchObject({ created: 0 });
  });

  it("the other workspace cannot undo our match (not found), nor we theirs", async () => {
    const { rows } = await page();
    await expect(undoTransferMatch(h.db, { ownerId: theirs, matchId: rows[0]!.id, by: personId })).rejects.toThrow(NotFoundError);
  });

  it("undo: both count again (net +150), changed from 10:00; the undo names Ana", async () => {
    const { rows } = await page();
    expect(await undoTransferMatch(h.db, { ownerId: ours, matchId: rows[0]!.id, by: personId })).toEqual({ changedFrom: T("10:00") });
    expect(await counted()).toEqual({ ids: [withdrawalId, depositId], net: "150" });
    expect((await page()).rows[0]).toMatchObject({ state: "undone", undoneBy: "Ana", undoneAt: expect.any(Date) });
  });

  it("undoing it again is refused as already undone", async () => {
    const { rows } = await page();
    await expect(undoTransferMatch(h.db, { ownerId: ours, matchId: rows[0]!.id, by: personId })).rejects.toThrow(TransferMatchUndoneError);
  });

  it("a re-run after the undo does not re-match the pair (0 created); both still count (net +150)", async () => {
    expect(await matchTransfers(h.db, { ownerId: ours })).toMatchObject({ created: 0, changedFrom: null });
    expect(await counted()).toMatchObject({ net: "150" });
  });
});

describe("a live match whose leg a person reversed", () => {
  let out: string;
  let deposit: string;

  it("a transfer matched by amount and time: 0.25 BTC out of OKX at 12:00, in to Binance at 12:30", async () => {
    out = await observe(ours, okx, { venueFlowId: "withdrawal:3", kind: "withdrawal", amount: "0.25", valueUsd: "15000", at: T("12:00") });
    deposit = await observe(ours, binance, { venueFlowId: "deposit:4", kind: "deposit", amount: "0.25", valueUsd: "15000", at: T("12:30") });
    expect(await matchTransfers(h.db, { ownerId: ours })).toEqual({ created: 1, released: 0, ambiguous: 0, changedFrom: T("12:00") });
    expect((await page()).rows[0]).toMatchObject({ method: "amount_time", out: { flowId: out }, in: { flowId: deposit } });
  });

  it("is released when the deposit is reversed: the withdrawal counts again (−15000), changed from 12:00", async () => {
    await h.db.insert(cashFlows).values({
      ownerId: ours,
      ...binance,
      venueFlowId: `reversal:${deposit}`,
      kind: "deposit",
      asset: "BTC",
      amount: "0.25",
      occurredAt: T("12:30"),
      status: "confirmed",
      source: "manual",
      enteredBy: personId,
      reversesId: deposit,
    });
    expect(await matchTransfers(h.db, { ownerId: ours, now: T("13:00") })).toEqual({ created: 0, released: 1, ambiguous: 0, changedFrom: T("12:00") });
    const released = (await page()).rows.find((r) => r.out.flowId === out);
    expect(released).toMatchObject({ state: "released", undoneAt: T("13:00"), undoneBy: null });
    expect((await counted()).ids).toContain(out);
    expect((await counted()).ids).not.toContain(deposit);
  });
});

describe("the list, a page at a time", () => {
  it("2 matches, 1 a page: newest first, then the older one by its cursor; filtered by method, 1 each", async () => {
    const first = await listTransferMatches(h.db, { ownerId: ours, cursor: null, limit: 1, descending: true, filters: {} });
    expect(first.rows.map((r) => r.method)).toEqual(["amount_time"]);
    const second = await listTransferMatches(h.db, { ownerId: ours, cursor: decodeCursor(first.nextCursor), limit: 1, descending: true, filters: {} });
    expect(second.rows.map((r) => r.method)).toEqual(["tx_id"]);
    expect(second.nextCursor).toBeNull();
    for (const method of ["tx_id", "amount_time"] as const) {
      expect((await listTransferMatches(h.db, { ownerId: ours, cursor: null, limit: 50, descending: true, filters: { method } })).rows.map((r) => r.method)).toEqual([method]);
    }
  });
});
