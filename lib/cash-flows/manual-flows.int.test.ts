import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readCountedFlows } from "@/db/queries/cash-flows";
import { NotFoundError } from "@/db/queries/not-found";
import { cashFlows } from "@/db/schema";
import { sum, toDecimalString } from "@/lib/money/decimal";
import { FlowRefusedError } from "./flow-refused";
import { addManualFlow, replaceFlow, reverseFlow } from "./manual-flows";
import { flowRowCount, openFlowWorld, venueFlow, type FlowWorld } from "./test-support";

let w: FlowWorld;
beforeAll(async () => {
  w = await openFlowWorld();
});
afterAll(async () => {
  await w?.handle.close();
});

const at = (iso: string) => new Date(iso);
const ours = () => ({ ownerId: w.ours.ownerId, enteredBy: w.ours.userId });
const deposit = (amount: string, when = "2026-03-01T10:00:00Z") =>
  addManualFlow(w.db, { ...ours(), accountId: w.ours.accountId, kind: "deposit", asset: "USD", amount, occurredAt: at(when) });

/** Σ of the workspace's counted flows in USD, and how many there are (the rule in db/queries/cash-flows.ts). */
async function netDeposits(ownerId = w.ours.ownerId) {
  const { counted, unvalued } = await readCountedFlows(w.db, { ownerId, baseCurrency: "USD" });
  return { net: toDecimalString(sum(counted.map((c) => c.value))), counted: counted.length, unvalued: unvalued.length };
}

/** Runs `work`, expects it refused, and that the workspace has exactly as many flow rows as before. */
async function refusedSavingNothing(work: () => Promise<unknown>): Promise<unknown> {
  const before = await flowRowCount(w.db, w.ours.ownerId);
  const error = await work().then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).not.toBeNull();
  expect(await flowRowCount(w.db, w.ours.ownerId)).toBe(before);
  return error;
}

