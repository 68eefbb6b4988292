import type { Db } from "@/db/client";
import type { WorkspaceRole } from "@/db/schema";
import { hasRole } from "@/lib/auth/roles";
import { resolveViewer, type Viewer, type ViewerWorkspace } from "@/lib/auth/viewer";
import { getRuntime } from "@/lib/runtime/app-db";
import { noWorkspace, roleTooLow, signInRequired } from "./errors";

/** What a guarded entry point works with: the database and the one workspace it may touch. */
export interface Scope {
  db: Db;
  /** The viewer's active workspace: the `ownerId` every query helper filters by. */
  ownerId: string;
  viewer: Viewer & { workspace: ViewerWorkspace };
}

/** Pure: the scope for a viewer who needs `needed`, or the AccessError that refuses them. */
export function scopeFor(db: Db, viewer: Viewer | null, needed: WorkspaceRole): Scope {
  if (!viewer) throw signInRequired();
  const ws = viewer.workspace;
  if (!ws) throw noWorkspace();
  if (!hasRole(ws.role, needed)) throw roleTooLow(needed, ws.role, ws.name);
  return { db, ownerId: ws.id, viewer: { ...viewer, workspace: ws } };
}

/** The viewer of a request (session cookie), or null. */
export async function viewerOf(headers: Headers): Promise<Viewer | null> {
  const { handle, auth } = await getRuntime();
  return resolveViewer(handle.db, auth, headers);
}

/** Resolves and checks in one step: every route, page and action scopes through here. */
export async function requireScope(headers: Headers, needed: WorkspaceRole): Promise<Scope> {
  const { handle } = await getRuntime();
  return scopeFor(handle.db, await viewerOf(headers), needed);
}
