import type { Db } from "@/db/client";
import { eventsAfter, readCheckpoint, saveCheckpoint } from "@/db/queries/audit-checkpoints";
import type { AuditCheckpointRow } from "@/db/schema";
import { GENESIS_HASH } from "./event-hash";
import { walkChain, type BrokenLink } from "./verify-chain";

/** One account's audit status after a check, and what the check did. */
export interface AccountAudit {
  checkpoint: AuditCheckpointRow;
  /** Events hashed by this check (only those after the checkpoint when incremental). */
  hashed: number;
  /** The first bad event, while the chain is broken. */
  broken: BrokenLink | null;
  /** This check found the break (the checkpoint was not broken before): alert someone. */
  newlyBroken: boolean;
  /** A full re-walk found intact a chain recorded as broken: its alert can resolve. */
  repaired: boolean;
}

type Account = { ownerId: string; accountId: string; at: Date };

function brokenOf(cp: AuditCheckpointRow): BrokenLink | null {
  if (cp.status !== "broken" || cp.brokenAtSeq === null) return null;
  return { accountId: cp.accountId, seq: cp.brokenAtSeq, reason: cp.brokenReason as BrokenLink["reason"], detail: cp.brokenDetail ?? "" };
}

/**
 * Verifies only the events recorded after the account's checkpoint: each must link to the
 * checkpoint's head (then to its predecessor) and hash to what it records. A chain already
 * recorded as broken stays broken, unhashed, until a full re-walk (`rewalkAccount`) finds it
 * intact: an incremental check cannot see the events before its checkpoint, so it never
 * clears a break. The caller holds the account's connection lock when a sync may be writing.
 */
export async function verifyAccountIncremental(db: Db, p: Account): Promise<AccountAudit> {
  const cp = await readCheckpoint(db, p);
  if (cp?.status === "broken") {
    const checkpoint = { ...cp, checkedAt: p.at };
    await saveCheckpoint(db, checkpoint);
    return { checkpoint, hashed: 0, broken: brokenOf(cp), newlyBroken: false, repaired: false };
  }
  const start = cp?.headHash ?? GENESIS_HASH;
  const events = await eventsAfter(db, { ...p, afterSeq: cp?.lastSeq ?? null });
  const walk = walkChain(p.accountId, start, events);
  const checkpoint = record(p, walk.broken, {
    lastSeq: walk.head?.seq ?? cp?.lastSeq ?? null,
    headHash: walk.head?.hash ?? start,
    eventsVerified: (cp?.eventsVerified ?? 0) + walk.verified,
  });
  await saveCheckpoint(db, checkpoint);
  return { checkpoint, hashed: walk.hashed, broken: walk.broken, newlyBroken: walk.broken !== null, repaired: false };
}

/** Re-walks the account's whole chain from its genesis and records what it finds, broken or intact. */
export async function rewalkAccount(db: Db, p: Account): Promise<AccountAudit> {
  const cp = await readCheckpoint(db, p);
  const walk = walkChain(p.accountId, GENESIS_HASH, await eventsAfter(db, { ...p, afterSeq: null }));
  const checkpoint = record(p, walk.broken, { lastSeq: walk.head?.seq ?? null, headHash: walk.head?.hash ?? GENESIS_HASH, eventsVerified: walk.verified });
  await saveCheckpoint(db, checkpoint);
  const wasBroken = cp?.status === "broken";
  return { checkpoint, hashed: walk.hashed, broken: walk.broken, newlyBroken: walk.broken !== null && !wasBroken, repaired: walk.broken === null && wasBroken };
}

function record(p: Account, broken: BrokenLink | null, good: Pick<AuditCheckpointRow, "lastSeq" | "headHash" | "eventsVerified">): AuditCheckpointRow {
  return {
    accountId: p.accountId,
    ownerId: p.ownerId,
    ...good,
    status: broken ? "broken" : "ok",
    brokenAtSeq: broken?.seq ?? null,
    brokenReason: broken?.reason ?? null,
    brokenDetail: broken?.detail ?? null,
    checkedAt: p.at,
  };
}
