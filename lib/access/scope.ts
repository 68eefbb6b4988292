import type { Db } from "@/db/client";
import type { WorkspaceRole } from "@/db/schema";
import { bearerToken, resolveApiKey, type KeyCaller } from "@/lib/auth/api-key-caller";
import { hasRole } from "@/lib/auth/roles";
import { resolveViewer, type Viewer, type ViewerWorkspace } from "@/lib/auth/viewer";
import { getRuntime } from "@/lib/runtime/app-db";
import { AccessError, keyRoleTooLow, noWorkspace, roleTooLow, signInRequired } from "./errors";

/** What a guarded entry point works with: the database and the one workspace it may touch. */
export interface Scope {
  db: Db;
  /** The viewer's active workspace: the `ownerId` every query helper filters by. */
  ownerId: string;
  viewer: Viewer & { workspace: ViewerWorkspace };
}

/**
 * What a route handler works with: a person's session or an API key, so no person
 * necessarily. `workspace.role` is the role the request acts with (a key's own role).
 */
export interface RouteScope {
  db: Db;
  ownerId: string;
  workspace: ViewerWorkspace;
  caller: { kind: "session"; userId: string } | { kind: "apiKey"; keyId: string };
}

/** Pure: the scope for a viewer who needs `needed`, or the AccessError that refuses them. */
export function scopeFor(db: Db, viewer: Viewer | null, needed: WorkspaceRole): Scope {
  if (!viewer) throw signInRequired();
  const ws = viewer.workspace;
  if (!ws) throw noWorkspace();
  if (!hasRole(ws.role, needed)) throw roleTooLow(needed, ws.role, ws.name);
  return { db, ownerId: ws.id, viewer: { ...viewer, workspace: ws } };
}

/** Pure: the scope of a request made with an API key, or the 403 naming the role needed. */
export function keyScopeFor(db: Db, caller: KeyCaller, needed: WorkspaceRole): RouteScope {
  const ws = caller.workspace;
  if (!hasRole(ws.role, needed)) throw keyRoleTooLow(needed, ws.role, ws.name);
  return { db, ownerId: ws.id, workspace: ws, caller: { kind: "apiKey", keyId: caller.keyId } };
}

/** The viewer of a request (session cookie), or null. */
export async function viewerOf(headers: Headers): Promise<Viewer | null> {
  const { handle, auth } = await getRuntime();
  return resolveViewer(handle.db, auth, headers);
}

/** Resolves and checks in one step: every page and action scopes through here, by cookie only. */
export async function requireScope(headers: Headers, needed: WorkspaceRole): Promise<Scope> {
  const { handle } = await getRuntime();
  return scopeFor(handle.db, await viewerOf(headers), needed);
}

/**
 * A route handler's scope: from the API key when the request carries
 * `Authorization: Bearer <key>`, otherwise from the session cookie. A request that sends a
 * key is judged by that key alone: a bad key is refused even beside a valid cookie, so a
 * script with a revoked key fails where it runs, not only where it runs without a browser.
 */
export async function requireRouteScope(headers: Headers, needed: WorkspaceRole): Promise<RouteScope> {
  const token = bearerToken(headers);
  if (token === undefined) {
    const { db, ownerId, viewer } = await requireScope(headers, needed);
    return { db, ownerId, workspace: viewer.workspace, caller: { kind: "session", userId: viewer.user.id } };
  }
  const { handle, auth } = await getRuntime();
  const resolved = await resolveApiKey(handle.db, auth, token);
  if (!resolved.ok) throw new AccessError(resolved.refusal.status, resolved.refusal.message, resolved.refusal.retryAfterSeconds);
  return keyScopeFor(handle.db, resolved.caller, needed);
}
