"use server";

import { z } from "zod";
import { webhookFromEnv } from "@/lib/alerts/webhook-config";
import { actionClient } from "@/lib/access/action-client";
import { verifyAccountNow } from "@/lib/audit/verify-now";
import { auditStatusView } from "@/lib/read-models/audit-status";

/**
 * Verify now (members and above): the account's order-event chain checked from its
 * checkpoint (only the events recorded since). A newly broken chain raises its critical
 * alert. Another workspace's account is 404.
 */
export const verifyAccountChain = actionClient
  .metadata({ role: "member" })
  .inputSchema(z.object({ accountId: z.uuid() }))
  .action(async ({ parsedInput, ctx }) => {
    const audit = await verifyAccountNow(ctx.db, { ownerId: ctx.ownerId, accountId: parsedInput.accountId, at: new Date(), webhook: webhookFromEnv() });
    return { hashed: audit.hashed, status: auditStatusView(audit.checkpoint)! };
  });
