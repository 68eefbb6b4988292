import type { Db } from "@/db/client";
import {
  earliestFlowTime,
  endTransferMatches,
  getTransferMatch,
  insertTransferMatches,
  readRecordedMatches,
  readTransferCandidates,
} from "@/db/queries/cash-flow-matches";
import { findTransferMatches } from "@/lib/engines/transfers";
import { refreshUnitisedSeries } from "@/lib/snapshots/unitised";

/** What one run of the matcher did; `changedFrom` is where the workspace's flows changed (null: nowhere). */
export interface TransferMatchOutcome {
  /** New matches recorded. */
  created: number;
  /** Live matches ended because a leg no longer counts (reversed, or no longer confirmed). */
  released: number;
  /** Flows left as flows because two or more candidates fitted them equally well. */
  ambiguous: number;
  /** The earliest time of any leg newly matched or released: the unitised series changes from there. */
  changedFrom: Date | null;
}

/**
 * Matches the workspace's withdrawals and deposits across its connections
 * (lib/engines/transfers: tx id, then amount and time) and records the new matches; releases
 * live matches a leg of which stopped counting. Safe to run at any time and concurrently:
 * recorded pairs are never proposed again, and the table's unique keys skip a pair or a leg
 * another run recorded first. Run after a sync and after a person changes a flow. The
 * unitised series is refreshed from the earliest leg that changed, in the same transaction.
 */
export async function matchTransfers(db: Db, p: { ownerId: string; now?: Date }): Promise<TransferMatchOutcome> {
  return db.transaction(async (tx) => {
    const candidates = await readTransferCandidates(tx, { ownerId: p.ownerId });
    const existing = await readRecordedMatches(tx, { ownerId: p.ownerId });
    const found = findTransferMatches({ candidates, existing });
    // Released first: a freed leg may be in a new match, and a leg has one live match at most.
    const released = await endTransferMatches(tx, { ownerId: p.ownerId, matchIds: found.released, at: p.now ?? new Date(), by: null });
    const created = await insertTransferMatches(tx, {
      ownerId: p.ownerId,
      matches: found.matches.map((m) => ({ outFlowId: m.outId, inFlowId: m.inId, method: m.method })),
    });
    const legs = [...released, ...created].flatMap((m) => [m.outFlowId, m.inFlowId]);
    const changedFrom = await earliestFlowTime(tx, { ownerId: p.ownerId, flowIds: legs });
    if (changedFrom) await refreshUnitisedSeries(tx, { ownerId: p.ownerId, from: changedFrom });
    return { created: created.length, released: released.length, ambiguous: found.ambiguous.length, changedFrom };
  });
}

/** Undoing a match that is already undone: nothing to do, said plainly. */
export class TransferMatchUndoneError extends Error {
  constructor() {
    super("This match is already undone: both flows count as the workspace's again");
    this.name = "TransferMatchUndoneError";
  }
}

/**
 * A person's undo: both legs count as the workspace's flows again from now on, and the pair
 * is never matched again automatically. Another workspace's match is not found; one already
 * undone is refused (TransferMatchUndoneError). Returns where the workspace's flows changed.
 */
export async function undoTransferMatch(db: Db, p: { ownerId: string; matchId: string; by: string; now?: Date }): Promise<{ changedFrom: Date | null }> {
  return db.transaction(async (tx) => {
    const [ended] = await endTransferMatches(tx, { ownerId: p.ownerId, matchIds: [p.matchId], at: p.now ?? new Date(), by: p.by });
    if (!ended) {
      // Not ended: another workspace's or no such match (not found), else it was undone before.
      await getTransferMatch(tx, { ownerId: p.ownerId, matchId: p.matchId });
      throw new TransferMatchUndoneError();
    }
    const changedFrom = await earliestFlowTime(tx, { ownerId: p.ownerId, flowIds: [ended.outFlowId, ended.inFlowId] });
    if (changedFrom) await refreshUnitisedSeries(tx, { ownerId: p.ownerId, from: changedFrom });
    return { changedFrom };
  });
}
