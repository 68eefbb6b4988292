"use server";

import { returnValidationErrors } from "next-safe-action";
import { NotFoundError } from "@/db/queries/not-found";
import { transferOwnership as transfer } from "@/db/queries/ownership";
import { deleteWorkspace as removeWorkspace } from "@/db/queries/workspace-deletion";
import { actionClient } from "@/lib/access/action-client";
import { AccessError } from "@/lib/access/errors";
import { moveToNextWorkspace } from "@/lib/actions/next-workspace";
import { deleteWorkspaceInputSchema, nameMismatch, transferInputSchema } from "@/lib/read-models/ownership";

/**
 * Makes another member the owner; the owner who asks becomes an admin. One transaction
 * (db/queries/ownership.ts): both changes happen, or neither.
 */
export const transferOwnership = actionClient
  .metadata({ role: "owner" })
  .inputSchema(transferInputSchema)
  .action(async ({ parsedInput, ctx }) => {
    const outcome = await transfer(ctx.db, { ownerId: ctx.ownerId, fromUserId: ctx.viewer.user.id, toMemberId: parsedInput.memberId });
    if (!outcome.transferred) throw new AccessError(409, outcome.reason);
    return { newOwner: outcome.newOwner.name };
  });

/**
 * Deletes the active workspace and everything it owns (owners only), once its name is typed
 * exactly. `workspaceId` must be the active workspace, so a page left open on a workspace the
 * person has since switched away from cannot delete the wrong one. The answer says where the
 * person is now: their next workspace, or none.
 */
export const deleteWorkspace = actionClient
  .metadata({ role: "owner" })
  .inputSchema(deleteWorkspaceInputSchema)
  .action(async ({ parsedInput, ctx }) => {
    const ws = ctx.viewer.workspace;
    if (parsedInput.workspaceId !== ws.id) throw new NotFoundError("workspace");
    if (parsedInput.confirmName !== ws.name) {
      returnValidationErrors(deleteWorkspaceInputSchema, { confirmName: { _errors: [nameMismatch(ws.name)] } });
    }
    await removeWorkspace(ctx.db, { ownerId: ws.id });
    return { deleted: ws.name, next: await moveToNextWorkspace(ctx.db, ctx.viewer.user.id) };
  });
