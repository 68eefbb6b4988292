import { toDecimalString } from "@/lib/money/decimal";
import type { CashFlow, CashFlowStatus } from "@/lib/connectors/types";
import type { DepositRow, WithdrawalRow } from "./schemas";

/**
 * Binance deposit and withdrawal history → cash flows (pure).
 *
 * Status mapping (Binance wallet docs; the same reading as ccxt's
 * `parseTransactionStatusByType`, except that "credited" already counts):
 * - deposits: 0 pending, 8 waiting for the user's confirmation → pending; 6 credited (not
 *   yet withdrawable: the balance already holds it), 1 success → confirmed; 7 wrong
 *   deposit, 2 rejected → failed.
 * - withdrawals: 0 email sent, 2 awaiting approval, 4 processing → pending; 6 completed →
 *   confirmed; 1 cancelled, 3 rejected, 5 failure → failed.
 * - a code Binance adds later → pending: it counts for nothing until understood, and stays
 *   re-read as pending.
 *
 * Transfers between the account's own wallets (spot, funding, futures) are not in these
 * histories at all (they are `/sapi/v1/asset/transfer`), so nothing here is internal.
 * `transferType` 1 is Binance's off-chain transfer to or from *another* Binance account:
 * money that really entered or left this connection, so it is a flow like any other
 * (ccxt calls it `internal`, which means "inside Binance", not "between own wallets").
 */
const DEPOSIT_STATUS: Record<number, CashFlowStatus> = { 0: "pending", 8: "pending", 6: "confirmed", 1: "confirmed", 7: "failed", 2: "failed" };
const WITHDRAWAL_STATUS: Record<number, CashFlowStatus> = { 0: "pending", 2: "pending", 4: "pending", 6: "confirmed", 1: "failed", 3: "failed", 5: "failed" };

/** walletType 1 is the funding wallet; 0 (or none, on old records) the spot wallet. */
function walletAccount(walletType: number | undefined): "spot" | "funding" {
  return walletType === 1 ? "funding" : "spot";
}

function offChain(transferType: number | undefined): string | undefined {
  return transferType === 1 ? "off-chain transfer within Binance" : undefined;
}

export function binanceDeposit(row: DepositRow, raw: unknown): CashFlow {
  return {
    accountUid: walletAccount(row.walletType),
    // Old records have no id; their coin, transaction and time identify them as well.
    venueFlowId: `deposit:${row.id ?? `${row.coin}:${row.txId ?? ""}:${row.insertTime}`}`,
    kind: "deposit",
    asset: row.coin,
    amount: toDecimalString(row.amount),
    at: new Date(row.insertTime),
    status: DEPOSIT_STATUS[row.status] ?? "pending",
    venueStatus: String(row.status),
    txId: row.txId,
    network: row.network,
    source: "venue",
    description: offChain(row.transferType),
    raw,
  };
}

/** "2026-11-18 09:12:44" in UTC, as Binance writes `applyTime`. */
function utcDateTime(text: string): Date {
  return new Date(`${text.replace(" ", "T")}Z`);
}

export function binanceWithdrawal(row: WithdrawalRow, raw: unknown): CashFlow {
  const fee = row.transactionFee !== undefined && toDecimalString(row.transactionFee) !== "0" ? toDecimalString(row.transactionFee) : undefined;
  return {
    accountUid: walletAccount(row.walletType),
    venueFlowId: `withdrawal:${row.id}`,
    kind: "withdrawal",
    asset: row.coin,
    amount: toDecimalString(row.amount),
    at: utcDateTime(row.applyTime),
    status: WITHDRAWAL_STATUS[row.status] ?? "pending",
    venueStatus: String(row.status),
    txId: row.txId,
    network: row.network,
    ...(fee ? { fee, feeAsset: row.coin } : {}),
    source: "venue",
    description: [offChain(row.transferType), row.info].filter(Boolean).join("; ") || undefined,
    raw,
  };
}
