import { and, desc, eq, inArray } from "drizzle-orm";
import type { Db } from "../client";
import { apiKeys, users, workspaceMembers, workspaces, type Workspace, type WorkspaceRole } from "../schema";
import { readGrant, type ApiKeyRole } from "./api-key-grant";
import { NotFoundError } from "./not-found";

/** One key as the settings page lists it: never the key, nor its hash. */
export interface ApiKeyRow {
  id: string;
  name: string | null;
  /** The first characters of the key ("vf_XgAAvQs"), stored in clear to tell keys apart. */
  start: string | null;
  /** Null for a key that carries no role of ours: the API refuses it. */
  role: ApiKeyRole | null;
  createdAt: Date;
  /** Who made it; null when unknown or since deleted. */
  createdBy: { id: string; name: string } | null;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
}

/** A workspace's keys, newest first. */
export async function listApiKeys(db: Db, p: { ownerId: string }): Promise<ApiKeyRow[]> {
  const rows = await db
    .select({
      id: apiKeys.id,
      name: apiKeys.name,
      start: apiKeys.start,
      permissions: apiKeys.permissions,
      createdAt: apiKeys.createdAt,
      lastUsedAt: apiKeys.lastRequest,
      expiresAt: apiKeys.expiresAt,
    })
    .from(apiKeys)
    .where(eq(apiKeys.referenceId, p.ownerId))
    .orderBy(desc(apiKeys.createdAt), desc(apiKeys.id));
  const grants = rows.map((r) => readGrant(r.permissions));
  const creatorIds = [...new Set(grants.flatMap((g) => (g ? [g.createdBy] : [])))];
  const creators = creatorIds.length
    ? new Map((await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, creatorIds))).map((u) => [u.id, u]))
    : new Map<string, { id: string; name: string }>();
  return rows.map(({ permissions: _, ...r }, i) => {
    const grant = grants[i];
    return { ...r, role: grant?.role ?? null, createdBy: (grant && creators.get(grant.createdBy)) ?? null };
  });
}

/** A key of this workspace, or NotFoundError: another workspace's is not told apart from none. */
export async function getApiKey(db: Db, p: { ownerId: string; keyId: string }): Promise<{ id: string; name: string | null }> {
  const [row] = await db
    .select({ id: apiKeys.id, name: apiKeys.name })
    .from(apiKeys)
    .where(and(eq(apiKeys.id, p.keyId), eq(apiKeys.referenceId, p.ownerId)));
  if (!row) throw new NotFoundError("API key");
  return row;
}

/**
 * What a key acts in, read in one query on every keyed request: its workspace (null once
 * deleted: keys reference it by text and outlive it) and its creator's role there now
 * (null once they have left it).
 */
export async function apiKeyWorkspace(
  db: Db,
  p: { workspaceId: string; creatorId: string },
): Promise<{ workspace: Workspace; creatorRole: WorkspaceRole | null } | null> {
  const [row] = await db
    .select({ workspace: workspaces, creatorRole: workspaceMembers.role })
    .from(workspaces)
    .leftJoin(workspaceMembers, and(eq(workspaceMembers.organizationId, workspaces.id), eq(workspaceMembers.userId, p.creatorId)))
    .where(eq(workspaces.id, p.workspaceId));
  if (!row) return null;
  return { workspace: row.workspace, creatorRole: (row.creatorRole as WorkspaceRole | null) ?? null };
}
