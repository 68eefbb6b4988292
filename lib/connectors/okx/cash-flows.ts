import { D, toDecimalString } from "@/lib/money/decimal";
import type { CashFlow, CashFlowStatus } from "@/lib/connectors/types";
import type { OkxDepositRow, OkxWithdrawalRow } from "./schemas";

/**
 * OKX deposit and withdrawal history → cash flows of the funding account (pure).
 *
 * Status mapping (OKX funding-account docs):
 * - deposits: 1 "credited" (in the balance, not yet withdrawable) and 2 "successful" →
 *   confirmed; every other state (0 waiting for confirmations, 8 suspended, 11 address
 *   blacklist, 12 frozen, 13 sub-account interception, 14 KYC limit, 17 travel rule) holds
 *   the money outside the balance → pending, re-read until it settles.
 * - withdrawals: 2 success → confirmed; -1 failed, -2 canceled → failed; the rest (waiting,
 *   manual review, approved, broadcasting, -3 canceling …) → pending.
 *
 * Transfers between this account's funding and trading accounts (or sub-accounts) are in
 * the bills, not these histories, so nothing here is internal. A transfer from or to
 * another OKX account (`fromWdId` set, or a withdrawal without a chain transaction) is
 * money that entered or left the connection: a flow, described as off-chain.
 */
const CONFIRMED_DEPOSIT = new Set(["1", "2"]);
const WITHDRAWAL_FINAL: Record<string, CashFlowStatus> = { "2": "confirmed", "-1": "failed", "-2": "failed" };

export const OKX_FLOW_ACCOUNT = "funding";

export function okxDeposit(row: OkxDepositRow, raw: unknown): CashFlow {
  const internalTransfer = row.fromWdId !== undefined;
  return {
    accountUid: OKX_FLOW_ACCOUNT,
    venueFlowId: `deposit:${row.depId}`,
    kind: "deposit",
    asset: row.ccy,
    amount: toDecimalString(row.amt),
    at: new Date(row.ts),
    status: CONFIRMED_DEPOSIT.has(row.state) ? "confirmed" : "pending",
    venueStatus: row.state,
    txId: row.txId,
    network: row.chain,
    source: "venue",
    description: internalTransfer ? `off-chain transfer within OKX (withdrawal ${row.fromWdId})` : undefined,
    raw,
  };
}

export function okxWithdrawal(row: OkxWithdrawalRow, raw: unknown): CashFlow {
  const fee = row.fee !== undefined && row.fee !== "" && !new D(row.fee).isZero() ? toDecimalString(row.fee) : undefined;
  return {
    accountUid: OKX_FLOW_ACCOUNT,
    venueFlowId: `withdrawal:${row.wdId}`,
    kind: "withdrawal",
    asset: row.ccy,
    amount: toDecimalString(row.amt),
    at: new Date(row.ts),
    status: WITHDRAWAL_FINAL[row.state] ?? "pending",
    venueStatus: row.state,
    txId: row.txId,
    network: row.chain,
    ...(fee ? { fee, feeAsset: row.feeCcy ?? row.ccy } : {}),
    source: "venue",
    // Without a chain (and so without a hash) it went to another OKX account.
    description: row.chain === undefined && row.txId === undefined ? "off-chain transfer within OKX" : undefined,
    raw,
  };
}
