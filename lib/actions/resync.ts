"use server";

import { after } from "next/server";
import { z } from "zod";
import { getConnection } from "@/db/queries/connections";
import { inngest } from "@/inngest/client";
import { connectionSyncRequested } from "@/inngest/events";
import { actionClient } from "@/lib/access/action-client";
import { resyncResultSchema } from "@/lib/read-models/dashboard-schemas";
import { parseProvider } from "@/lib/connectors";
import { inngestEnabled } from "@/lib/env";
import { requestResync, type SyncQueue } from "@/lib/actions/request-resync";

const inngestQueue: SyncQueue = {
  async enqueue(targets) {
    // The provider keys Inngest's per-venue throttle; the owner id is the workspace's.
    await inngest.send(
      targets.map((t) => connectionSyncRequested.create({ ownerId: t.ownerId, connectionId: t.connectionId, provider: parseProvider(t.provider), trigger: "manual" })),
    );
  },
};

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
      queue: inngestEnabled() ? inngestQueue : undefined,
    });
    // The runs continue after the response; `after` keeps hosts that freeze idle functions from cutting them off.
    after(settled);
    return resyncResultSchema.parse(result);
  });
