"use server";

import { headers } from "next/headers";
import { z } from "zod";
import { getInvitation } from "@/db/queries/members";
import { actionClient } from "@/lib/access/action-client";
import { AccessError } from "@/lib/access/errors";
import { getRuntime } from "@/lib/runtime/app-db";
import { isBetterAuthRefusal } from "./better-auth-refusal";
import { invitationPath, inviteInputSchema } from "@/lib/read-models/members";

/**
 * Invites someone to the active workspace (admins and owners) as admin, member or viewer;
 * nobody is invited as an owner. The answer carries the invitation link to hand over: signing
 * up (or in) through it joins with the role given. No email is sent.
 */
export const inviteMember = actionClient
  .metadata({ role: "admin" })
  .inputSchema(inviteInputSchema)
  .action(async ({ parsedInput, ctx }) => {
    const { auth } = await getRuntime();
    try {
      const invitation = await auth.api.createInvitation({
        headers: await headers(),
        body: { email: parsedInput.email, role: parsedInput.role, organizationId: ctx.ownerId },
      });
      return { id: invitation.id, email: invitation.email, role: parsedInput.role, path: invitationPath(invitation.id) };
    } catch (e) {
      if (isBetterAuthRefusal(e)) throw new AccessError(409, e.message);
      throw e;
    }
  });

/** Withdraws an open invitation of the active workspace; another workspace's is "not found". */
export const cancelInvitation = actionClient
  .metadata({ role: "admin" })
  .inputSchema(z.object({ invitationId: z.uuid() }))
  .action(async ({ parsedInput, ctx }) => {
    await getInvitation(ctx.db, { ownerId: ctx.ownerId, invitationId: parsedInput.invitationId });
    const { auth } = await getRuntime();
    await auth.api.cancelInvitation({ headers: await headers(), body: { invitationId: parsedInput.invitationId } });
    return { cancelled: parsedInput.invitationId };
  });
