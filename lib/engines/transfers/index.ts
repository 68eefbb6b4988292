import { matchByAmountAndTime } from "./amount-time-pass";
import { pairKey } from "./pairing";
import { matchByTxId } from "./tx-id-pass";
import type { ExistingMatch, ProposedMatch, TransferCandidate, TransferMatchInput, TransferMatchResult } from "./types";

export { normalizeTxId } from "./tx-id";
export { inTransferWindow, TRANSFER_WINDOW } from "./window";
export type { ExistingMatch, ProposedMatch, TransferCandidate, TransferMatchInput, TransferMatchMethod, TransferMatchResult } from "./types";

/**
 * Transfers between two connections of one workspace: a withdrawal from one and a deposit
 * into another that are the same money moving. Each is a flow of its connection; matched,
 * neither is a flow of the workspace (db/queries/cash-flows.ts leaves matched flows out).
 *
 * A flow may be matched when it would count for the workspace (the rule of
 * db/queries/cash-flows.ts, less the match itself): confirmed, not internal to its
 * connection, not reversed. A pair is a withdrawal and a deposit of the same asset on two
 * different connections (between two accounts of one connection it is the connector's
 * `internal`, never a match), neither already in a live match, and not a pair recorded
 * before (a person's undo is final: the pair is never proposed again). Then:
 *
 * 1. the same transaction id (tx-id-pass.ts), then
 * 2. the same amount within the window, closest in time, ties left alone (amount-time-pass.ts).
 *
 * A live match whose leg no longer counts (a person reversed it, or the venue moved it off
 * confirmed) is released, and its other leg is free to match again in the same run.
 */
export function findTransferMatches(input: TransferMatchInput): TransferMatchResult {
  const matchable = new Map<string, TransferCandidate>();
  for (const c of input.candidates) if (c.status === "confirmed" && !c.internal && !c.reversed) matchable.set(c.id, c);

  const { busy, blocked, released } = readExisting(input.existing, matchable);
  const free = [...matchable.values()].filter((c) => !busy.has(c.id));
  const allowed = (out: TransferCandidate, deposit: TransferCandidate) =>
    out.connectionId !== deposit.connectionId && assetKey(out.asset) === assetKey(deposit.asset) && !blocked.has(pairKey(out.id, deposit.id));

  const outs = free.filter((c) => c.kind === "withdrawal");
  const ins = free.filter((c) => c.kind === "deposit");
  const byTx = matchByTxId(outs, ins, allowed);
  const settled = new Set(byTx.flatMap((e) => [e.out.id, e.in.id]));
  const byAmount = matchByAmountAndTime(
    outs.filter((c) => !settled.has(c.id)),
    ins.filter((c) => !settled.has(c.id)),
    allowed,
  );

  const proposal = (method: ProposedMatch["method"]) => (e: { out: TransferCandidate; in: TransferCandidate }): ProposedMatch => ({ outId: e.out.id, inId: e.in.id, method });
  return {
    matches: [...byTx.map(proposal("tx_id")), ...byAmount.matches.map(proposal("amount_time"))],
    released,
    ambiguous: [...byAmount.ambiguous].sort(),
  };
}

/** Legs of live matches that still count (busy), every recorded pair (blocked), and live matches to release. */
function readExisting(existing: readonly ExistingMatch[], matchable: ReadonlyMap<string, TransferCandidate>) {
  const busy = new Set<string>();
  const blocked = new Set<string>();
  const released: string[] = [];
  for (const m of existing) {
    if (m.outId !== null && m.inId !== null) blocked.add(pairKey(m.outId, m.inId));
    if (!m.live) continue;
    const out = m.outId === null ? undefined : matchable.get(m.outId);
    const deposit = m.inId === null ? undefined : matchable.get(m.inId);
    if (out?.kind === "withdrawal" && deposit?.kind === "deposit") busy.add(out.id).add(deposit.id);
    else released.push(m.matchId);
  }
  return { busy, blocked, released };
}

/** Venues write asset codes in capitals; a person typing a manual flow may not. */
const assetKey = (asset: string) => asset.trim().toUpperCase();
