"use server";

import { headers } from "next/headers";
import { z } from "zod";
import { grantPermissions } from "@/db/queries/api-key-grant";
import { getApiKey } from "@/db/queries/api-keys";
import { actionClient } from "@/lib/access/action-client";
import { AccessError } from "@/lib/access/errors";
import { hasRole } from "@/lib/auth/roles";
import { createApiKeyInputSchema } from "@/lib/read-models/api-keys";
import { getRuntime } from "@/lib/runtime/app-db";
import { asAccessError } from "./better-auth-refusal";

/**
 * Creates a key of the active workspace (admins and owners) with a role no higher than the
 * creator's own. The answer carries the key itself: this is the only time it exists in
 * clear, the database keeps only its hash.
 *
 * The plugin is called on the server without the request's headers: with them it takes
 * the call for a browser's and refuses `permissions`, where the role is kept. It still
 * checks, from `userId` and `organizationId`, that this person may create the
 * workspace's keys (lib/auth/roles.ts).
 */
export const createApiKey = actionClient
  .metadata({ role: "admin" })
  .inputSchema(createApiKeyInputSchema)
  .action(async ({ parsedInput, ctx }) => {
    const { role, name, expiresInDays } = parsedInput;
    const own = ctx.viewer.workspace.role;
    if (!hasRole(own, role)) throw new AccessError(403, `A key cannot have the ${role} role: its role may not exceed yours (${own})`);
    const { auth } = await getRuntime();
    try {
      const created = await auth.api.createApiKey({
        body: {
          name,
          expiresIn: expiresInDays ? expiresInDays * 86_400 : null,
          userId: ctx.viewer.user.id,
          organizationId: ctx.ownerId,
          permissions: grantPermissions({ role, createdBy: ctx.viewer.user.id }),
        },
      });
      return {
        id: created.id,
        name,
        role,
        key: created.key,
        start: created.start,
        expiresAt: created.expiresAt ? new Date(created.expiresAt).toISOString() : null,
      };
    } catch (e) {
      throw asAccessError(e);
    }
  });

/**
 * Revokes a key of the active workspace: it is deleted, and the next request with it is
 * refused (401). Another workspace's key is "not found".
 */
export const revokeApiKey = actionClient
  .metadata({ role: "admin" })
  .inputSchema(z.object({ keyId: z.uuid() }))
  .action(async ({ parsedInput, ctx }) => {
    const key = await getApiKey(ctx.db, { ownerId: ctx.ownerId, keyId: parsedInput.keyId });
    const { auth } = await getRuntime();
    await auth.api.deleteApiKey({ headers: await headers(), body: { keyId: key.id } });
    return { revoked: key.id, name: key.name };
  });
