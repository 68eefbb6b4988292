import { z } from "zod";
import { syncBatchSchema } from "./dashboard-schemas";
import { keysetPageSchema } from "./keyset-page";

/** One run in the workspace's sync history: the batch, and which connection it synced. */
export const syncRunSchema = syncBatchSchema.extend({ connectionLabel: z.string(), provider: z.string() });
export type SyncRunView = z.infer<typeof syncRunSchema>;
export const syncHistoryPageSchema = keysetPageSchema(syncRunSchema);
