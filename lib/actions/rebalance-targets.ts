"use server";

import { replaceRebalanceTargets } from "@/db/queries/rebalance-targets";
import { actionClient } from "@/lib/access/action-client";
import { portfolioKey } from "@/lib/portfolios/selection";
import { accountIdsOfSelection } from "@/lib/rebalance/selection-accounts";
import { fractionOf, savedTargetsSchema, saveTargetsSchema } from "@/lib/rebalance/targets-input";

/**
 * Saves a portfolio's target weights on /rebalance (members and above, like the other
 * actions that change what the workspace plans, not who is in it). The set is checked as a
 * whole by the form's own schema (non-negative, sums to 100 % ± 0.01) before anything is
 * written, then replaces the key's previous set in one transaction: a refused set saves
 * nothing and the previous one stands. Another workspace's connection or portfolio is 404.
 */
export const saveRebalanceTargets = actionClient
  .metadata({ role: "member" })
  .inputSchema(saveTargetsSchema)
  .action(async ({ parsedInput, ctx }) => {
    await accountIdsOfSelection(ctx.db, { ownerId: ctx.ownerId, selection: parsedInput.portfolio });
    const key = portfolioKey(parsedInput.portfolio);
    const at = new Date();
    await replaceRebalanceTargets(ctx.db, {
      ownerId: ctx.ownerId,
      portfolioKey: key,
      targets: parsedInput.targets.map((t) => ({ asset: t.asset, weight: fractionOf(t.weight), band: fractionOf(t.band) })),
      updatedBy: ctx.viewer.user.id,
      at,
    });
    return savedTargetsSchema.parse({ portfolio: key, targets: parsedInput.targets.length, savedAt: at.toISOString() });
  });
