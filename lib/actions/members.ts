"use server";

import { headers } from "next/headers";
import { z } from "zod";
import { getInvitation } from "@/db/queries/members";
import { actionClient } from "@/lib/access/action-client";
import { getRuntime } from "@/lib/runtime/app-db";
import { askBetterAuth } from "@/lib/actions/better-auth-refusal";
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
    const requestHeaders = await headers();
    // better-auth's own refusals (already a member, already invited) are the person's to
    // read (409); anything else is a server failure, logged and reported as such.
    const invitation = await askBetterAuth(() =>
      auth.api.createInvitation({ headers: requestHeaders, body: { email: parsedInput.email, role: parsedInput.role, organizationId: ctx.ownerId } }),
    );
    return { id: invitation.id, email: invitation.email, role: parsedInput.role, path: invitationPath(invitation.id) };
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
