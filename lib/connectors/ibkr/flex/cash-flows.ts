import { D, toDecimalString } from "@/lib/money/decimal";
import { ConnectorError } from "../../errors";
import type { CashFlow, CashFlowKind, IncomeKind } from "../../types";
import { internalTransferCounterparty, isDepositWithdrawalType, incomeKindOfCashType } from "../assumptions";
import { parseFlexDate, parseFlexDateTime } from "../time";
import type { CashTransactionRow } from "./schemas";

/**
 * Flex `CashTransactions` → cash flows (pure).
 *
 * - "Deposits/Withdrawals": money in is a deposit, money out a withdrawal; the only
 *   external flows IBKR reports here.
 * - Dividends, interest, withholding tax, fees: performance. Money in is `income` (its
 *   kind from the type: dividend, interest, other), money out a `fee` — so a dividend
 *   reversal or interest paid shows as a charge, and a type IBKR adds later can never pass
 *   for a deposit.
 * - Everything in a statement is booked: `confirmed`. IBKR gives no status.
 * - A deposit or withdrawal whose description names another account of the same statement
 *   ("CASH TRANSFER TO U7654321") moved money between two accounts of this connection:
 *   marked internal (see `internalTransferCounterparty`, an unconfirmed reading).
 */
export function flexCashFlows(
  rows: ReadonlyArray<{ accountId: string; row: CashTransactionRow }>,
  accountIds: ReadonlySet<string>,
  timeZone: string,
): CashFlow[] {
  const out: CashFlow[] = [];
  for (const { accountId, row } of rows) {
    const amount = new D(row.amount);
    if (amount.isZero()) continue;
    const at = flowTime(row, timeZone);
    const inflow = amount.isPositive();
    const kind: CashFlowKind = isDepositWithdrawalType(row.type) ? (inflow ? "deposit" : "withdrawal") : inflow ? "income" : "fee";
    const incomeKind: IncomeKind | undefined = kind === "income" ? incomeKindOfCashType(row.type) : undefined;
    const counterparty = kind === "deposit" || kind === "withdrawal" ? internalTransferCounterparty(row.description, accountId, accountIds) : undefined;
    out.push({
      accountUid: accountId,
      venueFlowId: row.transactionID ?? `${row.type}|${row.currency}|${row.dateTime ?? row.reportDate ?? ""}|${row.amount}|${row.description ?? ""}`,
      kind,
      ...(incomeKind ? { incomeKind } : {}),
      asset: row.currency,
      amount: toDecimalString(amount.abs()),
      at,
      status: "confirmed",
      ...(counterparty ? { internal: { counterpartyAccountUid: counterparty, reason: `transfer between accounts ${accountId} and ${counterparty}` } } : {}),
      source: "venue",
      description: [row.type, row.description].filter(Boolean).join(": "),
      raw: row,
    });
  }
  return out;
}

function flowTime(row: CashTransactionRow, timeZone: string): Date {
  const at = (row.dateTime ? parseFlexDateTime(row.dateTime, timeZone) : undefined) ?? parseFlexDate(row.reportDate ?? row.settleDate ?? "");
  if (!at) {
    throw new ConnectorError({
      kind: "bad_response",
      provider: "ibkr",
      endpoint: "GET FlexWebService/GetStatement",
      message: `CashTransaction ${row.transactionID ?? row.type}: no readable dateTime or reportDate`,
    });
  }
  return at;
}
