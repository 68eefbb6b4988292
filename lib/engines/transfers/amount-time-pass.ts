import { D, toDecimalString } from "@/lib/money/decimal";
import { byOutTime, uniqueEdges, type Edge } from "./pairing";
import { normalizeTxId } from "./tx-id";
import type { TransferCandidate } from "./types";
import { inTransferWindow } from "./window";

/**
 * Pass 2: a withdrawal and a deposit of the same asset and exactly the same amount, the
 * deposit inside the window (window.ts). Exact: a withdrawal's amount already excludes its
 * fee (lib/connectors/types.ts, CashFlow), so what was sent is what arrives; a deposit the
 * receiving venue credits net of its own fee is matched by its transaction id or not at all.
 * Two transaction ids that differ are two transfers, whatever the amounts.
 *
 * One-to-one, closest in time first: pairs are taken by their gap (|deposit − withdrawal|),
 * smallest first. When, at the same gap, a flow fits two or more others, every flow of those
 * tied pairs is ambiguous for the run: left as a flow, never guessed, never matched further.
 */
export function matchByAmountAndTime(
  outs: readonly TransferCandidate[],
  ins: readonly TransferCandidate[],
  allowed: (out: TransferCandidate, deposit: TransferCandidate) => boolean,
): { matches: Edge[]; ambiguous: Set<string> } {
  const insByAmount = new Map<string, TransferCandidate[]>();
  for (const deposit of ins) {
    const key = toDecimalString(new D(deposit.amount));
    insByAmount.set(key, [...(insByAmount.get(key) ?? []), deposit]);
  }
  const edges: Array<Edge & { gap: number }> = [];
  for (const out of outs) {
    for (const deposit of insByAmount.get(toDecimalString(new D(out.amount))) ?? []) {
      if (!allowed(out, deposit) || !inTransferWindow(out.occurredAt, deposit.occurredAt) || !sameTransaction(out, deposit)) continue;
      edges.push({ out, in: deposit, gap: Math.abs(deposit.occurredAt.getTime() - out.occurredAt.getTime()) });
    }
  }
  edges.sort((a, b) => a.gap - b.gap || byOutTime(a, b));

  const taken = new Set<string>();
  const ambiguous = new Set<string>();
  const free = (id: string) => !taken.has(id) && !ambiguous.has(id);
  const matches: Edge[] = [];
  for (let i = 0; i < edges.length; ) {
    let j = i;
    while (j < edges.length && edges[j]!.gap === edges[i]!.gap) j++;
    const level = edges.slice(i, j).filter((e) => free(e.out.id) && free(e.in.id));
    const alone = new Set(uniqueEdges(level));
    for (const e of level) {
      if (alone.has(e)) {
        taken.add(e.out.id).add(e.in.id);
        matches.push(e);
      } else ambiguous.add(e.out.id).add(e.in.id);
    }
    i = j;
  }
  return { matches: matches.sort(byOutTime), ambiguous };
}

/** False only when both legs carry a transaction id and the ids differ. */
function sameTransaction(out: TransferCandidate, deposit: TransferCandidate): boolean {
  const a = normalizeTxId(out.txId);
  const b = normalizeTxId(deposit.txId);
  return a === null || b === null || a === b;
}
