import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { pendingInvitationFor } from "@/db/queries/invitations";
import { ensurePersonalWorkspace, PERSONAL_SLUG } from "@/db/queries/workspaces";
import { users, workspaceMembers, workspaces } from "@/db/schema";

/**
 * Where a new account lands. The first person owns the install's Personal workspace (which
 * already holds the demo, or an upgraded install's data); someone invited joins by accepting
 * the invitation; anyone else (ALLOW_SIGNUP=on) gets a workspace of their own. The Personal
 * row is locked while deciding, so two simultaneous first sign-ups cannot both own it. A
 * Personal workspace its owner deleted is not made again (see installWorkspace).
 */
export async function placeNewUser(db: Db, p: { userId: string; name: string; email: string }): Promise<{ workspaceId: string | null }> {
  // This person is already a user here, so "nobody else has an account" means exactly one.
  const [{ people }] = (await db.select({ people: sql<number>`count(*)::int` }).from(users)) as [{ people: number }];
  if (people === 1) await ensurePersonalWorkspace(db);
  return db.transaction(async (tx) => {
    const [personal] = await tx.select({ id: workspaces.id }).from(workspaces).where(eq(workspaces.slug, PERSONAL_SLUG)).for("update");
    if (personal && (await memberCount(tx, personal.id)) === 0) {
      await tx.insert(workspaceMembers).values({ organizationId: personal.id, userId: p.userId, role: "owner" });
      return { workspaceId: personal.id };
    }
    if (await pendingInvitationFor(tx, p.email)) return { workspaceId: null };
    const [own] = await tx
      .insert(workspaces)
      .values({ name: `${p.name}'s workspace`, slug: `ws-${p.userId.slice(0, 8)}` })
      .returning({ id: workspaces.id });
    await tx.insert(workspaceMembers).values({ organizationId: own!.id, userId: p.userId, role: "owner" });
    return { workspaceId: own!.id };
  });
}

async function memberCount(db: Db, workspaceId: string): Promise<number> {
  const [{ n }] = (await db.select({ n: sql<number>`count(*)::int` }).from(workspaceMembers).where(eq(workspaceMembers.organizationId, workspaceId))) as [{ n: number }];
  return n;
}
