"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { inngest } from "@/inngest/client";
import { connectionSyncRequested } from "@/inngest/events";
import { resyncResultSchema, type ResyncResult } from "@/lib/api/dashboard-schemas";
import { inngestEnabled } from "@/lib/env";
import { getRuntime } from "@/lib/runtime/app-db";
import { requestResync, type SyncQueue } from "@/lib/sync/request-resync";

const inputSchema = z.object({ connectionId: z.uuid().optional() });

const inngestQueue: SyncQueue = {
  async enqueue(targets) {
    await inngest.send(targets.map((t) => connectionSyncRequested.create({ ...t, trigger: "manual" })));
  },
};

/** Resync now: inline on the embedded default, queued on Inngest when it carries the syncs. */
export async function resync(input: { connectionId?: string } = {}): Promise<ResyncResult> {
  const parsed = inputSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: "Invalid connection id" };
  const { handle, ownerId } = await getRuntime();
  const result = await requestResync(handle.db, {
    ownerId,
    connectionId: parsed.data.connectionId,
    queue: inngestEnabled() ? inngestQueue : undefined,
  });
  if (result.ok && result.mode === "inline") revalidatePath("/");
  return resyncResultSchema.parse(result);
}
