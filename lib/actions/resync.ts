"use server";

import { after } from "next/server";
import { z } from "zod";
import { inngest } from "@/inngest/client";
import { connectionSyncRequested } from "@/inngest/events";
import { resyncResultSchema, type ResyncResult } from "@/lib/read-models/dashboard-schemas";
import { parseProvider } from "@/lib/connectors";
import { inngestEnabled } from "@/lib/env";
import { getRuntime } from "@/lib/runtime/app-db";
import { requestResync, type SyncQueue } from "@/lib/actions/request-resync";

const inputSchema = z.object({ connectionId: z.uuid().optional() });

const inngestQueue: SyncQueue = {
  async enqueue(targets) {
    // The provider keys Inngest's per-venue throttle.
    await inngest.send(
      targets.map((t) => connectionSyncRequested.create({ ownerId: t.ownerId, connectionId: t.connectionId, provider: parseProvider(t.provider), trigger: "manual" })),
    );
  },
};

/**
 * Resync now: queued on Inngest when it carries the syncs, otherwise started in this
 * process. Either way it answers at once; an inline answer carries the batch ids the
 * browser follows at /api/sync/batches/[id].
 */
export async function resync(input: { connectionId?: string } = {}): Promise<ResyncResult> {
  const parsed = inputSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: "Invalid connection id" };
  const { handle, ownerId } = await getRuntime();
  const { result, settled } = await requestResync(handle.db, {
    ownerId,
    connectionId: parsed.data.connectionId,
    queue: inngestEnabled() ? inngestQueue : undefined,
  });
  // The runs continue after the response; `after` keeps hosts that freeze idle functions from cutting them off.
  after(settled);
  return resyncResultSchema.parse(result);
}
