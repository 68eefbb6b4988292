import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { createConnection } from "@/db/queries/connections";
import { queueSyncBatch } from "@/db/queries/sync-batches";
import { ensurePersonalWorkspace } from "@/db/queries/workspaces";
import { cashFlows, portfolios, tradingAccounts } from "@/db/schema";
import { openTestDb } from "@/db/testing";
import type { CashFlow } from "@/lib/connectors/types";
import type { VenueState } from "./fetch-venue-state";
import { writeState } from "./write-state";

let h: DbHandle;
let ownerId: string;
let connectionId: string;

const T = new Date("2026-12-04T12:00:00Z");
const HOUR = 3_600_000;
const ago = (hours: number) => new Date(T.getTime() - hours * HOUR);

const base = { source: "venue" as const, raw: { n: 1 } };
const flows: CashFlow[] = [
  { ...base, accountUid: "spot", venueFlowId: "dep-btc", kind: "deposit", asset: "BTC", amount: "0.5", at: ago(2), status: "confirmed", txId: "0xabc", network: "BTC" },
  { ...base, source: "derived", portfolioExternalId: "fund/a", venueFlowId: "sub-1", kind: "subscription", asset: "USD", amount: "1000", at: ago(5), status: "confirmed" },
  {
    ...base,
    accountUid: "spot",
    venueFlowId: "move-1",
    kind: "withdrawal",
    asset: "USD",
    amount: "30",
    at: ago(3),
    status: "confirmed",
    internal: { counterpartyAccountUid: "wallet-2", reason: "between two wallets of this connection" },
  },
  { ...base, accountUid: "spot", venueFlowId: "div-1", kind: "income", incomeKind: "dividend", asset: "XYZ", amount: "4", at: ago(1), status: "pending", description: "Dividends: XYZ" },
];

function state(items: CashFlow[]): VenueState {
  return {
    portfolios: [{ externalId: "fund/a", name: "Fund A", dataSource: "1token", baseCurrency: "USD" }],
    accounts: [{ accountUid: "spot", name: "Spot", venue: "test", kind: "spot", portfolioExternalId: "fund/a" }],
    balances: [{ accountUid: "spot", asset: "BTC", wallet: "spot", free: "1", locked: "0", total: "1" }],
    positions: [],
    orders: [],
    fills: [],
    quotes: [],
    nav: [],
    cashFlows: items,
    raw: [],
  };
}

async function write(at: Date, items: CashFlow[]) {
  const batchId = await queueSyncBatch(h.db, { ownerId, connectionId, trigger: "manual", at });
  return h.db.transaction((tx) =>
    writeState(tx, { ownerId, connectionId, provider: "test", batchId, at, state: state(items), baseCurrency: "USD", prices: { BTC: "40000" } }),
  );
}

beforeAll(async () => {
  h = await openTestDb();
  ownerId = (await ensurePersonalWorkspace(h.db)).id;
  connectionId = (await createConnection(h.db, { ownerId, provider: "demo", label: "Test", config: { seed: "w" } })).id;
});
afterAll(async () => h?.close());

describe("writeState stores the run's cash flows", () => {
  it("4 flows → 4 rows; earliestFlowAt is the earliest added (the subscription, 5 h before); counts.cashFlows 4", async () => {
    const written = await write(T, flows);
    expect(written.counts.cashFlows).toBe(4);
    expect(written.earliestFlowAt).toEqual(ago(5));
  });

  it("each field lands: holder (account, or the fund's portfolio), value (0.5 BTC at this run's 40,000 = 20,000; par; unvalued), internal reason, income kind", async () => {
    const [account] = await h.db.select().from(tradingAccounts).where(eq(tradingAccounts.accountUid, "spot"));
    const [fund] = await h.db.select().from(portfolios).where(eq(portfolios.externalId, "fund/a"));
    const rows = await h.db.select().from(cashFlows).where(eq(cashFlows.connectionId, connectionId)).orderBy(asc(cashFlows.seq));
    // Inserted in time order.
    expect(rows.map((r) => r.venueFlowId)).toEqual(["sub-1", "move-1", "dep-btc", "div-1"]);
    const by = Object.fromEntries(rows.map((r) => [r.venueFlowId, r]));
    expect(by["dep-btc"]).toMatchObject({ accountId: account!.id, portfolioId: null, valueBase: "20000", baseCurrency: "USD", priceSource: "snapshot", txId: "0xabc", network: "BTC", raw: { n: 1 } });
    expect(by["sub-1"]).toMatchObject({ accountId: null, portfolioId: fund!.id, source: "derived", valueBase: "1000", priceSource: "par", kind: "subscription" });
    expect(by["move-1"]).toMatchObject({ internalReason: "between two wallets of this connection", counterpartyAccountUid: "wallet-2", valueBase: "30" });
    expect(by["div-1"]).toMatchObject({ kind: "income", incomeKind: "dividend", status: "pending", description: "Dividends: XYZ", valueBase: null, priceSource: null, baseCurrency: "USD" });
    expect(rows.every((r) => r.ownerId === ownerId && r.enteredBy === null && r.reversesId === null)).toBe(true);
  });

  it("the same flows again add nothing: counts.cashFlows 0, earliestFlowAt null", async () => {
    const written = await write(new Date(T.getTime() + HOUR), flows);
    expect(written.counts.cashFlows).toBe(0);
    expect(written.earliestFlowAt).toBeNull();
  });

  it("the dividend now confirmed adds its one row: earliestFlowAt is its time (1 h before T), not the earlier flows'", async () => {
    const confirmed = flows.map((f) => (f.venueFlowId === "div-1" ? { ...f, status: "confirmed" as const } : f));
    const written = await write(new Date(T.getTime() + 2 * HOUR), confirmed);
    expect(written.counts.cashFlows).toBe(1);
    expect(written.earliestFlowAt).toEqual(ago(1));
    const rows = await h.db.select({ status: cashFlows.status }).from(cashFlows).where(eq(cashFlows.venueFlowId, "div-1")).orderBy(asc(cashFlows.seq));
    expect(rows.map((r) => r.status)).toEqual(["pending", "confirmed"]);
  });

  it("a flow listed twice in one read (same id and status) is stored once: 1 row, counts.cashFlows 1", async () => {
    const twice: CashFlow = { ...base, accountUid: "spot", venueFlowId: "dup-1", kind: "deposit", asset: "USD", amount: "5", at: ago(0.5), status: "confirmed" };
    const written = await write(new Date(T.getTime() + 3 * HOUR), [twice, { ...twice }]);
    expect(written.counts.cashFlows).toBe(1);
    expect(await h.db.select().from(cashFlows).where(eq(cashFlows.venueFlowId, "dup-1"))).toHaveLength(1);
  });
});
