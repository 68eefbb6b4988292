import type { Db } from "@/db/client";
import { createConnection } from "@/db/queries/connections";
import { cashFlows, tradingAccounts } from "@/db/schema";
import type { CashFlowKind, CashFlowStatus, IncomeKind } from "@/lib/connectors/types";
import type { CaptureParams } from "./capture";

/**
 * A snapshot whose equity is simply `amount` of cash in `currency`, valued in that currency
 * (cash in the base needs no price): the smallest input that gives a known equity.
 */
export function cashSnapshot(p: { ownerId: string; connectionId: string; at: string; amount: string; currency?: string }): CaptureParams {
  const currency = p.currency ?? "USD";
  return {
    ownerId: p.ownerId,
    connectionId: p.connectionId,
    capturedAt: new Date(p.at),
    batchId: null,
    baseCurrency: currency,
    balances: [{ accountUid: "x", asset: currency, wallet: "spot", free: p.amount, locked: "0", total: p.amount }],
    positions: [],
    prices: {},
  };
}

/** A demo connection with one spot account, for flows to belong to. */
export async function testConnectionWithAccount(db: Db, p: { ownerId: string; label: string }) {
  const conn = await createConnection(db, { ownerId: p.ownerId, provider: "demo", label: p.label });
  const [acct] = await db
    .insert(tradingAccounts)
    .values({ ownerId: p.ownerId, connectionId: conn.id, accountUid: `${p.label}-main`, name: p.label, venue: "demo", kind: "spot" })
    .returning();
  return { id: conn.id, accountId: acct!.id };
}

export interface TestFlow {
  kind: CashFlowKind;
  /** For `income`: what it is (the ledger's kinds). */
  incomeKind?: IncomeKind;
  at: string;
  amount: string;
  /** Default USD, valued at par; another asset needs `value` (null: unvalued). */
  asset?: string;
  value?: string | null;
  status?: CashFlowStatus;
  /** The venue flow id; a fresh one when absent. */
  id?: string;
  txId?: string;
  reverses?: string;
  replaces?: string;
}

let flowSeq = 0;

/** A cash-flow row as a sync (or, with reverses/replaces, a person) would record it, in USD. */
export async function insertTestFlow(db: Db, c: { ownerId: string; id: string; accountId: string }, p: TestFlow) {
  const asset = p.asset ?? "USD";
  const [row] = await db
    .insert(cashFlows)
    .values({
      ownerId: c.ownerId,
      connectionId: c.id,
      accountId: c.accountId,
      venueFlowId: p.id ?? `test-flow-${++flowSeq}`,
      kind: p.kind,
      incomeKind: p.incomeKind ?? null,
      asset,
      amount: p.amount,
      valueBase: p.value === undefined ? (asset === "USD" ? p.amount : null) : p.value,
      baseCurrency: "USD",
      priceSource: asset === "USD" ? "par" : "snapshot",
      occurredAt: new Date(p.at),
      status: p.status ?? "confirmed",
      source: p.reverses || p.replaces ? "manual" : "venue",
      txId: p.txId,
      reversesId: p.reverses,
      replacesId: p.replaces,
    })
    .returning();
  return row!;
}
