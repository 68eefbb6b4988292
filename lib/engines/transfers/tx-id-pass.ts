import { D } from "@/lib/money/decimal";
import { byOutTime, uniqueEdges, type Edge } from "./pairing";
import { normalizeTxId } from "./tx-id";
import type { TransferCandidate } from "./types";

/**
 * Pass 1: a withdrawal and a deposit of the same asset with the same transaction id are one
 * transfer, whatever their amounts and times. The id is the chain's proof: the receiving
 * venue may credit less than was sent (its own deposit fee, a chain fee taken from the
 * amount), and that difference is a cost the workspace bore, like the withdrawal fee, not
 * money that left it; a slow chain or a held withdrawal may take days.
 *
 * One transaction may carry several transfers (a venue batches withdrawals into one), so an
 * id can name more than one withdrawal or deposit. A pair is taken when it is the only one
 * for both its legs; where several remain, only pairs of equal amounts that are then the only
 * one for both legs; the rest are left to pass 2, never guessed.
 */
export function matchByTxId(outs: readonly TransferCandidate[], ins: readonly TransferCandidate[], allowed: (out: TransferCandidate, deposit: TransferCandidate) => boolean): Edge[] {
  const groups = new Map<string, { outs: TransferCandidate[]; ins: TransferCandidate[] }>();
  const add = (f: TransferCandidate, side: "outs" | "ins") => {
    const tx = normalizeTxId(f.txId);
    if (tx === null) return;
    let group = groups.get(tx);
    if (!group) groups.set(tx, (group = { outs: [], ins: [] }));
    group[side].push(f);
  };
  for (const f of outs) add(f, "outs");
  for (const f of ins) add(f, "ins");

  const chosen: Edge[] = [];
  for (const group of groups.values()) {
    const edges = group.outs.flatMap((out) => group.ins.filter((deposit) => allowed(out, deposit)).map((deposit) => ({ out, in: deposit })));
    const alone = uniqueEdges(edges);
    const settled = new Set(alone.flatMap((e) => [e.out.id, e.in.id]));
    const rest = edges.filter((e) => !settled.has(e.out.id) && !settled.has(e.in.id) && new D(e.out.amount).eq(e.in.amount));
    chosen.push(...alone, ...uniqueEdges(rest));
  }
  return chosen.sort(byOutTime);
}
