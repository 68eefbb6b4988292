import type { CashFlowStatus } from "@/lib/connectors/types";

/** How a match was found: the same transaction id, or the same asset and amount in the window. */
export type TransferMatchMethod = "tx_id" | "amount_time";

/**
 * A withdrawal or deposit as the matcher sees it: the current state of one flow (its latest
 * row, whose id names it). The flags are those db/queries/cash-flows.ts computes.
 */
export interface TransferCandidate {
  id: string;
  connectionId: string;
  kind: "withdrawal" | "deposit";
  asset: string;
  /** Exact, positive (a withdrawal's excludes its fee: lib/connectors/types.ts, CashFlow). */
  amount: string;
  occurredAt: Date;
  txId?: string | null;
  status: CashFlowStatus;
  /** Moved between two accounts of its own connection: never a flow of the connection, never matched. */
  internal: boolean;
  /** Voided by a person's reversal. */
  reversed: boolean;
}

/**
 * A match already recorded, live or undone, with its legs resolved to their flows' current
 * rows (null: a leg whose flow has no current row). Its pair is never proposed again.
 */
export interface ExistingMatch {
  matchId: string;
  outId: string | null;
  inId: string | null;
  live: boolean;
}

export interface TransferMatchInput {
  /** One workspace's withdrawals and deposits (their current rows), whatever their state. */
  candidates: readonly TransferCandidate[];
  existing: readonly ExistingMatch[];
}

export interface ProposedMatch {
  /** The withdrawal's row id. */
  outId: string;
  /** The deposit's row id. */
  inId: string;
  method: TransferMatchMethod;
}

export interface TransferMatchResult {
  /** New matches, tx id matches first, each pass in the withdrawals' time order. */
  matches: ProposedMatch[];
  /** Live matches to release: a leg no longer counts (reversed, or no longer confirmed). */
  released: string[];
  /** Flows left unmatched because two or more candidates fitted them equally well (sorted ids). */
  ambiguous: string[];
}
