import { z } from "zod";
import { keysetPageSchema } from "./keyset-page";
import { CONNECTION_STATES } from "./connection-state";

/**
 * The connections list's JSON contract (GET /api/connections/table): the route validates
 * what it sends with it, the browser what it receives. No credentials, no raw settings.
 */
const iso = z.iso.datetime({ offset: true });

export const connectionRowSchema = z.object({
  id: z.uuid(),
  provider: z.string(),
  /** The venue's name as people say it ("Binance", "Interactive Brokers"). */
  providerName: z.string(),
  label: z.string(),
  isDemo: z.boolean(),
  state: z.enum(CONNECTION_STATES),
  /** Why it is in that state, in the venue's words where it gave some; null when nothing is to say. */
  reason: z.string().nullable(),
  /** The venue's Retry-After, while it lasts. */
  retryNotBefore: iso.nullable(),
  lastSuccessAt: iso.nullable(),
  lastSyncAt: iso.nullable(),
  /** When the last success becomes stale (twice the interval); null for calendar venues. */
  staleAfter: iso.nullable(),
  /** Its interval or its venue's fixed schedule, in words. */
  schedule: z.string(),
  nextRunAt: iso.nullable(),
  /** Why no run is coming, when none is. */
  nextRunNote: z.string().nullable(),
  accounts: z.number().int(),
  /** Requests made by runs started in the last 24 hours. */
  apiCalls24h: z.number().int(),
  runs24h: z.number().int(),
  /** The rate-limit bucket that came closest to its limit in those runs (Binance reports weight). */
  peakWeight24h: z.object({ bucket: z.string(), used: z.number().int(), limit: z.number().int().nullable() }).nullable(),
  /** The run in progress, to follow at /api/sync/batches/[id]. */
  openBatchId: z.uuid().nullable(),
});
export type ConnectionRow = z.infer<typeof connectionRowSchema>;

export const connectionPageSchema = keysetPageSchema(connectionRowSchema);

/** The list's sortable columns and filters (the route and the table's URL share them). */
export const CONNECTION_SORTS = ["label", "provider", "state", "lastSuccessAt", "nextRunAt"] as const;
