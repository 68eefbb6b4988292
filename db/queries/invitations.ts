import { and, eq, gt, sql } from "drizzle-orm";
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
