import { z } from "zod";
import { isDecimalString } from "@/lib/money/decimal";
import { portfolioScopeSchema } from "./portfolio-scope-schema";

/**
 * GET /api/performance: flow-adjusted performance of the viewer's workspace from the
 * unitised series. Money is a decimal string in the base currency; returns and ratios are
 * fractions (0.045 = 4.5 %), null where undefined (no history, nothing held, fewer than two
 * returns, or an infinite ratio). Definitions: docs/metrics.md, "Flow-adjusted periods".
 */
const decimal = z.string().refine(isDecimalString, { message: "not a decimal string" });
const iso = z.iso.datetime({ offset: true });
const ratio = z.number().nullable();

export const PERFORMANCE_PERIODS = ["day", "week", "month", "ytd"] as const;
export type PerformancePeriodId = (typeof PERFORMANCE_PERIODS)[number];
export const PERFORMANCE_PERIOD_LABELS: Record<PerformancePeriodId, string> = { day: "Day", week: "Week", month: "Month", ytd: "YTD" };

export const performancePeriodSchema = z.object({
  id: z.enum(PERFORMANCE_PERIODS),
  /** The period's first instant: a local midnight in the workspace's zone. */
  from: iso,
  /** The snapshot the period is measured from (the last before `from`); null when the history begins inside it. */
  startAt: iso.nullable(),
  endAt: iso.nullable(),
  /** false: flows are not yet counted at one end (legacy roll-ups); the figures are then null. */
  counted: z.boolean(),
  startEquity: decimal.nullable(),
  endEquity: decimal.nullable(),
  /** + net deposits, − net withdrawals. */
  netFlows: decimal.nullable(),
  /** Δequity − net flows. */
  pnl: decimal.nullable(),
  /** NAV per unit at the end ÷ at the start − 1. */
  twr: ratio,
});
export type PerformancePeriod = z.infer<typeof performancePeriodSchema>;

export const performanceSchema = z.object({
  /** The portfolio selector's selection the document is for (absent: the whole workspace). */
  portfolio: portfolioScopeSchema.optional(),
  baseCurrency: z.string(),
  timeZone: z.string(),
  /** The latest snapshot instant in the series; null before any. */
  asOf: iso.nullable(),
  /** empty: no history yet; not_counted: the latest roll-up is not unitised yet (flows not yet counted). */
  state: z.enum(["ok", "empty", "not_counted"]),
  periods: z.array(performancePeriodSchema),
  inception: z.object({
    /** When the first units were issued. */
    at: iso.nullable(),
    counted: z.boolean(),
    netFlows: decimal.nullable(),
    pnl: decimal.nullable(),
    twr: ratio,
    /** XIRR of every flow and the value now, an annual rate. */
    mwr: ratio,
  }),
  drawdown: z.object({
    /** NAV per unit below its running peak now: 0 at a high, −0.125 an eighth below. */
    current: ratio,
    peakAt: iso.nullable(),
    max: ratio,
  }),
  risk: z.object({
    periodsPerYear: z.number(),
    returns: z.number().int(),
    annualVolatility: ratio,
    sharpeRatio: ratio,
    sortinoRatio: ratio,
  }),
  /** Each figure's method, in words, to show beside it. */
  methods: z.object({ pnl: z.string(), twr: z.string(), mwr: z.string(), periods: z.string(), risk: z.string(), drawdown: z.string() }),
});
export type Performance = z.infer<typeof performanceSchema>;