describe("addManualFlow", () => {
  it("a deposit of 1,000 USD: one confirmed manual row on the account's connection, valued 1,000 at par, counted", async () => {
    const before = await netDeposits();
    const { flow, changedFrom } = await deposit("1000.00");
    expect(flow).toMatchObject({
      ownerId: w.ours.ownerId,
      connectionId: w.ours.connectionId,
      accountId: w.ours.accountId,
      kind: "deposit",
      incomeKind: null,
      asset: "USD",
      amount: "1000",
      valueBase: "1000",
      baseCurrency: "USD",
      priceSource: "par",
      status: "confirmed",
      source: "manual",
      enteredBy: w.ours.userId,
      reversesId: null,
      replacesId: null,
    });
    expect(flow.venueFlowId).toMatch(/^manual:[0-9a-f-]{36}$/);
    expect(changedFrom).toEqual(at("2026-03-01T10:00:00Z"));
    const after = await netDeposits();
    expect(after.counted).toBe(before.counted + 1);
    expect(toDecimalString(sum([after.net, `-${before.net}`]))).toBe("1000");
  });

  it("0.5 BTC worth 30,000 USD at its time: stored with that value, price source manual; a 300 USD withdrawal counts −300", async () => {
    const btc = await addManualFlow(w.db, { ...ours(), accountId: w.ours.accountId, kind: "deposit", asset: "btc", amount: "0.5", occurredAt: at("2026-03-02T00:00:00Z"), valueBase: "30000", note: "cold wallet" });
    expect(btc.flow).toMatchObject({ asset: "BTC", amount: "0.5", valueBase: "30000", baseCurrency: "USD", priceSource: "manual", note: "cold wallet" });
    const out = await addManualFlow(w.db, { ...ours(), accountId: w.ours.secondAccountId, kind: "withdrawal", asset: "USD", amount: "300", occurredAt: at("2026-03-03T00:00:00Z") });
    const { counted } = await readCountedFlows(w.db, { ownerId: w.ours.ownerId, baseCurrency: "USD" });
    expect(counted.find((c) => c.id === btc.flow.id)?.value).toBe("30000");
    expect(counted.find((c) => c.id === out.flow.id)).toMatchObject({ connectionId: w.ours.secondConnectionId, value: "-300" });
  });

  it("an amount of 0 or −5 is refused on Amount, and nothing is saved", async () => {
    for (const amount of ["0", "-5"]) {
      const e = await refusedSavingNothing(() => deposit(amount));
      expect(e).toBeInstanceOf(FlowRefusedError);
      expect(e).toMatchObject({ field: "amount", message: "Amount: must be more than 0" });
    }
    const e = await refusedSavingNothing(() => deposit("1,000"));
    expect(e).toMatchObject({ field: "amount", message: expect.stringMatching(/^Amount: a number such as/) });
  });

  it("a time in the future is refused on When, and nothing is saved", async () => {
    const e = await refusedSavingNothing(() => deposit("100", new Date(Date.now() + 3_600_000).toISOString()));
    expect(e).toMatchObject({ field: "occurredAt", message: "When: must not be in the future" });
  });

  it("0.5 BTC without a value in USD is refused on the value field, and nothing is saved", async () => {
    const e = await refusedSavingNothing(() =>
      addManualFlow(w.db, { ...ours(), accountId: w.ours.accountId, kind: "deposit", asset: "BTC", amount: "0.5", occurredAt: at("2026-03-01T00:00:00Z") }),
    );
    expect(e).toBeInstanceOf(FlowRefusedError);
    expect(e).toMatchObject({ field: "valueBase", message: expect.stringContaining("BTC is not the workspace's base currency (USD)") });
  });

  it("income needs its kind; a 12.5 USD dividend is saved as income but does not count as a flow", async () => {
    const e = await refusedSavingNothing(() => addManualFlow(w.db, { ...ours(), accountId: w.ours.accountId, kind: "income", asset: "USD", amount: "12.5", occurredAt: at("2026-03-04T00:00:00Z") }));
    expect(e).toMatchObject({ field: "incomeKind" });
    const before = await netDeposits();
    const { flow } = await addManualFlow(w.db, { ...ours(), accountId: w.ours.accountId, kind: "income", incomeKind: "dividend", asset: "USD", amount: "12.5", occurredAt: at("2026-03-04T00:00:00Z") });
    expect(flow).toMatchObject({ kind: "income", incomeKind: "dividend", valueBase: "12.5" });
    expect(await netDeposits()).toEqual(before);
    // A stale income kind on another kind is dropped, not stored.
    const fee = await addManualFlow(w.db, { ...ours(), accountId: w.ours.accountId, kind: "fee", incomeKind: "interest", asset: "USD", amount: "1", occurredAt: at("2026-03-04T00:00:00Z") });
    expect(fee.flow.incomeKind).toBeNull();
  });

  it("another workspace's account is not found (404), and nothing is saved in either workspace", async () => {
    const theirsBefore = await flowRowCount(w.db, w.theirs.ownerId);
    const e = await refusedSavingNothing(() => addManualFlow(w.db, { ...ours(), accountId: w.theirs.accountId, kind: "deposit", asset: "USD", amount: "5", occurredAt: at("2026-03-01T00:00:00Z") }));
    expect(e).toBeInstanceOf(NotFoundError);
    expect(await flowRowCount(w.db, w.theirs.ownerId)).toBe(theirsBefore);
  });
});

