import type { Db } from "@/db/client";

/**
 * What the app shell needs to know about who is looking: the signed-in user, the workspaces
 * they can switch between and the one they are in. The shell renders from this type only,
 * so sign-in and workspaces can replace loadShellViewer's body without touching the UI.
 */
export type WorkspaceRole = "owner" | "admin" | "member" | "viewer";

export type ShellWorkspace = { id: string; name: string; slug: string; role: WorkspaceRole };

export type ShellViewer = {
  /** null until sign-in exists: a local install has no signed-in person, and no user menu. */
  user: { id: string; name: string; email: string } | null;
  workspaces: ShellWorkspace[];
  /** Always one of `workspaces`. */
  activeWorkspaceId: string;
};

/** The local install's single workspace: its id is the local owner's, the scope of every owned row today. */
export const LOCAL_WORKSPACE = { name: "Personal", slug: "personal", role: "owner" } as const;

// `db` is unused until workspaces have a table; the signature is the one the auth work keeps.
export async function loadShellViewer(_db: Db, p: { ownerId: string }): Promise<ShellViewer> {
  return {
    user: null,
    workspaces: [{ id: p.ownerId, ...LOCAL_WORKSPACE }],
    activeWorkspaceId: p.ownerId,
  };
}
