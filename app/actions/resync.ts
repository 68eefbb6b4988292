"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { listConnections } from "@/db/queries/connections";
import { inngest } from "@/inngest/client";
import { connectionSyncRequested } from "@/inngest/events";
import { resyncResultSchema, type ResyncResult } from "@/lib/api/dashboard-schemas";
import { inngestEnabled } from "@/lib/env";
import { getRuntime } from "@/lib/runtime/app-db";
import { syncConnections } from "@/lib/sync/sync-active";

const inputSchema = z.object({ connectionId: z.uuid().optional() });

/**
 * Resync now: the viewer's active connections (or one of them). Inline when running
 * embedded; queued as Inngest events when Inngest carries the syncs.
 */
export async function resync(input: { connectionId?: string } = {}): Promise<ResyncResult> {
  const parsed = inputSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: "Invalid connection id" };
  const { handle, ownerId } = await getRuntime();
  const owned = (await listConnections(handle.db, { ownerId })).filter((c) => c.status === "active");
  const targets = parsed.data.connectionId ? owned.filter((c) => c.id === parsed.data.connectionId) : owned;
  if (parsed.data.connectionId && targets.length === 0) return { ok: false, error: "Connection not found" };
  if (targets.length === 0) return { ok: false, error: "No active connection to sync" };

  if (inngestEnabled()) {
    try {
      await inngest.send(
        targets.map((c) => connectionSyncRequested.create({ ownerId, connectionId: c.id, trigger: "manual" })),
      );
    } catch (e) {
      return { ok: false, error: `Could not queue the sync on Inngest: ${e instanceof Error ? e.message : String(e)}` };
    }
    return resyncResultSchema.parse({ ok: true, mode: "queued", syncedAt: null, connections: targets.length });
  }

  const results = await syncConnections(
    handle.db,
    targets.map((c) => ({ id: c.id, ownerId })),
    "manual",
  );
  revalidatePath("/");
  const failed = results.filter((r) => !r.ok);
  if (failed.length === results.length) return { ok: false, error: failed.map((f) => f.error).join("; ") };
  return resyncResultSchema.parse({ ok: true, mode: "inline", syncedAt: new Date().toISOString(), connections: results.length - failed.length });
}