describe("reverseFlow", () => {
  it("reversing a 1,000 deposit: one reversal row naming it, who and why; it counts no more; changed from the deposit's time", async () => {
    const { flow } = await deposit("1000", "2026-04-01T09:00:00Z");
    const before = await netDeposits();
    const { reversal, changedFrom } = await reverseFlow(w.db, { ...ours(), flowId: flow.id, note: "entered twice" });
    expect(reversal).toMatchObject({
      reversesId: flow.id,
      venueFlowId: `reversal:${flow.id}`,
      kind: "deposit",
      asset: "USD",
      amount: "1000",
      status: "confirmed",
      source: "manual",
      enteredBy: w.ours.userId,
      note: "entered twice",
      accountId: w.ours.accountId,
      occurredAt: flow.occurredAt,
    });
    expect(changedFrom).toEqual(at("2026-04-01T09:00:00Z"));
    const after = await netDeposits();
    expect(after.counted).toBe(before.counted - 1);
    expect(toDecimalString(sum([before.net, `-${after.net}`]))).toBe("1000");
  });

  it("a flow is reversed once: the second attempt is refused as a clash (no field) and adds no row", async () => {
    const { flow } = await deposit("50");
    await reverseFlow(w.db, { ...ours(), flowId: flow.id, note: "wrong account" });
    const e = await refusedSavingNothing(() => reverseFlow(w.db, { ...ours(), flowId: flow.id, note: "again" }));
    expect(e).toBeInstanceOf(FlowRefusedError);
    expect((e as FlowRefusedError).field).toBeUndefined();
    expect((e as Error).message).toMatch(/^This flow was already reversed by ours person on \d{4}-\d\d-\d\d \d\d:\d\d UTC; a flow is reversed only once$/);
  });

  it("a reversal row itself cannot be reversed", async () => {
    const { flow } = await deposit("60");
    const { reversal } = await reverseFlow(w.db, { ...ours(), flowId: flow.id, note: "mistake" });
    const e = await refusedSavingNothing(() => reverseFlow(w.db, { ...ours(), flowId: reversal.id, note: "undo the undo" }));
    expect((e as Error).message).toBe("This row is itself a reversal and cannot be reversed; add the flow again if it was right");
  });

  it("another workspace's flow is not found (404), and stays unreversed", async () => {
    const theirs = await venueFlow(w.db, w.theirs, { venueFlowId: "dep-theirs-1", amount: "70", occurredAt: at("2026-04-02T00:00:00Z") });
    const e = await refusedSavingNothing(() => reverseFlow(w.db, { ...ours(), flowId: theirs.id, note: "not mine" }));
    expect(e).toBeInstanceOf(NotFoundError);
    expect((await netDeposits(w.theirs.ownerId)).net).toBe("70");
  });

  it("a venue flow seen pending then confirmed: reversing its pending row voids the flow; its confirmed row is then refused too", async () => {
    const pending = await venueFlow(w.db, w.ours, { venueFlowId: "dep-77", amount: "77", occurredAt: at("2026-04-03T00:00:00Z"), status: "pending" });
    const confirmed = await venueFlow(w.db, w.ours, { venueFlowId: "dep-77", amount: "77", occurredAt: at("2026-04-03T00:00:00Z"), status: "confirmed" });
    const before = await netDeposits();
    await reverseFlow(w.db, { ...ours(), flowId: pending.id, note: "never arrived" });
    const after = await netDeposits();
    expect(toDecimalString(sum([before.net, `-${after.net}`]))).toBe("77");
    const e = await refusedSavingNothing(() => reverseFlow(w.db, { ...ours(), flowId: confirmed.id, note: "again" }));
    expect((e as Error).message).toMatch(/already reversed/);
  });
});

