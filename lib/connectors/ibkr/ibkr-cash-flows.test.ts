import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { cashFlowSchema } from "../domain-schemas";
import { isExternalFlow } from "../types";
import { createIbkrConnector } from "./index";
import { FAKE_IBKR, type FakeIbkr, startFakeIbkr } from "./testing/fake-ibkr";

const now = new Date("2026-11-20T12:00:00Z");
const DAY = 86_400_000;
let fake: FakeIbkr;
let statement: string;

beforeAll(async () => {
  fake = await startFakeIbkr();
  statement = fake.statement;
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.statement = statement;
  fake.notReadyPolls = 0;
});

function connector(at: Date = now) {
  return createIbkrConnector({
    credentials: { flexToken: FAKE_IBKR.token },
    config: { flexQueryId: FAKE_IBKR.queryId, flexBaseUrl: fake.flexBaseUrl, flexTimeZone: "America/New_York", pollIntervalMs: 0, maxPolls: 2 },
    now: () => at,
    http: { timeoutMs: 1000 },
  });
}

describe("IBKR cash flows (Flex CashTransactions)", () => {
  it("deposits and withdrawals are flows; dividends and interest are income; taxes and fees are fees — all booked", async () => {
    const { items } = await connector().fetchCashFlows({ since: new Date("2026-11-16T00:00:00Z") });
    for (const f of items) expect(cashFlowSchema.safeParse(f).success).toBe(true);
    expect(items.map((f) => [f.accountUid, f.venueFlowId, f.kind, f.incomeKind, f.asset, f.amount, f.status])).toEqual([
      ["U1234567", "9001001", "deposit", undefined, "USD", "10000", "confirmed"],
      ["U1234567", "9001002", "withdrawal", undefined, "USD", "2500", "confirmed"],
      // A deposit in a currency other than the account's base.
      ["U1234567", "9001003", "deposit", undefined, "EUR", "5000", "confirmed"],
      ["U1234567", "9001004", "income", "dividend", "USD", "24", "confirmed"],
      ["U1234567", "9001005", "fee", undefined, "USD", "3.6", "confirmed"],
      ["U1234567", "9001006", "income", "interest", "USD", "12.34", "confirmed"],
      ["U1234567", "9001007", "fee", undefined, "USD", "10", "confirmed"],
      ["U1234567", "9001008", "withdrawal", undefined, "USD", "1000", "confirmed"],
      ["U7654321", "9002001", "deposit", undefined, "USD", "1000", "confirmed"],
    ]);
    const byId = new Map(items.map((f) => [f.venueFlowId, f]));
    // Date-times are the statement's zone (New York); a bare date is that day.
    expect(byId.get("9001001")!.at).toEqual(new Date("2026-11-17T14:30:00Z"));
    expect(byId.get("9001002")!.at).toEqual(new Date("2026-11-19T00:00:00Z"));
    expect(byId.get("9001004")!.description).toBe("Dividends: AAPL(US0378331005) Cash Dividend USD 0.24 per Share (Ordinary Dividend)");
    expect(byId.get("9001001")!.raw).toMatchObject({ type: "Deposits/Withdrawals", amount: "10000" });
  });

  it("a transfer between two accounts of the statement is internal on both legs, and no external flow", async () => {
    const { items } = await connector().fetchCashFlows({ since: new Date("2026-11-16T00:00:00Z") });
    const out = items.find((f) => f.venueFlowId === "9001008")!;
    const into = items.find((f) => f.venueFlowId === "9002001")!;
    expect(out.internal).toEqual({ counterpartyAccountUid: "U7654321", reason: "transfer between accounts U1234567 and U7654321" });
    expect(into.internal?.counterpartyAccountUid).toBe("U1234567");
    expect([out, into].some(isExternalFlow)).toBe(false);
    expect(items.filter(isExternalFlow).map((f) => f.venueFlowId)).toEqual(["9001001", "9001002", "9001003"]);
  });

  it("summary rows are not read twice, and the read starts two days before the cursor (statements come a day late)", async () => {
    const fromCursor = await connector().fetchCashFlows({ since: new Date("2026-11-19T12:00:00Z") });
    // 2026-11-17 12:00 onwards: the 17th's 09:30 New York deposit is in, the midnight-dated fees are not.
    expect(fromCursor.items.map((f) => f.venueFlowId)).toEqual(["9001001", "9001002", "9001003", "9001004", "9001005", "9001008", "9002001"]);
    const all = await connector().fetchCashFlows({ since: new Date("2026-10-01T00:00:00Z") });
    expect(all.items.map((f) => f.venueFlowId)).toContain("9001000");
    expect(all.items.some((f) => f.amount === "6500")).toBe(false);
  });

  it("without a cursor the default 90 days are read: a statement older than that gives nothing", async () => {
    const { items } = await connector(new Date(now.getTime() + 100 * DAY)).fetchCashFlows({});
    expect(items).toEqual([]);
  });
});
