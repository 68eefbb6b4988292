import { z } from "zod";
import { isDecimalString } from "@/lib/money/decimal";
import { portfolioScopeSchema } from "./portfolio-scope-schema";

/**
 * GET /api/strategies: per strategy tag, its positions and PnL from the newest
 * reconciliation of each connection and its stored PnL points; per connection, the
 * reconciliation table (the venue against the sum of the strategies, per symbol). Money and
 * quantities are decimal strings exactly as stored; values are in the reconciliation's base
 * currency. Definitions: docs/metrics.md, "Reconciliation and strategy attribution".
 */
const decimal = z.string().refine(isDecimalString, { message: "not a decimal string" });
const iso = z.iso.datetime({ offset: true });

/** Where a symbol is held: at both ends, only at the venue (no strategy explains any of it), or only in a strategy (the venue holds none). */
export const HELD_AT = ["both", "venue-only", "strategy-only"] as const;

export const reconciliationLineSchema = z.object({
  symbol: z.string(),
  /** The currency of the average costs (the base currency for spot assets). */
  quoteCurrency: z.string(),
  venueQuantity: decimal,
  strategyQuantity: decimal,
  /** venue − Σ strategies; "0" when they agree. */
  residualQuantity: decimal,
  /** The residual row's cost: the |quantity|-weighted mean of the strategies' costs, or the venue's entry price; null when neither is known. */
  residualAverageCost: decimal.nullable(),
  residualValueBase: decimal.nullable(),
  heldAt: z.enum(HELD_AT),
  strategies: z.array(z.object({ strategy: z.string(), quantity: decimal, averageCost: decimal.nullable() })),
});
export type ReconciliationLine = z.infer<typeof reconciliationLineSchema>;

export const accountReconciliationSchema = z.object({
  connectionId: z.uuid(),
  label: z.string(),
  provider: z.string(),
  /** Null until the connection's first reconciliation. */
  reconciliation: z
    .object({
      snapshotId: z.uuid(),
      capturedAt: iso,
      reconciledAt: iso,
      baseCurrency: z.string(),
      fillsUsed: z.number().int(),
      strategyValue: decimal,
      residualValue: decimal,
      unpriced: z.array(z.string()),
    })
    .nullable(),
  lines: z.array(reconciliationLineSchema),
});
export type AccountReconciliation = z.infer<typeof accountReconciliationSchema>;

export const strategyPositionSchema = z.object({
  connectionId: z.uuid(),
  connectionLabel: z.string(),
  symbol: z.string(),
  quantity: decimal,
  averageCost: decimal.nullable(),
  marketPrice: decimal.nullable(),
  quoteCurrency: z.string(),
  valueBase: decimal.nullable(),
  unrealizedPnl: decimal.nullable(),
  baseCurrency: z.string(),
  /** The venue no longer holds the symbol: the strategy's row is kept and revalued. */
  closedAtVenue: z.boolean(),
});
export type StrategyPosition = z.infer<typeof strategyPositionSchema>;

export const strategyPnlSchema = z.object({
  connectionId: z.uuid(),
  connectionLabel: z.string(),
  baseCurrency: z.string(),
  at: iso,
  realizedPnl: decimal,
  unrealizedPnl: decimal,
  pnl: decimal,
  marketValue: decimal,
  openPositions: z.number().int(),
});
export type StrategyPnl = z.infer<typeof strategyPnlSchema>;

export const strategySchema = z.object({
  /** The tag, or "untagged" for what no tag explains. */
  strategy: z.string(),
  untagged: z.boolean(),
  fills: z.object({ count: z.number().int(), firstAt: iso.nullable(), lastAt: iso.nullable(), href: z.string() }),
  /** Untagged: the residual rows, the positions no tagged fill explains. */
  positions: z.array(strategyPositionSchema),
  /** The newest stored PnL point per connection; empty for untagged (no series is stored for it). */
  latest: z.array(strategyPnlSchema),
  /** The stored PnL points since `seriesFrom`, oldest first, one per reconciled snapshot and connection. */
  series: z.array(strategyPnlSchema.omit({ connectionLabel: true, baseCurrency: true })),
});
export type StrategyView = z.infer<typeof strategySchema>;

export const strategyMethodsSchema = z.object({
  residual: z.string(),
  averageCost: z.string(),
  realizedPnl: z.string(),
  unrealizedPnl: z.string(),
  series: z.string(),
});
export type StrategyMethods = z.infer<typeof strategyMethodsSchema>;

export const strategyListSchema = z.object({
  /** The portfolio selector's selection the document is for (absent: the whole workspace). */
  portfolio: portfolioScopeSchema.optional(),
  /** The connection the page is narrowed to; null for all. */
  connection: z.uuid().nullable(),
  seriesFrom: iso,
  accounts: z.array(accountReconciliationSchema),
  strategies: z.array(strategySchema),
  methods: strategyMethodsSchema,
});
export type StrategyList = z.infer<typeof strategyListSchema>;

export const strategyFiltersSchema = z.object({ connection: z.uuid("a connection id").optional() });

export const runReconciliationResultSchema = z.object({ connections: z.number().int(), rows: z.number().int(), reconciledAt: iso });
export type RunReconciliationResult = z.infer<typeof runReconciliationResultSchema>;
