import { and, asc, eq, gt, inArray, sql } from "drizzle-orm";
import type { Db } from "../client";
import { auditCheckpoints, orderEvents, tradingAccounts, type AuditCheckpointRow, type OrderEventRow } from "../schema";

export async function readCheckpoint(db: Db, p: { ownerId: string; accountId: string }): Promise<AuditCheckpointRow | null> {
  const [row] = await db
    .select()
    .from(auditCheckpoints)
    .where(and(eq(auditCheckpoints.ownerId, p.ownerId), eq(auditCheckpoints.accountId, p.accountId)));
  return row ?? null;
}

/** Records an account's checkpoint; never one of another workspace's (its row stays as it is). */
export async function saveCheckpoint(db: Db, row: AuditCheckpointRow): Promise<void> {
  const { accountId: _key, ...set } = row;
  await db
    .insert(auditCheckpoints)
    .values(row)
    .onConflictDoUpdate({ target: auditCheckpoints.accountId, set, setWhere: eq(auditCheckpoints.ownerId, row.ownerId) });
}

/** An account's events recorded after `afterSeq` (null: all of them), in recording order. */
export async function eventsAfter(db: Db, p: { ownerId: string; accountId: string; afterSeq: number | null }): Promise<OrderEventRow[]> {
  return db
    .select()
    .from(orderEvents)
    .where(and(eq(orderEvents.ownerId, p.ownerId), eq(orderEvents.accountId, p.accountId), p.afterSeq === null ? undefined : gt(orderEvents.seq, p.afterSeq)))
    .orderBy(asc(orderEvents.seq));
}

/** The workspace's account, or null (another workspace's id reads as none). */
export async function ownedAccount(db: Db, p: { ownerId: string; accountId: string }): Promise<{ id: string; name: string; connectionId: string } | null> {
  const [row] = await db
    .select({ id: tradingAccounts.id, name: tradingAccounts.name, connectionId: tradingAccounts.connectionId })
    .from(tradingAccounts)
    .where(and(eq(tradingAccounts.ownerId, p.ownerId), eq(tradingAccounts.id, p.accountId)));
  return row ?? null;
}

/** The checkpoints of some of the workspace's accounts (those never verified have none). */
export async function checkpointsOf(db: Db, p: { ownerId: string; accountIds: string[] }): Promise<AuditCheckpointRow[]> {
  if (p.accountIds.length === 0) return [];
  return db
    .select()
    .from(auditCheckpoints)
    .where(and(eq(auditCheckpoints.ownerId, p.ownerId), inArray(auditCheckpoints.accountId, p.accountIds)));
}

/** Every workspace that has trading accounts (so a chain to walk), by id: what the scheduled re-walk goes through one by one. */
export async function workspacesWithAccounts(db: Db): Promise<string[]> {
  const rows = await db.selectDistinct({ ownerId: tradingAccounts.ownerId }).from(tradingAccounts).orderBy(asc(tradingAccounts.ownerId));
  return rows.map((r) => r.ownerId);
}

/** The accounts of one workspace, or of every workspace (an operator's check), by id. */
export async function accountsToAudit(
  db: Db,
  p: ({ ownerId: string } | { allWorkspaces: true }) & { accountId?: string },
): Promise<Array<{ id: string; ownerId: string; connectionId: string }>> {
  return db
    .select({ id: tradingAccounts.id, ownerId: tradingAccounts.ownerId, connectionId: tradingAccounts.connectionId })
    .from(tradingAccounts)
    .where(and("ownerId" in p ? eq(tradingAccounts.ownerId, p.ownerId) : undefined, p.accountId ? eq(tradingAccounts.id, p.accountId) : undefined))
    .orderBy(asc(tradingAccounts.id));
}

/**
 * Runs `fn` in a transaction holding the connection's lock, the one a sync writes (and
 * checks) its events under: a check never interleaves with a run's, so a break one records
 * is never overwritten by the other's older reading.
 */
export async function underConnectionLock<T>(db: Db, connectionId: string, fn: (tx: Db) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${connectionId}))`);
    return fn(tx);
  });
}
