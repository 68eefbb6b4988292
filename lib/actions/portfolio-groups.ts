"use server";

import { returnValidationErrors } from "next-safe-action";
import type { z } from "zod";
import { actionClient } from "@/lib/access/action-client";
import { createGroupSchema, deleteGroupSchema, updateGroupSchema } from "@/lib/portfolios/manual-group-schema";
import { createManualGroup, deleteManualGroup, GroupNameTakenError, updateManualGroup } from "@/lib/portfolios/manual-groups";

// Manual portfolios, the selector's hand-made groups of accounts (members and above, like
// the other workspace data a member edits: flows, strategy tags). A name in use is refused
// beside the name field; another workspace's group or account is a 404.

async function nameRefused<S extends z.ZodType, T>(schema: S, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (e instanceof GroupNameTakenError) returnValidationErrors(schema, { name: { _errors: [e.message] } } as never);
    throw e;
  }
}

export const createPortfolioGroup = actionClient
  .metadata({ role: "member" })
  .inputSchema(createGroupSchema)
  .action(async ({ parsedInput, ctx }) =>
    nameRefused(createGroupSchema, () =>
      createManualGroup(ctx.db, { ownerId: ctx.ownerId, baseCurrency: ctx.viewer.workspace.baseCurrency, ...parsedInput }),
    ),
  );

/** Renames a group and sets its accounts, both or neither. */
export const updatePortfolioGroup = actionClient
  .metadata({ role: "member" })
  .inputSchema(updateGroupSchema)
  .action(async ({ parsedInput, ctx }) => nameRefused(updateGroupSchema, () => updateManualGroup(ctx.db, { ownerId: ctx.ownerId, ...parsedInput })));

export const deletePortfolioGroup = actionClient
  .metadata({ role: "member" })
  .inputSchema(deleteGroupSchema)
  .action(async ({ parsedInput, ctx }) => deleteManualGroup(ctx.db, { ownerId: ctx.ownerId, ...parsedInput }));