describe("replaceFlow", () => {
  it("deposit 1,000 replaced by 1,200: counted once, net deposits 1,200", async () => {
    const { net: base } = await netDeposits();
    const { flow } = await deposit("1000", "2026-05-01T10:00:00Z");
    const { reversal, replacement, changedFrom } = await replaceFlow(w.db, {
      ...ours(),
      flowId: flow.id,
      accountId: w.ours.accountId,
      kind: "deposit",
      asset: "USD",
      amount: "1200",
      occurredAt: at("2026-05-02T10:00:00Z"),
      note: "the bank statement says 1,200",
    });
    expect(reversal).toMatchObject({ reversesId: flow.id, note: "the bank statement says 1,200" });
    expect(replacement).toMatchObject({ replacesId: flow.id, amount: "1200", valueBase: "1200", source: "manual", status: "confirmed", note: "the bank statement says 1,200" });
    expect(changedFrom).toEqual(at("2026-05-01T10:00:00Z"));
    const { counted } = await readCountedFlows(w.db, { ownerId: w.ours.ownerId, baseCurrency: "USD" });
    expect(counted.filter((c) => c.id === flow.id || c.id === replacement.id).map((c) => c.value)).toEqual(["1200"]);
    expect(toDecimalString(sum([(await netDeposits()).net, `-${base}`]))).toBe("1200");
  });

  it("a replacement dated before the original: changed from the replacement's time", async () => {
    const { flow } = await deposit("10", "2026-06-10T00:00:00Z");
    const { changedFrom } = await replaceFlow(w.db, { ...ours(), flowId: flow.id, accountId: w.ours.secondAccountId, kind: "deposit", asset: "USD", amount: "10", occurredAt: at("2026-06-01T00:00:00Z"), note: "earlier" });
    expect(changedFrom).toEqual(at("2026-06-01T00:00:00Z"));
  });

  it("a replacement refused (BTC without a value) saves nothing: no reversal, the 400 deposit still counts", async () => {
    const { flow } = await deposit("400");
    const before = await netDeposits();
    const e = await refusedSavingNothing(() =>
      replaceFlow(w.db, { ...ours(), flowId: flow.id, accountId: w.ours.accountId, kind: "deposit", asset: "BTC", amount: "0.01", occurredAt: at("2026-03-01T00:00:00Z"), note: "was BTC" }),
    );
    expect(e).toMatchObject({ field: "valueBase" });
    expect(await netDeposits()).toEqual(before);
    // The same on a bad account of another workspace: the reversal written first is rolled back.
    const e2 = await refusedSavingNothing(() =>
      replaceFlow(w.db, { ...ours(), flowId: flow.id, accountId: w.theirs.accountId, kind: "deposit", asset: "USD", amount: "400", occurredAt: at("2026-03-01T00:00:00Z"), note: "moved" }),
    );
    expect(e2).toBeInstanceOf(NotFoundError);
    expect(await netDeposits()).toEqual(before);
  });

  it("replacing a flow already reversed is refused, and nothing is saved", async () => {
    const { flow } = await deposit("20");
    await reverseFlow(w.db, { ...ours(), flowId: flow.id, note: "gone" });
    const e = await refusedSavingNothing(() => replaceFlow(w.db, { ...ours(), flowId: flow.id, accountId: w.ours.accountId, kind: "deposit", asset: "USD", amount: "25", occurredAt: at("2026-03-01T00:00:00Z"), note: "fix" }));
    expect((e as Error).message).toMatch(/already reversed/);
  });

  it("a replacement needs a note saying why", async () => {
    const { flow } = await deposit("30");
    const e = await refusedSavingNothing(() => replaceFlow(w.db, { ...ours(), flowId: flow.id, accountId: w.ours.accountId, kind: "deposit", asset: "USD", amount: "31", occurredAt: at("2026-03-01T00:00:00Z"), note: " " }));
    expect(e).toMatchObject({ field: "note", message: "Note: say why" });
  });
});

describe("cash_flows is append-only", () => {
  it("the database refuses to UPDATE or DELETE a manual row: it stays as entered (amount 1,000)", async () => {
    const { flow } = await deposit("1000");
    await expect(w.db.update(cashFlows).set({ amount: "1" }).where(eq(cashFlows.id, flow.id))).rejects.toThrow();
    await expect(w.db.delete(cashFlows).where(eq(cashFlows.id, flow.id))).rejects.toThrow();
    await expect(w.db.execute(sql`truncate cash_flows cascade`)).rejects.toThrow();
    const [row] = await w.db.select({ amount: cashFlows.amount }).from(cashFlows).where(eq(cashFlows.id, flow.id));
    expect(row!.amount).toBe("1000");
  });
});
