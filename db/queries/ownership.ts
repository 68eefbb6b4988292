import { eq } from "drizzle-orm";
import type { Db } from "../client";
import { users, workspaceMembers } from "../schema";
import { NotFoundError } from "./not-found";

export type TransferOutcome = { transferred: true; newOwner: { userId: string; name: string } } | { transferred: false; reason: string };

/**
 * Hands the workspace from one owner to another member in one transaction: the member becomes
 * owner and the old owner admin, or nothing changes. The workspace's memberships are locked
 * first, so two transfers (or a transfer and a leave) cannot interleave: the second sees the
 * first's outcome. Written here rather than as two better-auth role updates because those
 * would be two transactions, and a failure between them would leave two owners or none.
 */
export async function transferOwnership(db: Db, p: { ownerId: string; fromUserId: string; toMemberId: string }): Promise<TransferOutcome> {
  return db.transaction(async (tx) => {
    const members = await tx
      .select({ id: workspaceMembers.id, userId: workspaceMembers.userId, role: workspaceMembers.role, name: users.name })
      .from(workspaceMembers)
      .innerJoin(users, eq(users.id, workspaceMembers.userId))
      .where(eq(workspaceMembers.organizationId, p.ownerId))
      .orderBy(workspaceMembers.id)
      .for("update", { of: workspaceMembers });
    const to = members.find((m) => m.id === p.toMemberId);
    if (!to) throw new NotFoundError("member");
    const from = members.find((m) => m.userId === p.fromUserId);
    if (from?.role !== "owner") return { transferred: false, reason: "Only an owner can transfer ownership, and you are no longer one here" };
    if (to.id === from.id) return { transferred: false, reason: "You already own this workspace: choose another member" };
    if (to.role === "owner") return { transferred: false, reason: `${to.name} is already an owner` };
    await tx.update(workspaceMembers).set({ role: "owner" }).where(eq(workspaceMembers.id, to.id));
    await tx.update(workspaceMembers).set({ role: "admin" }).where(eq(workspaceMembers.id, from.id));
    return { transferred: true, newOwner: { userId: to.userId, name: to.name } };
  });
}
