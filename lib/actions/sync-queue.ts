import { inngest } from "@/inngest/client";
import { connectionSyncRequested } from "@/inngest/events";
import { parseProvider } from "@/lib/connectors";
import { inngestEnabled } from "@/lib/env";
import type { SyncQueue } from "./request-resync";

const inngestQueue: SyncQueue = {
  async enqueue(targets) {
    // The provider keys Inngest's per-venue throttle; the owner id is the workspace's.
    await inngest.send(
      targets.map((t) => connectionSyncRequested.create({ workspaceId: t.ownerId, connectionId: t.connectionId, provider: parseProvider(t.provider), trigger: "manual" })),
    );
  },
};

/** Where a Resync goes: Inngest when it carries the syncs, otherwise nowhere (run in this process). */
export function syncQueue(): SyncQueue | undefined {
  return inngestEnabled() ? inngestQueue : undefined;
}
