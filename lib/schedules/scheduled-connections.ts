import { and, asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { connections } from "@/db/schema";
import type { ProviderId } from "@/lib/connectors/types";
import type { ScheduledConnection } from "./due";

/**
 * Active connections with what the schedule needs (provider, interval, last run), across
 * all owners: background syncs are the system's, not a viewer's. Paused and
 * needs-attention connections are left out until someone fixes them.
 */
export async function listScheduledConnections(db: Db, p: { provider?: ProviderId } = {}): Promise<ScheduledConnection[]> {
  const active = eq(connections.status, "active");
  return db
    .select({
      id: connections.id,
      ownerId: connections.ownerId,
      provider: connections.provider,
      syncIntervalSeconds: connections.syncIntervalSeconds,
      lastSyncAt: connections.lastSyncAt,
      retryNotBefore: connections.retryNotBefore,
      createdAt: connections.createdAt,
    })
    .from(connections)
    .where(p.provider ? and(active, eq(connections.provider, p.provider)) : active)
    .orderBy(asc(connections.createdAt), asc(connections.id));
}

/** Whether a connection may still be synced by the schedule (it may have been paused since dispatch). */
export async function isConnectionActive(db: Db, connectionId: string): Promise<boolean> {
  const [row] = await db.select({ status: connections.status }).from(connections).where(eq(connections.id, connectionId));
  return row?.status === "active";
}
