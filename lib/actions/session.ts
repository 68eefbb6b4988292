"use server";

import { headers } from "next/headers";
import { z } from "zod";
import { NotFoundError } from "@/db/queries/not-found";
import { actionClient } from "@/lib/access/action-client";
import { getRuntime } from "@/lib/runtime/app-db";

/**
 * Switches the session's active workspace (the shell's switcher). A workspace the person
 * does not belong to is "not found", like any other workspace's resource.
 */
export const switchWorkspace = actionClient
  .metadata({ role: "viewer" })
  .inputSchema(z.object({ workspaceId: z.uuid() }))
  .action(async ({ parsedInput, ctx }) => {
    if (!ctx.viewer.memberships.some((m) => m.workspace.id === parsedInput.workspaceId)) throw new NotFoundError("workspace");
    const { auth } = await getRuntime();
    await auth.api.setActiveOrganization({ headers: await headers(), body: { organizationId: parsedInput.workspaceId } });
    return { workspaceId: parsedInput.workspaceId };
  });

/** Ends the session in the database (not just the cookie): the token stops working everywhere. */
export const signOut = actionClient
  .metadata({ role: "viewer" })
  .inputSchema(z.object({}))
  .action(async () => {
    const { auth } = await getRuntime();
    await auth.api.signOut({ headers: await headers() });
    return { signedOut: true };
  });
