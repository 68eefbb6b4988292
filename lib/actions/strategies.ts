"use server";

import { z } from "zod";
import { reconcileWorkspace } from "@/lib/attribution/reconcile-job";
import { actionClient } from "@/lib/access/action-client";
import { runReconciliationResultSchema } from "@/lib/read-models/strategy-schemas";

/**
 * "Run now" on /strategies (members and above, like a resync): the reconciliation job for
 * this workspace only, at once: the newest snapshot of each active connection is
 * reconciled again with the fills stored now; the button then refreshes the page, which
 * shows the new time.
 */
export const runReconciliation = actionClient
  .metadata({ role: "member" })
  .inputSchema(z.object({}))
  .action(async ({ ctx }) => {
    const now = new Date();
    const result = await reconcileWorkspace(ctx.db, { ownerId: ctx.ownerId, now });
    return runReconciliationResultSchema.parse({ ...result, reconciledAt: now.toISOString() });
  });
