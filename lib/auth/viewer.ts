import type { Db } from "@/db/client";
import { listMemberships, type Membership } from "@/db/queries/workspaces";
import type { WorkspaceRole } from "@/db/schema";
import type { Auth } from "./server";

export interface ViewerWorkspace {
  id: string;
  name: string;
  slug: string;
  role: WorkspaceRole;
  baseCurrency: string;
  timeZone: string;
}

/** Who is asking, and in which workspace: every read and write is scoped by `workspace.id`. */
export interface Viewer {
  user: { id: string; name: string; email: string };
  /** Null for someone who belongs to no workspace yet (invited, not yet accepted). */
  workspace: ViewerWorkspace | null;
  memberships: Membership[];
}

/**
 * The viewer behind a request's session cookie, or null when there is none (or it expired).
 * The active workspace is the one the session chose (the shell's switcher), if the person is
 * still a member of it; otherwise their oldest membership.
 */
export async function resolveViewer(db: Db, auth: Auth, headers: Headers): Promise<Viewer | null> {
  const session = await auth.api.getSession({ headers });
  if (!session) return null;
  const memberships = await listMemberships(db, session.user.id);
  const chosen = (session.session as { activeOrganizationId?: string | null }).activeOrganizationId;
  const active = memberships.find((m) => m.workspace.id === chosen) ?? memberships[0] ?? null;
  return {
    user: { id: session.user.id, name: session.user.name, email: session.user.email },
    workspace: active
      ? {
          id: active.workspace.id,
          name: active.workspace.name,
          slug: active.workspace.slug,
          role: active.role,
          baseCurrency: active.workspace.baseCurrency,
          timeZone: active.workspace.timeZone,
        }
      : null,
    memberships,
  };
}
