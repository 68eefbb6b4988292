"use server";

import { returnValidationErrors, type ValidationErrors } from "next-safe-action";
import type { z } from "zod";
import { actionClient } from "@/lib/access/action-client";
import { AccessError } from "@/lib/access/errors";
import { FlowRefusedError } from "@/lib/cash-flows/flow-refused";
import { manualFlowSchema, replaceFlowSchema, reverseFlowSchema } from "@/lib/cash-flows/manual-flow-schema";
import { addManualFlow, replaceFlow as replace, reverseFlow as reverse } from "@/lib/cash-flows/manual-flows";

// Manual flows and their corrections (members and above). Each answers the earliest instant
// whose flows changed (`changedFrom`), the start of the unitised series' recompute.

/** A refusal of one field is shown beside it; a clash (already reversed) is a 409 with its reason. */
async function refusalsAnswered<S extends z.ZodType, T>(schema: S, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (e instanceof FlowRefusedError) {
      if (e.field) returnValidationErrors(schema, { [e.field]: { _errors: [e.message] } } as ValidationErrors<S>);
      throw new AccessError(409, e.message);
    }
    throw e;
  }
}

/** Adds a flow by hand to an account of the workspace (Groww's only way in; any venue's missing flow). */
export const addFlow = actionClient
  .metadata({ role: "member" })
  .inputSchema(manualFlowSchema)
  .action(async ({ parsedInput, ctx }) =>
    refusalsAnswered(manualFlowSchema, async () => {
      const { flow, changedFrom } = await addManualFlow(ctx.db, { ownerId: ctx.ownerId, enteredBy: ctx.viewer.user.id, ...parsedInput });
      return { flowId: flow.id, changedFrom: changedFrom.toISOString() };
    }),
  );

/** Reverses a flow (it counts no more), with a note saying why. */
export const reverseFlow = actionClient
  .metadata({ role: "member" })
  .inputSchema(reverseFlowSchema)
  .action(async ({ parsedInput, ctx }) =>
    refusalsAnswered(reverseFlowSchema, async () => {
      const { reversal, changedFrom } = await reverse(ctx.db, { ownerId: ctx.ownerId, enteredBy: ctx.viewer.user.id, ...parsedInput });
      return { reversalId: reversal.id, changedFrom: changedFrom.toISOString() };
    }),
  );

/** Replaces a flow with a corrected one: the reversal and the new flow are saved together or not at all. */
export const replaceFlow = actionClient
  .metadata({ role: "member" })
  .inputSchema(replaceFlowSchema)
  .action(async ({ parsedInput, ctx }) =>
    refusalsAnswered(replaceFlowSchema, async () => {
      const { reversal, replacement, changedFrom } = await replace(ctx.db, { ownerId: ctx.ownerId, enteredBy: ctx.viewer.user.id, ...parsedInput });
      return { reversalId: reversal.id, replacementId: replacement.id, changedFrom: changedFrom.toISOString() };
    }),
  );
