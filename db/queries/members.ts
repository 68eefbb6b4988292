import { and, asc, eq, gt } from "drizzle-orm";
import type { Db } from "../client";
import { users, workspaceInvitations, workspaceMembers, type WorkspaceRole } from "../schema";
import { NotFoundError } from "./not-found";

export interface MemberRow {
  /** The membership's id (better-auth's member id), what role changes and removals name. */
  memberId: string;
  userId: string;
  name: string;
  email: string;
  role: WorkspaceRole;
  joinedAt: Date;
}

const memberColumns = {
  memberId: workspaceMembers.id,
  userId: users.id,
  name: users.name,
  email: users.email,
  role: workspaceMembers.role,
  joinedAt: workspaceMembers.createdAt,
};

/** The workspace's people, owners first, then by when they joined. */
export async function listMembers(db: Db, p: { ownerId: string }): Promise<MemberRow[]> {
  const rows = await db
    .select(memberColumns)
    .from(workspaceMembers)
    .innerJoin(users, eq(users.id, workspaceMembers.userId))
    .where(eq(workspaceMembers.organizationId, p.ownerId))
    .orderBy(asc(workspaceMembers.createdAt));
  const rank: Record<string, number> = { owner: 0, admin: 1, member: 2, viewer: 3 };
  return rows.map((r) => ({ ...r, role: r.role as WorkspaceRole })).sort((a, b) => (rank[a.role] ?? 9) - (rank[b.role] ?? 9));
}

/** One member of this workspace, or NotFoundError: another workspace's member is not told apart from none. */
export async function getMember(db: Db, p: { ownerId: string; memberId: string }): Promise<MemberRow> {
  const [row] = await db
    .select(memberColumns)
    .from(workspaceMembers)
    .innerJoin(users, eq(users.id, workspaceMembers.userId))
    .where(and(eq(workspaceMembers.id, p.memberId), eq(workspaceMembers.organizationId, p.ownerId)));
  if (!row) throw new NotFoundError("member");
  return { ...row, role: row.role as WorkspaceRole };
}

export interface InvitationRow {
  id: string;
  email: string;
  role: WorkspaceRole;
  expiresAt: Date;
}

/** Invitations still open (pending and not expired), newest last. */
export async function listOpenInvitations(db: Db, p: { ownerId: string; now: Date }): Promise<InvitationRow[]> {
  const rows = await db
    .select({ id: workspaceInvitations.id, email: workspaceInvitations.email, role: workspaceInvitations.role, expiresAt: workspaceInvitations.expiresAt })
    .from(workspaceInvitations)
    .where(and(eq(workspaceInvitations.organizationId, p.ownerId), eq(workspaceInvitations.status, "pending"), gt(workspaceInvitations.expiresAt, p.now)))
    .orderBy(asc(workspaceInvitations.createdAt));
  return rows.map((r) => ({ ...r, role: (r.role ?? "member") as WorkspaceRole }));
}

/** An invitation of this workspace, or NotFoundError: another workspace's is not told apart from none. */
export async function getInvitation(db: Db, p: { ownerId: string; invitationId: string }) {
  const [row] = await db
    .select()
    .from(workspaceInvitations)
    .where(and(eq(workspaceInvitations.id, p.invitationId), eq(workspaceInvitations.organizationId, p.ownerId)));
  if (!row) throw new NotFoundError("invitation");
  return row;
}
