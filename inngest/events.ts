import { eventType } from "inngest";
import { z } from "zod";
import { SYNC_TRIGGERS } from "@/db/schema/sync";

/** Every event this app sends or receives, with its payload schema. */
export const connectionSyncRequestedPayload = z.object({
  ownerId: z.uuid(),
  connectionId: z.uuid(),
  trigger: z.enum(SYNC_TRIGGERS),
});
export type ConnectionSyncRequested = z.infer<typeof connectionSyncRequestedPayload>;

export const connectionSyncRequested = eventType("venuefolio/connection.sync.requested", {
  schema: connectionSyncRequestedPayload,
});
