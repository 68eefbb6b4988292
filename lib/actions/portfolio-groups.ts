"use server";

import { returnValidationErrors } from "next-safe-action";
import type { z } from "zod";
import { actionClient } from "@/lib/access/action-client";
import { createGroupSchema, deleteGroupSchema, renameGroupSchema, setGroupAccountsSchema } from "@/lib/portfolios/manual-group-schema";
import { createManualGroup, deleteManualGroup, GroupNameTakenError, renameManualGroup, setManualGroupAccounts } from "@/lib/portfolios/manual-groups";

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

export const renamePortfolioGroup = actionClient
  .metadata({ role: "member" })
  .inputSchema(renameGroupSchema)
  .action(async ({ parsedInput, ctx }) => nameRefused(renameGroupSchema, () => renameManualGroup(ctx.db, { ownerId: ctx.ownerId, ...parsedInput })));

export const setPortfolioGroupAccounts = actionClient
  .metadata({ role: "member" })
  .inputSchema(setGroupAccountsSchema)
  .action(async ({ parsedInput, ctx }) => setManualGroupAccounts(ctx.db, { ownerId: ctx.ownerId, ...parsedInput }));

export const deletePortfolioGroup = actionClient
  .metadata({ role: "member" })
  .inputSchema(deleteGroupSchema)
  .action(async ({ parsedInput, ctx }) => deleteManualGroup(ctx.db, { ownerId: ctx.ownerId, ...parsedInput }));
