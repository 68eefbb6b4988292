"use server";

import { after } from "next/server";
import { z } from "zod";
import { getSyncBatch } from "@/db/queries/sync-batches";
import { actionClient } from "@/lib/access/action-client";
import { AccessError } from "@/lib/access/errors";
import { requestResync } from "@/lib/actions/request-resync";
import { syncQueue } from "@/lib/actions/sync-queue";
import { resyncResultSchema } from "@/lib/read-models/dashboard-schemas";
import { RETRYABLE_STATUSES } from "@/lib/read-models/sync-history-schemas";

/**
 * Retry (members and above): a new sync of the failed run's connection, started like
 * Resync (queued on Inngest, or in this process, answered at once with the new batch id).
 * A run that did not fail is refused (409), another workspace's is not found (404).
 */
export const retrySync = actionClient
  .metadata({ role: "member" })
  .inputSchema(z.object({ batchId: z.uuid() }))
  .action(async ({ parsedInput, ctx }) => {
    const batch = await getSyncBatch(ctx.db, { ownerId: ctx.ownerId, batchId: parsedInput.batchId });
    if (!RETRYABLE_STATUSES.includes(batch.status)) throw new AccessError(409, `Only a failed run can be retried; this one is ${batch.status}`);
    const { result, settled } = await requestResync(ctx.db, { ownerId: ctx.ownerId, connectionId: batch.connectionId, queue: syncQueue() });
    after(settled);
    return resyncResultSchema.parse(result);
  });
