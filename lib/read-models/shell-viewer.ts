import type { WorkspaceRole } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";

/**
 * What the app shell needs to know about who is looking: the signed-in person, the
 * workspaces they can switch between and the one they are in. The shell renders from this
 * type only.
 */
export type { WorkspaceRole };

export type ShellWorkspace = { id: string; name: string; slug: string; role: WorkspaceRole };

export type ShellViewer = {
  user: { id: string; name: string; email: string } | null;
  workspaces: ShellWorkspace[];
  /** Always one of `workspaces`. */
  activeWorkspaceId: string;
};

export function toShellViewer(viewer: Viewer & { workspace: { id: string } }): ShellViewer {
  return {
    user: viewer.user,
    workspaces: viewer.memberships.map((m) => ({ id: m.workspace.id, name: m.workspace.name, slug: m.workspace.slug, role: m.role })),
    activeWorkspaceId: viewer.workspace.id,
  };
}
