import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "../client";
import { accountHoldings, alerts, connections, OPEN_SYNC_STATUSES, syncBatches, tradingAccounts } from "../schema";
import { liveConnection } from "./connections";
import { NotFoundError } from "./not-found";

/**
 * What a person changes on a connection: pause and resume, the sync interval, the sealed
 * credentials, deletion. Each is one statement (or one transaction) scoped to the owner
 * and to a connection nobody deleted; anything else is "connection not found".
 */

const owned = (p: { ownerId: string; connectionId: string }) =>
  and(eq(connections.id, p.connectionId), eq(connections.ownerId, p.ownerId), liveConnection);

async function expectOne(rows: unknown[]): Promise<void> {
  if (rows.length === 0) throw new NotFoundError("connection");
}

/**
 * A person's pause, or lifting any pause (theirs or the failure policy's). A pause a person
 * chose has no policy timestamp, so a later successful sync does not lift it.
 */
export async function setConnectionPaused(db: Db, p: { ownerId: string; connectionId: string; paused: boolean }): Promise<void> {
  const rows = await db
    .update(connections)
    .set(p.paused ? { status: "paused", statusSetByPolicyAt: null } : { status: "active", statusSetByPolicyAt: null })
    .where(owned(p))
    .returning({ id: connections.id });
  await expectOne(rows);
}

/** The background interval, already clamped to the venue's range by the caller. */
export async function setSyncInterval(db: Db, p: { ownerId: string; connectionId: string; seconds: number }): Promise<void> {
  const rows = await db.update(connections).set({ syncIntervalSeconds: p.seconds }).where(owned(p)).returning({ id: connections.id });
  await expectOne(rows);
}

/**
 * Swaps the sealed credentials in one statement: a reader sees the old set or the new one,
 * never a mix. A connection stopped for its credentials (needs attention) is cleared for
 * background syncs again: the new set just passed the venue's test.
 */
export async function replaceCredentials(db: Db, p: { ownerId: string; connectionId: string; credentialsEncrypted: string; at: Date }): Promise<void> {
  const rows = await db
    .update(connections)
    .set({
      credentialsEncrypted: p.credentialsEncrypted,
      credentialsUpdatedAt: p.at,
      status: sql`case when ${connections.status} = 'needs_attention' then 'active' else ${connections.status} end`,
      statusSetByPolicyAt: sql`case when ${connections.status} = 'needs_attention' then null else ${connections.statusSetByPolicyAt} end`,
    })
    .where(owned(p))
    .returning({ id: connections.id });
  await expectOne(rows);
}

/** What a run cut short by a deletion records as its error (kind "cancelled"). */
export const CANCELLED_BY_DELETE = "The connection was deleted while this run was reading the venue; the run saved nothing";

/** What deleting did, for the person who asked. */
export interface ArchivedConnection {
  /** Runs that were still reading the venue and will save nothing. */
  cancelledRuns: number;
  /** Accounts whose current holdings left today's totals. */
  accounts: number;
}

/**
 * Deletes a connection the only way an append-only history allows: the row stays (orders,
 * fills, order events, snapshots and runs point at it) with its credentials erased and
 * `deleted_at` set; its current holdings and open alerts go; runs still reading the venue
 * are marked cancelled. Call inside a transaction that holds the connection's advisory lock.
 */
export async function archiveConnection(tx: Db, p: { ownerId: string; connectionId: string; at: Date }): Promise<ArchivedConnection> {
  const [row] = await tx.select({ id: connections.id }).from(connections).where(owned(p)).for("update");
  if (!row) throw new NotFoundError("connection");
  await tx
    .update(connections)
    .set({
      deletedAt: p.at,
      credentialsEncrypted: null,
      status: "paused",
      statusSetByPolicyAt: null,
      retryNotBefore: null,
    })
    .where(eq(connections.id, p.connectionId));
  const cancelled = await tx
    .update(syncBatches)
    .set({
      status: "failed",
      finishedAt: p.at,
      errorKind: "cancelled",
      error: CANCELLED_BY_DELETE,
    })
    .where(and(eq(syncBatches.connectionId, p.connectionId), inArray(syncBatches.status, [...OPEN_SYNC_STATUSES])))
    .returning({ id: syncBatches.id });
  const accounts = await tx.select({ id: tradingAccounts.id }).from(tradingAccounts).where(eq(tradingAccounts.connectionId, p.connectionId));
  if (accounts.length > 0) {
    await tx.delete(accountHoldings).where(inArray(accountHoldings.accountId, accounts.map((a) => a.id)));
  }
  await tx
    .update(alerts)
    .set({ resolvedAt: p.at })
    .where(and(eq(alerts.ownerId, p.ownerId), eq(alerts.subject, p.connectionId), isNull(alerts.resolvedAt)));
  return { cancelledRuns: cancelled.length, accounts: accounts.length };
}

/** Whether a connection was deleted, read under the caller's transaction (a run about to write checks this). */
export async function isConnectionDeleted(tx: Db, p: { connectionId: string }): Promise<boolean> {
  const [row] = await tx.select({ deletedAt: connections.deletedAt }).from(connections).where(eq(connections.id, p.connectionId));
  return !row || row.deletedAt !== null;
}
