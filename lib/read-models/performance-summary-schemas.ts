import { z } from "zod";
import { isDecimalString } from "@/lib/money/decimal";
import { PERFORMANCE_RANGES } from "./performance-range";
import { portfolioScopeSchema } from "./portfolio-scope-schema";

/**
 * GET /api/performance/summary?range=…: the /performance page's metrics table and trade
 * statistics over one range. Returns and ratios are floats (0.045 = 4.5 %), null where
 * undefined (fewer than two returns, no drawdown, an infinite ratio); money is a decimal
 * string. Definitions: docs/metrics.md, "The performance page".
 */
const decimal = z.string().refine(isDecimalString, { message: "not a decimal string" });
const iso = z.iso.datetime({ offset: true });
const ratio = z.number().nullable();
const method = z.object({ text: z.string(), doc: z.string() });

export const rangeViewSchema = z.object({
  id: z.enum(PERFORMANCE_RANGES),
  label: z.string(),
  from: iso.nullable(),
  to: iso,
  fromDay: z.string().nullable(),
  toDay: z.string(),
});

const datedReturn = z.object({ at: iso, value: z.number() }).nullable();

export const rangeMetricsSchema = z.object({
  /** empty: no snapshot yet; no_returns: no daily return inside the range; ok otherwise. */
  state: z.enum(["ok", "empty", "no_returns"]),
  /** Daily NAV-per-unit returns inside the range, and where they start from. */
  returns: z.number().int(),
  firstReturnAt: iso.nullable(),
  lastReturnAt: iso.nullable(),
  periodsPerYear: z.number(),
  /** The annual rate Sharpe and Sortino used (the workspace setting), an exact fraction. */
  riskFreeRate: decimal,
  twr: ratio,
  mwr: ratio,
  /** Δequity − net flows over the range, and the flows it excludes. */
  pnl: decimal.nullable(),
  netFlows: decimal.nullable(),
  annualReturn: ratio,
  annualVolatility: ratio,
  sharpeRatio: ratio,
  sortinoRatio: ratio,
  maxDrawdown: z.object({ depth: ratio, peakAt: iso.nullable(), troughAt: iso.nullable(), recoveryAt: iso.nullable() }),
  calmarRatio: ratio,
  omegaRatio: ratio,
  valueAtRisk95: ratio,
  tailRatio: ratio,
  bestDay: datedReturn,
  worstDay: datedReturn,
  positiveDays: ratio,
  methods: z.record(z.string(), method),
});
export type RangeMetrics = z.infer<typeof rangeMetricsSchema>;

const summary = z.object({
  currency: z.string(),
  trades: z.number().int(),
  winners: z.number().int(),
  losers: z.number().int(),
  winRate: ratio,
  profitFactor: ratio,
  /** true when profit factor is +∞ (wins, no loss): JSON has no ∞. */
  profitFactorInfinite: z.boolean(),
  expectancy: decimal.nullable(),
  averageWin: decimal.nullable(),
  averageLoss: decimal.nullable(),
  largestWin: decimal.nullable(),
  largestLoss: decimal.nullable(),
  realizedPnl: decimal,
  fees: decimal,
});
export type TradeSummaryView = z.infer<typeof summary>;

export const tradeStatsViewSchema = z.object({
  method: z.enum(["fifo", "average"]),
  baseCurrency: z.string(),
  /** Fills executed inside the range. */
  fillsInRange: z.number().int(),
  overall: summary,
  bySymbol: z.array(summary.extend({ key: z.string() })),
  byStrategy: z.array(summary.extend({ key: z.string() })),
  /** Per settlement currency, unconverted; inverse: settled in the coin (coin-margined contracts). */
  bySettlement: z.array(summary.extend({ key: z.string(), inverse: z.boolean() })),
  unpricedSymbols: z.array(z.object({ symbol: z.string(), reason: z.string(), fills: z.number().int() })),
  unpricedCurrencies: z.array(z.string()),
  unconvertedFees: z.number().int(),
  methods: z.record(z.string(), method),
});
export type TradeStatsView = z.infer<typeof tradeStatsViewSchema>;

export const performanceSummarySchema = z.object({
  /** The portfolio selector's selection the document is for (absent: the whole workspace). */
  portfolio: portfolioScopeSchema.optional(),
  baseCurrency: z.string(),
  timeZone: z.string(),
  range: rangeViewSchema,
  /** Null for a portfolio selection: the roll-ups it is measured on are the workspace's only. */
  metrics: rangeMetricsSchema.nullable(),
  trades: tradeStatsViewSchema,
});
export type PerformanceSummaryView = z.infer<typeof performanceSummarySchema>;
