import { z } from "zod";
import { INDEPENDENT_STREAMS, SYNC_MODES, SYNC_STATUSES, SYNC_TRIGGERS } from "@/db/schema/sync-enums";
import { isDecimalString } from "@/lib/money/decimal";
import { syncProgressSchema } from "./sync-progress-view";
import { portfolioScopeSchema } from "./portfolio-scope-schema";

/**
 * The dashboard's JSON contracts: route handlers validate what they send with these,
 * the browser validates what it receives. Money stays a decimal string end to end.
 */
const decimal = z.string().refine(isDecimalString, { message: "not a decimal string" });
const iso = z.iso.datetime({ offset: true });

export const equityRangeSchema = z.enum(["24h", "7d", "30d", "90d", "all"]);
export type EquityRangeParam = z.infer<typeof equityRangeSchema>;
export const DEFAULT_EQUITY_RANGE: EquityRangeParam = "30d";

export const summarySchema = z.object({
  /** The portfolio selector's selection the document is for (absent: the whole workspace). */
  portfolio: portfolioScopeSchema.optional(),
  baseCurrency: z.string(),
  /** null before the first snapshot exists. */
  equity: decimal.nullable(),
  asOf: iso.nullable(),
  /**
   * The 24 h change. `flow_adjusted`: Δequity − net flows (`dayChangeNetFlows`), the percent
   * the NAV-per-unit change (TWR). `raw`: flows not yet counted (roll-ups written before they
   * were): Δequity of the connections that existed 24 h ago, ÷ their equity then.
   */
  dayChange: decimal.nullable(),
  dayChangePct: decimal.nullable(),
  dayChangeNetFlows: decimal.nullable(),
  dayChangeBasis: z.enum(["flow_adjusted", "raw"]),
  spotValue: decimal.nullable(),
  fundingValue: decimal.nullable(),
  futuresWalletBalance: decimal.nullable(),
  unrealizedPnl: decimal.nullable(),
  grossExposure: decimal.nullable(),
  netExposure: decimal.nullable(),
  leverage: decimal.nullable(),
  unpricedAssets: z.array(z.string()),
  connections: z.array(
    z.object({
      id: z.string(),
      provider: z.string(),
      label: z.string(),
      isDemo: z.boolean(),
      status: z.string(),
      lastSyncAt: iso.nullable(),
      lastSuccessAt: iso.nullable(),
      lastError: z.string().nullable(),
      consecutiveFailures: z.number().int(),
      lastBatch: z
        .object({ status: z.string(), trigger: z.string(), startedAt: iso, durationMs: z.number().int().nullable() })
        .nullable(),
    }),
  ),
});
export type Summary = z.infer<typeof summarySchema>;

export const equitySeriesSchema = z.object({
  /** The portfolio selector's selection the series is for (absent: the whole workspace, from its roll-ups). */
  portfolio: portfolioScopeSchema.optional(),
  range: equityRangeSchema,
  /** The roll-up size the points come from. */
  bucket: z.enum(["15m", "1h", "6h", "1d", "1w"]),
  baseCurrency: z.string(),
  /** The workspace's IANA zone: 1d and 1w buckets start at its midnights, and the chart shows times in it. */
  timeZone: z.string(),
  /**
   * `equity: null` marks a gap: no snapshot was taken there. `navPerUnit` is the unitised
   * series (null where flows are not yet counted, or nothing is held); `netFlows` the net
   * external flows the bucket holds (+ deposits, − withdrawals).
   */
  points: z.array(z.object({ at: iso, equity: decimal.nullable(), navPerUnit: decimal.nullable(), netFlows: decimal.nullable() })),
  /**
   * The last instant of history reconstructed from fills, flows and daily closes (lib/history);
   * every point after it is measured. Null when nothing was reconstructed.
   */
  reconstructedUntil: iso.nullable(),
});
export type EquitySeries = z.infer<typeof equitySeriesSchema>;

export const holdingsSchema = z.object({
  /** The portfolio selector's selection the document is for (absent: the whole workspace). */
  portfolio: portfolioScopeSchema.optional(),
  baseCurrency: z.string(),
  allocation: z.array(z.object({ asset: z.string(), quantity: decimal, price: decimal, value: decimal, weight: decimal.nullable() })),
  positions: z.array(
    z.object({
      id: z.string(),
      symbol: z.string(),
      side: z.enum(["long", "short"]),
      instrumentType: z.string(),
      quantity: decimal,
      entryPrice: decimal,
      markPrice: decimal,
      notional: decimal,
      unrealizedPnl: decimal,
      liquidationPrice: decimal.nullable(),
      leverage: decimal.nullable(),
      marginMode: z.string().nullable(),
      quoteCurrency: z.string(),
      accountName: z.string(),
      connectionLabel: z.string(),
      isDemo: z.boolean(),
    }),
  ),
});
export type Holdings = z.infer<typeof holdingsSchema>;

export const resyncResultSchema = z.discriminatedUnion("ok", [
  z.object({
    ok: z.literal(true),
    mode: z.enum(["inline", "queued"]),
    /** When the runs finished, if the answer waited for them (it does not: follow `batchIds`). */
    syncedAt: iso.nullable(),
    connections: z.number().int(),
    /** The runs started, to follow at /api/sync/batches/[id]; empty when Inngest carries them. */
    batchIds: z.array(z.uuid()),
  }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);
export type ResyncResult = z.infer<typeof resyncResultSchema>;

const syncCountsSchema = z.object({
  accounts: z.number().int(),
  balances: z.number().int(),
  positions: z.number().int(),
  ordersNew: z.number().int(),
  ordersChanged: z.number().int(),
  orderEvents: z.number().int(),
  fills: z.number().int(),
  snapshots: z.number().int(),
  portfolios: z.number().int().optional(),
  valuations: z.number().int().optional(),
  rawResponses: z.number().int().optional(),
  cashFlows: z.number().int().optional(),
});

/** One sync run, as GET /api/sync/batches/[id] reports it while it runs and after. */
export const syncBatchSchema = z.object({
  id: z.uuid(),
  connectionId: z.uuid(),
  trigger: z.enum(SYNC_TRIGGERS),
  status: z.enum(SYNC_STATUSES),
  mode: z.enum(SYNC_MODES).nullable(),
  startedAt: iso,
  finishedAt: iso.nullable(),
  durationMs: z.number().int().nullable(),
  counts: syncCountsSchema.nullable(),
  apiCalls: z.number().int().nullable(),
  /** Request weight the venue reported as used, per rate-limit bucket ("1m"), where it reports one. */
  apiWeight: z.record(z.string(), z.number()).nullable(),
  failedStreams: z.array(z.object({ stream: z.enum(INDEPENDENT_STREAMS), kind: z.string(), message: z.string() })),
  errorKind: z.string().nullable(),
  error: z.string().nullable(),
  /** Where the run is (or how it went, stream by stream); null before it starts and on old runs. */
  progress: syncProgressSchema.nullable(),
  /** The server's clock when this was read: elapsed times are measured against it, not the browser's. */
  observedAt: iso,
});
export type SyncBatchView = z.infer<typeof syncBatchSchema>;
