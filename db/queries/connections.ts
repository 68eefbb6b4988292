import { and, asc, eq, isNull } from "drizzle-orm";
import type { Db } from "../client";
import { connections, type Connection, type ConnectionStatus } from "../schema";
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
  failingSince: connections.failingSince,
  statusSetByPolicyAt: connections.statusSetByPolicyAt,
  retryNotBefore: connections.retryNotBefore,
  lastError: connections.lastError,
  credentialsUpdatedAt: connections.credentialsUpdatedAt,
  createdAt: connections.createdAt,
};

/** A connection nobody deleted: the only kind any operational query sees. */
export const liveConnection = isNull(connections.deletedAt);

export async function getConnection(db: Db, p: { ownerId: string; connectionId: string }): Promise<Connection> {
  const [row] = await db
    .select()
    .from(connections)
    .where(and(eq(connections.id, p.connectionId), eq(connections.ownerId, p.ownerId), liveConnection));
  if (!row) throw new NotFoundError("connection");
  return row;
}

export async function listConnections(db: Db, p: { ownerId: string }) {
  return db
    .select(publicConnectionColumns)
    .from(connections)
    .where(and(eq(connections.ownerId, p.ownerId), liveConnection))
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
    /** When the credentials were sealed (now by default). */
    at?: Date;
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
      credentialsUpdatedAt: p.credentialsEncrypted ? (p.at ?? new Date()) : null,
      syncIntervalSeconds: p.syncIntervalSeconds ?? 300,
    })
    .returning({ id: connections.id });
  return row!;
}

/** The health state of a connection (lib/sync/connection-health.ts decides it). */
export interface ConnectionHealth {
  status: ConnectionStatus;
  consecutiveFailures: number;
  failingSince: Date | null;
  statusSetByPolicyAt: Date | null;
  retryNotBefore: Date | null;
}

/**
 * Reads the connection's health and locks its row until the transaction ends, so two
 * runs finishing at once (two processes) count both failures instead of one.
 */
export async function lockConnectionHealth(tx: Db, p: { connectionId: string }): Promise<ConnectionHealth> {
  const [row] = await tx
    .select({
      status: connections.status,
      consecutiveFailures: connections.consecutiveFailures,
      failingSince: connections.failingSince,
      statusSetByPolicyAt: connections.statusSetByPolicyAt,
      retryNotBefore: connections.retryNotBefore,
    })
    .from(connections)
    .where(eq(connections.id, p.connectionId))
    .for("update");
  if (!row) throw new NotFoundError("connection");
  return row;
}

/** Writes the outcome of a run: the new health, when it ran, and the error a person should read. */
export async function saveConnectionHealth(
  tx: Db,
  p: { connectionId: string; health: ConnectionHealth; at: Date; succeeded: boolean; lastError: string | null },
): Promise<void> {
  await tx
    .update(connections)
    .set({
      ...p.health,
      lastSyncAt: p.at,
      lastError: p.lastError,
      ...(p.succeeded ? { lastSuccessAt: p.at } : {}),
    })
    .where(eq(connections.id, p.connectionId));
}

