import { z } from "zod";
import type { Connection } from "@/db/schema";
import { CONNECTION_STATUSES } from "@/db/schema";

/** A connection as a browser or API client sees it: no credentials, no raw settings. */
export const connectionViewSchema = z.object({
  id: z.uuid(),
  provider: z.string(),
  label: z.string(),
  status: z.enum(CONNECTION_STATUSES),
  syncIntervalSeconds: z.number().int(),
  lastSyncAt: z.string().nullable(),
  lastSuccessAt: z.string().nullable(),
  consecutiveFailures: z.number().int(),
  lastError: z.string().nullable(),
  retryNotBefore: z.string().nullable(),
  createdAt: z.string(),
});
export type ConnectionView = z.infer<typeof connectionViewSchema>;
export const connectionListSchema = z.object({ connections: z.array(connectionViewSchema) });

type ViewedColumns = "id" | "provider" | "label" | "status" | "syncIntervalSeconds" | "lastSyncAt" | "lastSuccessAt" | "consecutiveFailures" | "lastError" | "retryNotBefore" | "createdAt";

export function toConnectionView(c: Pick<Connection, ViewedColumns>): ConnectionView {
  return {
    id: c.id,
    provider: c.provider,
    label: c.label,
    status: c.status,
    syncIntervalSeconds: c.syncIntervalSeconds,
    lastSyncAt: c.lastSyncAt?.toISOString() ?? null,
    lastSuccessAt: c.lastSuccessAt?.toISOString() ?? null,
    consecutiveFailures: c.consecutiveFailures,
    lastError: c.lastError,
    retryNotBefore: c.retryNotBefore?.toISOString() ?? null,
    createdAt: c.createdAt.toISOString(),
  };
}
