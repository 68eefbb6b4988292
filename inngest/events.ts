import { eventType } from "inngest";
import { z } from "zod";
import { SYNC_TRIGGERS } from "@/db/schema/sync";
import { PROVIDERS } from "@/lib/connectors/types";

/** Every event this app sends or receives, with its payload schema. */
export const connectionSyncRequestedPayload = z.object({
  /** The workspace the connection belongs to: the sync runs in its scope. */
  workspaceId: z.uuid(),
  connectionId: z.uuid(),
  trigger: z.enum(SYNC_TRIGGERS),
  /**
   * The venue: the per-venue throttle is keyed on it. Optional so a sender that does not
   * know it still works; such events share one throttle bucket.
   */
  provider: z.enum(PROVIDERS).optional(),
});
export type ConnectionSyncRequested = z.infer<typeof connectionSyncRequestedPayload>;

export const connectionSyncRequested = eventType("venuefolio/connection.sync.requested", {
  schema: connectionSyncRequestedPayload,
});
