import { and, eq, gt, sql } from "drizzle-orm";
import { workspaces } from "../schema";
import type { Db } from "../client";
import { workspaceInvitations } from "../schema";

/** An open invitation to this address (case-insensitive), if any. */
export async function pendingInvitationFor(db: Db, email: string, now: Date = new Date()) {
  const [row] = await db
    .select()
    .from(workspaceInvitations)
    .where(and(sql`lower(${workspaceInvitations.email}) = lower(${email})`, eq(workspaceInvitations.status, "pending"), gt(workspaceInvitations.expiresAt, now)));
  return row ?? null;
}

/** What an invitation link shows before sign-up: the workspace, the role and the address it is for. */
export async function openInvitationById(db: Db, invitationId: string, now: Date = new Date()) {
  const [row] = await db
    .select({ id: workspaceInvitations.id, email: workspaceInvitations.email, role: workspaceInvitations.role, workspace: workspaces.name })
    .from(workspaceInvitations)
    .innerJoin(workspaces, eq(workspaces.id, workspaceInvitations.organizationId))
    .where(and(eq(workspaceInvitations.id, invitationId), eq(workspaceInvitations.status, "pending"), gt(workspaceInvitations.expiresAt, now)));
  return row ?? null;
}
