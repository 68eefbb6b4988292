import { and, asc, eq, sql } from "drizzle-orm";
import type { Db } from "../client";
import { connections, type Connection } from "../schema";
import { NotFoundError } from "./not-found";

/** The columns a browser may ever see: no credentials. */
export const publicConnectionColumns = {
  id: connections.id,
  provider: connections.provider,
  label: connections.label,
  status: connections.status,
  syncIntervalSeconds: connections.syncIntervalSeconds,
  lastSyncAt: connections.lastSyncAt,
  lastSuccessAt: connections.lastSuccessAt,
  consecutiveFailures: connections.consecutiveFailures,
  lastError: connections.lastError,
  createdAt: connections.createdAt,
};

export async function getConnection(db: Db, p: { ownerId: string; connectionId: string }): Promise<Connection> {
  const [row] = await db
    .select()
    .from(connections)
    .where(and(eq(connections.id, p.connectionId), eq(connections.ownerId, p.ownerId)));
  if (!row) throw new NotFoundError("connection");
  return row;
}

export async function listConnections(db: Db, p: { ownerId: string }) {
  return db
    .select(publicConnectionColumns)
    .from(connections)
    .where(eq(connections.ownerId, p.ownerId))
    .orderBy(asc(connections.createdAt));
}

/** Every owner's active connections: the scheduler's work list. */
export async function listActiveConnections(db: Db): Promise<Array<{ id: string; ownerId: string }>> {
  return db
    .select({ id: connections.id, ownerId: connections.ownerId })
    .from(connections)
    .where(eq(connections.status, "active"))
    .orderBy(asc(connections.createdAt));
}

export async function createConnection(
  db: Db,
  p: {
    ownerId: string;
    provider: string;
    label: string;
    config?: Record<string, unknown>;
    credentialsEncrypted?: string | null;
    syncIntervalSeconds?: number;
  },
): Promise<{ id: string }> {
  const [row] = await db
    .insert(connections)
    .values({
      ownerId: p.ownerId,
      provider: p.provider,
      label: p.label,
      config: p.config ?? {},
      credentialsEncrypted: p.credentialsEncrypted ?? null,
      syncIntervalSeconds: p.syncIntervalSeconds ?? 300,
    })
    .returning({ id: connections.id });
  return row!;
}

export async function recordSyncSuccess(db: Db, p: { connectionId: string; at: Date }) {
  await db
    .update(connections)
    .set({ lastSyncAt: p.at, lastSuccessAt: p.at, consecutiveFailures: 0, lastError: null })
    .where(eq(connections.id, p.connectionId));
}

export async function recordSyncFailure(db: Db, p: { connectionId: string; at: Date; error: string }) {
  await db
    .update(connections)
    .set({ lastSyncAt: p.at, lastError: p.error, consecutiveFailures: sql`${connections.consecutiveFailures} + 1` })
    .where(eq(connections.id, p.connectionId));
}
