import type { Db } from "@/db/client";
import { readCheckpoint } from "@/db/queries/audit-checkpoints";
import { accountEventsBetween } from "@/db/queries/order-detail";
import { GENESIS_HASH } from "./event-hash";
import { walkChain, type BrokenLink } from "./verify-chain";

/** How far an account's chain verifies up to one event, and what finding out cost. */
export interface ChainThrough {
  /** The first broken link at or before the event, or null. */
  broken: BrokenLink | null;
  /** Events at or below this seq (and before `broken`) verify; null: none does. */
  verifiedThroughSeq: number | null;
  /** The stored checkpoint this check started from (null: none, so it walked from the start). */
  checkpoint: { lastSeq: number | null; checkedAt: Date } | null;
  /** Events read, and hashed, by this check: only those after the checkpoint. */
  read: number;
  hashed: number;
}

/** Whether one event verifies by a ChainThrough. */
export function isVerified(c: Pick<ChainThrough, "broken" | "verifiedThroughSeq">, seq: number): boolean {
  return c.verifiedThroughSeq !== null && seq <= c.verifiedThroughSeq && (c.broken === null || seq < c.broken.seq);
}

/**
 * Verifies an account's chain up to event `seq` from its stored audit checkpoint, never by
 * re-walking from the start: the checkpoint was itself reached from the start (by a full
 * re-walk or by incremental checks chained from one), so every event up to its `lastSeq`
 * verifies by it, and only the events between the checkpoint and `seq` are read and hashed —
 * a bounded read (after each sync the checkpoint is at the head). A checkpoint that records a
 * break is taken as it stands: events before the break verify, it and every later one do not;
 * only a full re-walk (lib/audit/rewalk.ts, scheduled daily) clears it. Without a checkpoint
 * (an account never checked) the chain is walked from its genesis link up to `seq`.
 *
 * Read-only: the checkpoint is not advanced here (that is the check's, under the connection's lock).
 */
export async function verifyThroughEvent(db: Db, p: { ownerId: string; accountId: string; seq: number }): Promise<ChainThrough> {
  const cp = await readCheckpoint(db, p);
  const checkpoint = cp ? { lastSeq: cp.lastSeq, checkedAt: cp.checkedAt } : null;
  if (cp?.status === "broken") {
    const at = cp.brokenAtSeq ?? cp.lastSeq ?? 0;
    const broken: BrokenLink | null =
      at <= p.seq ? { accountId: p.accountId, seq: at, reason: cp.brokenReason as BrokenLink["reason"], detail: cp.brokenDetail ?? "" } : null;
    return { broken, verifiedThroughSeq: cp.lastSeq, checkpoint, read: 0, hashed: 0 };
  }
  if (cp && cp.lastSeq !== null && p.seq <= cp.lastSeq) {
    return { broken: null, verifiedThroughSeq: p.seq, checkpoint, read: 0, hashed: 0 };
  }
  const after = cp?.lastSeq ?? null;
  const events = await accountEventsBetween(db, { ownerId: p.ownerId, accountId: p.accountId, afterSeq: after, throughSeq: p.seq });
  const walk = walkChain(p.accountId, cp?.headHash ?? GENESIS_HASH, events);
  return { broken: walk.broken, verifiedThroughSeq: walk.head?.seq ?? after, checkpoint, read: events.length, hashed: walk.hashed };
}
