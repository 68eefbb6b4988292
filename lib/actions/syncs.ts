"use server";

import { after } from "next/server";
import { z } from "zod";
import { getSyncBatch } from "@/db/queries/sync-batches";
import type { SyncStatus } from "@/db/schema";
import { actionClient } from "@/lib/access/action-client";
import { AccessError } from "@/lib/access/errors";
import { requestResync } from "@/lib/actions/request-resync";
import { syncQueue } from "@/lib/actions/sync-queue";
import { resyncResultSchema } from "@/lib/read-models/dashboard-schemas";

/** Runs worth retrying: they failed outright, lost streams, or were given up on by the reaper. */
const RETRYABLE: readonly SyncStatus[] = ["failed", "partial", "stale"];

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
    if (!RETRYABLE.includes(batch.status)) throw new AccessError(409, `Only a failed run can be retried; this one is ${batch.status}`);
    const { result, settled } = await requestResync(ctx.db, { ownerId: ctx.ownerId, connectionId: batch.connectionId, queue: syncQueue() });
    after(settled);
    return resyncResultSchema.parse(result);
  });
