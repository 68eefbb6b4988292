import { D, type Dec, toDecimalString } from "@/lib/money/decimal";
import type { CashFlow } from "../types";
import { chainName, nativeCoin, normalizeAddress, TX_STATUS } from "./assumptions";
import type { TxRow } from "./schemas";
import { accountUidOf } from "./transform";

/**
 * One tracked wallet's transaction history → cash flows (pure).
 *
 * Per transaction, each token's net movement for the wallet (received − sent, which also
 * nets out the change a UTXO chain returns to the sender) is one leg:
 * - only inflows: deposits; only outflows: withdrawals;
 * - inflows and outflows of different tokens in one transaction: a swap or another
 *   contract exchange — a trade, not a flow, so nothing is emitted;
 * - a counterparty that is another tracked wallet on the same chain: the flow is internal
 *   (both wallets report their leg; neither counts for the connection);
 * - tokens OKX blacklists (airdrop spam) are skipped unless risk tokens are kept;
 * - the network fee (native coin, paid by the sender) goes on the transaction's first
 *   withdrawal; a transaction without one (an approval, a swap) costs gas that shows in
 *   the balances as performance. On a UTXO chain the wallet's inputs less its change
 *   include the fee, so it is taken off that withdrawal's amount (amounts exclude fees).
 */
export interface WalletHistory {
  chainIndex: string;
  address: string;
  rows: ReadonlyArray<{ row: TxRow; raw: unknown }>;
  /** Every tracked address on this chain (normalised), the wallet's own included. */
  tracked: ReadonlySet<string>;
  includeRiskTokens: boolean;
}

interface Leg {
  key: string;
  symbol: string;
  net: Dec;
  /** Other addresses that sent, and that received, this token in the transaction. */
  senders: Set<string>;
  recipients: Set<string>;
  rows: unknown[];
  /** The wallet's own inputs were itemised (a UTXO chain): its net outflow includes the fee. */
  itemisedInputs: boolean;
}

const addressesOf = (field: string) => field.split(",").map((a) => normalizeAddress(a)).filter((a) => a !== "");

export function walletFlows(h: WalletHistory): CashFlow[] {
  const self = normalizeAddress(h.address);
  const accountUid = accountUidOf(h.chainIndex, self);
  const byTx = new Map<string, Array<{ row: TxRow; raw: unknown }>>();
  for (const r of h.rows) byTx.set(r.row.txHash, [...(byTx.get(r.row.txHash) ?? []), r]);

  const out: CashFlow[] = [];
  for (const [txHash, rows] of byTx) {
    const legs = new Map<string, Leg>();
    let sent = false;
    for (const { row, raw } of rows) {
      if (row.hitBlacklist && !h.includeRiskTokens) continue;
      const key = row.tokenContractAddress ? normalizeAddress(row.tokenContractAddress) : "native";
      const leg = legs.get(key) ?? { key, symbol: row.symbol.trim().toUpperCase(), net: new D(0), senders: new Set<string>(), recipients: new Set<string>(), rows: [], itemisedInputs: false };
      for (const side of row.to) {
        if (addressesOf(side.address).includes(self)) leg.net = leg.net.plus(side.amount ?? row.amount);
      }
      for (const side of row.from) {
        if (!addressesOf(side.address).includes(self)) continue;
        sent = true;
        leg.itemisedInputs ||= side.amount !== undefined;
        leg.net = leg.net.minus(side.amount ?? row.amount);
      }
      for (const side of row.from) for (const a of addressesOf(side.address)) if (a !== self) leg.senders.add(a);
      for (const side of row.to) for (const a of addressesOf(side.address)) if (a !== self) leg.recipients.add(a);
      leg.rows.push(raw);
      legs.set(key, leg);
    }
    const moved = [...legs.values()].filter((l) => !l.net.isZero());
    if (moved.length === 0) continue;
    if (moved.some((l) => l.net.isPositive()) && moved.some((l) => l.net.isNegative())) continue;

    const first = rows[0]!.row;
    const fee = sent && first.txFee !== undefined && !new D(first.txFee).isZero() ? nativeCoin(h.chainIndex) : undefined;
    let feeTaken = false;
    for (const leg of moved) {
      const inflow = leg.net.isPositive();
      const others = [...(inflow ? leg.senders : leg.recipients)];
      const internal = others.length > 0 && others.every((a) => h.tracked.has(a));
      const withFee: boolean = !inflow && fee !== undefined && !feeTaken;
      feeTaken ||= withFee;
      const amount = withFee && leg.itemisedInputs ? leg.net.abs().minus(first.txFee!) : leg.net.abs();
      if (amount.lte(0)) continue;
      out.push({
        accountUid,
        venueFlowId: `${txHash}:${leg.key}`,
        kind: inflow ? "deposit" : "withdrawal",
        asset: leg.symbol,
        amount: toDecimalString(amount),
        at: new Date(first.txTime),
        status: TX_STATUS[first.txStatus as keyof typeof TX_STATUS] ?? "pending",
        venueStatus: first.txStatus,
        txId: txHash,
        network: chainName(h.chainIndex),
        ...(withFee ? { fee: toDecimalString(first.txFee!), feeAsset: fee } : {}),
        ...(internal
          ? { internal: { counterpartyAccountUid: accountUidOf(h.chainIndex, others[0]!), reason: "transfer between two tracked wallets" } }
          : {}),
        source: "venue",
        description: others.length > 0 ? `${inflow ? "from" : "to"} ${others.join(", ")}` : undefined,
        raw: leg.rows.length === 1 ? leg.rows[0] : leg.rows,
      });
    }
  }
  return out;
}
