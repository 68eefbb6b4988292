import { and, asc, count, eq, inArray } from "drizzle-orm";
import type { Db } from "../client";
import { connections, syncBatches } from "../schema";
import { liveConnection } from "./connections";

/**
 * The workspaces that hold a live connection of one of `providers` (the venues history can
 * be reconstructed for), by id: the nightly reconstruction then works through each
 * workspace's own connections, scoped to it.
 */
export async function workspacesWithProviders(db: Db, providers: readonly string[]): Promise<string[]> {
  if (providers.length === 0) return [];
  const rows = await db
    .selectDistinct({ ownerId: connections.ownerId })
    .from(connections)
    .where(and(inArray(connections.provider, [...providers]), liveConnection))
    .orderBy(asc(connections.ownerId));
  return rows.map((r) => r.ownerId);
}

/** One workspace's live connections of `providers`, oldest first. */
export async function connectionsOfProviders(db: Db, p: { ownerId: string; providers: readonly string[] }): Promise<Array<{ id: string; provider: string }>> {
  if (p.providers.length === 0) return [];
  return db
    .select({ id: connections.id, provider: connections.provider })
    .from(connections)
    .where(and(eq(connections.ownerId, p.ownerId), inArray(connections.provider, [...p.providers]), liveConnection))
    .orderBy(asc(connections.createdAt), asc(connections.id));
}

/** How many runs of a connection saved data (succeeded or partial): 1 right after its first sync. */
export async function savedRunCount(db: Db, p: { ownerId: string; connectionId: string }): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(syncBatches)
    .where(and(eq(syncBatches.ownerId, p.ownerId), eq(syncBatches.connectionId, p.connectionId), inArray(syncBatches.status, ["succeeded", "partial"])));
  return row?.n ?? 0;
}
