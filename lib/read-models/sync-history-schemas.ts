import { z } from "zod";
import type { SyncStatus } from "@/db/schema/sync-enums";
import { syncBatchSchema } from "./dashboard-schemas";
import { keysetPageSchema } from "./keyset-page";

/** One run in the workspace's sync history: the batch, and which connection it synced. */
export const syncRunSchema = syncBatchSchema.extend({ connectionLabel: z.string(), provider: z.string() });
export type SyncRunView = z.infer<typeof syncRunSchema>;
export const syncHistoryPageSchema = keysetPageSchema(syncRunSchema);

/** Runs worth retrying: they failed outright, lost streams, or were given up on by the reaper. */
export const RETRYABLE_STATUSES: readonly SyncStatus[] = ["failed", "partial", "stale"];
