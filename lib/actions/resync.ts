"use server";

import { after } from "next/server";
import { z } from "zod";
import { getConnection } from "@/db/queries/connections";
import { actionClient } from "@/lib/access/action-client";
import { resyncResultSchema } from "@/lib/read-models/dashboard-schemas";
import { requestResync } from "@/lib/actions/request-resync";
import { syncQueue } from "@/lib/actions/sync-queue";


/**
 * Resync now (members and above): queued on Inngest when it carries the syncs, otherwise
 * started in this process. Either way it answers at once; an inline answer carries the
 * batch ids the browser follows at /api/sync/batches/[id].
 */
export const resync = actionClient
  .metadata({ role: "member" })
  .inputSchema(z.object({ connectionId: z.uuid().optional() }))
  .action(async ({ parsedInput, ctx }) => {
    // Another workspace's connection is "not found" (404), never told apart from a missing one.
    if (parsedInput.connectionId) await getConnection(ctx.db, { ownerId: ctx.ownerId, connectionId: parsedInput.connectionId });
    const { result, settled } = await requestResync(ctx.db, {
      ownerId: ctx.ownerId,
      connectionId: parsedInput.connectionId,
      queue: syncQueue(),
    });
    // The runs continue after the response; `after` keeps hosts that freeze idle functions from cutting them off.
    after(settled);
    return resyncResultSchema.parse(result);
  });
