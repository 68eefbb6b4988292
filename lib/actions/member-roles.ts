"use server";

import { headers } from "next/headers";
import { z } from "zod";
import { getMember } from "@/db/queries/members";
import { actionClient } from "@/lib/access/action-client";
import { AccessError } from "@/lib/access/errors";
import { askBetterAuth } from "@/lib/actions/better-auth-refusal";
import { moveToNextWorkspace } from "@/lib/actions/next-workspace";
import { memberInputSchema, memberRoleInputSchema } from "@/lib/read-models/members";
import { getRuntime } from "@/lib/runtime/app-db";

// Who is in the workspace with which role, through better-auth's organization endpoints (its
// own rules apply as well; its refusals come back as 403/409 with the reason). Our rules come
// first: an owner is neither changed nor removed except by a transfer of ownership, and nobody
// is made owner any other way. Another workspace's member is "not found" (404).

const OWNER_TRANSFER_ONLY = "An owner changes only through a transfer of ownership (Settings → Ownership), which the owner makes";

/** Gives a member the admin, member or viewer role (admins and owners). */
export const changeMemberRole = actionClient
  .metadata({ role: "admin" })
  .inputSchema(memberRoleInputSchema)
  .action(async ({ parsedInput, ctx }) => {
    const member = await getMember(ctx.db, { ownerId: ctx.ownerId, memberId: parsedInput.memberId });
    if (parsedInput.role === "owner" || member.role === "owner") throw new AccessError(403, OWNER_TRANSFER_ONLY);
    const { auth } = await getRuntime();
    const requestHeaders = await headers();
    await askBetterAuth(() =>
      auth.api.updateMemberRole({ headers: requestHeaders, body: { memberId: member.memberId, role: parsedInput.role, organizationId: ctx.ownerId } }),
    );
    return { memberId: member.memberId, name: member.name, role: parsedInput.role };
  });

/** Removes someone from the workspace (admins and owners); an owner cannot be removed, and you leave rather than remove yourself. */
export const removeMember = actionClient
  .metadata({ role: "admin" })
  .inputSchema(memberInputSchema)
  .action(async ({ parsedInput, ctx }) => {
    const member = await getMember(ctx.db, { ownerId: ctx.ownerId, memberId: parsedInput.memberId });
    if (member.role === "owner") throw new AccessError(403, OWNER_TRANSFER_ONLY);
    if (member.userId === ctx.viewer.user.id) throw new AccessError(409, "To remove yourself, use Leave workspace");
    const { auth } = await getRuntime();
    const requestHeaders = await headers();
    await askBetterAuth(() => auth.api.removeMember({ headers: requestHeaders, body: { memberIdOrEmail: member.memberId, organizationId: ctx.ownerId } }));
    return { removed: member.name };
  });

/**
 * Leaves the active workspace (any role); its only owner cannot (better-auth's rule: they
 * transfer ownership or delete the workspace instead). The answer says where the person is
 * now: their next workspace, or none.
 */
export const leaveWorkspace = actionClient
  .metadata({ role: "viewer" })
  .inputSchema(z.object({}))
  .action(async ({ ctx }) => {
    const { auth } = await getRuntime();
    const requestHeaders = await headers();
    await askBetterAuth(() => auth.api.leaveOrganization({ headers: requestHeaders, body: { organizationId: ctx.ownerId } }));
    return { left: ctx.viewer.workspace.name, next: await moveToNextWorkspace(ctx.db, ctx.viewer.user.id) };
  });
