import { and, asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { orderEvents, tradingAccounts } from "@/db/schema";
import { GENESIS_HASH, orderEventHash } from "./event-hash";

export interface BrokenLink {
  accountId: string;
  seq: number;
  reason: "edited" | "predecessor_missing" | "unlinked";
  detail: string;
}

export interface ChainReport {
  accounts: number;
  events: number;
  /** The first broken link found (lowest account, then lowest seq), or null when intact. */
  broken: BrokenLink | null;
}

type EventRow = typeof orderEvents.$inferSelect;

export interface ChainWalk {
  broken: BrokenLink | null;
  /** The last good event reached from the start link (null: none). */
  head: EventRow | null;
  /** Events found intact, and events hashed (one more than intact when an edit stopped the walk). */
  verified: number;
  hashed: number;
}

/**
 * Walks one account's chain from the link `start` (its genesis, or a checkpoint's head)
 * through `events` (the events recorded after that link); returns the first broken link.
 */
export function walkChain(accountId: string, start: string, events: EventRow[]): ChainWalk {
  const byPrev = new Map(events.map((e) => [e.prevHash, e]));
  const hashes = new Set(events.map((e) => e.hash));
  const visited = new Set<number>();
  let link = start;
  let head: EventRow | null = null;
  for (let e = byPrev.get(link); e; e = byPrev.get(link)) {
    const expected = orderEventHash(e, e.prevHash);
    if (expected !== e.hash) {
      const broken: BrokenLink = { accountId, seq: e.seq, reason: "edited", detail: `content hashes to ${expected.slice(0, 12)}…, recorded ${e.hash.slice(0, 12)}…` };
      return { broken, head, verified: visited.size, hashed: visited.size + 1 };
    }
    visited.add(e.seq);
    head = e;
    link = e.hash;
  }
  const stray = events.find((e) => !visited.has(e.seq));
  if (!stray) return { broken: null, head, verified: visited.size, hashed: visited.size };
  const broken: BrokenLink =
    hashes.has(stray.prevHash) || stray.prevHash === start
      ? { accountId, seq: stray.seq, reason: "unlinked", detail: "not reachable from the start of the chain" }
      : { accountId, seq: stray.seq, reason: "predecessor_missing", detail: `the event it follows (${stray.prevHash.slice(0, 12)}…) is gone` };
  return { broken, head, verified: visited.size, hashed: visited.size };
}

/** Walks one account's chain from the genesis link; returns its first broken link. */
export function verifyAccountChain(accountId: string, events: EventRow[]): BrokenLink | null {
  return walkChain(accountId, GENESIS_HASH, events).broken;
}

/**
 * Which chains to walk: one workspace's (what the CLI and any request-driven check use), or
 * every workspace's, said explicitly, for an operator check of the whole database.
 */
export type ChainScope = ({ ownerId: string } | { allWorkspaces: true }) & { accountId?: string };

/** Verifies the order-event chain of every account in scope (or of one of them). */
export async function verifyOrderEventChains(db: Db, p: ChainScope): Promise<ChainReport> {
  const where = and(
    "ownerId" in p ? eq(tradingAccounts.ownerId, p.ownerId) : undefined,
    p.accountId ? eq(tradingAccounts.id, p.accountId) : undefined,
  );
  const accounts = await db.select({ id: tradingAccounts.id }).from(tradingAccounts).where(where).orderBy(asc(tradingAccounts.id));
  let events = 0;
  for (const a of accounts) {
    const rows = await db.select().from(orderEvents).where(eq(orderEvents.accountId, a.id)).orderBy(asc(orderEvents.seq));
    events += rows.length;
    const broken = verifyAccountChain(a.id, rows);
    if (broken) return { accounts: accounts.length, events, broken };
  }
  return { accounts: accounts.length, events, broken: null };
}
