import { z } from "zod";
import { isDecimalString } from "@/lib/money/decimal";

/**
 * GET /api/performance/series: the four chart series of /performance over local days
 * [from, to] in the workspace's zone, from its 1d roll-ups. Cumulative returns are decimal
 * strings (exact ratios of NAV per unit and of prices); drawdown, monthly returns and the
 * rolling statistics are float statistics from the engines (docs/metrics.md, "General
 * conventions"), null where undefined. Fractions: 0.045 = 4.5 %.
 */
const decimal = z.string().refine(isDecimalString, { message: "not a decimal string" });
const iso = z.iso.datetime({ offset: true });
const stat = z.number().nullable();

export const BENCHMARKS = ["BTC", "ETH", "none"] as const;
export type Benchmark = (typeof BENCHMARKS)[number];
/** 30 daily returns: the rolling window of the volatility and Sharpe chart. */
export const ROLLING_WINDOW_DAYS = 30;
/** Ten years of daily points at most: the charts stay a few thousand points. */
export const MAX_SERIES_DAYS = 3660;

const localDay = z.iso.date({ message: "a local date, YYYY-MM-DD" });

/** The query: local dates in the workspace's zone, both included; a bad range names its field. */
export const seriesRequestSchema = z
  .object({
    from: localDay,
    to: localDay,
    benchmark: z.enum(BENCHMARKS, { message: "BTC, ETH or none" }).default("BTC"),
  })
  .superRefine((v, ctx) => {
    if (v.from > v.to) ctx.addIssue({ code: "custom", path: ["to"], message: "must not be before from" });
    else if ((Date.parse(v.to) - Date.parse(v.from)) / 86_400_000 + 1 > MAX_SERIES_DAYS) {
      ctx.addIssue({ code: "custom", path: ["to"], message: `the range is at most ${MAX_SERIES_DAYS} days` });
    }
  });
export type SeriesRequest = z.output<typeof seriesRequestSchema>;

export const seriesPointSchema = z.object({
  /** The day's last snapshot instant (its roll-up's lastAt). */
  at: iso,
  /** null: nothing held, or flows not counted on that row: the charts show a gap. */
  navPerUnit: decimal.nullable(),
  /** NAV per unit ÷ NAV per unit at the range's base − 1. */
  cumulativeReturn: decimal.nullable(),
  /** Benchmark price ÷ its price at the rebase point − 1; null without a benchmark price that day. */
  benchmarkReturn: decimal.nullable(),
  /** NAV per unit ÷ its running peak (from the base) − 1: ≤ 0. */
  drawdown: stat,
});

export const monthlyReturnSchema = z.object({
  /** "2026-11": the local month. */
  key: z.string().regex(/^\d{4}-\d{2}$/),
  year: z.number().int(),
  month: z.number().int().min(1).max(12),
  /** NAV per unit at the month's last day ÷ at the previous month's last day − 1. */
  return: stat,
  /** true: the range covers only part of the month (it starts after the 1st or ends before the last day). */
  partial: z.boolean(),
});

export const rollingPointSchema = z.object({
  at: iso,
  /** Annualised standard deviation of the window's daily returns. */
  volatility: stat,
  sharpe: stat,
});

export const performanceSeriesSchema = z.object({
  baseCurrency: z.string(),
  timeZone: z.string(),
  from: z.iso.date(),
  to: z.iso.date(),
  /** empty: no roll-up in the range; not_counted: rows without NAV per unit only (flows not yet counted). */
  state: z.enum(["ok", "empty", "not_counted"]),
  /** The close the range is measured from: the last 1d row before `from`, else the first row in it. */
  baseAt: iso.nullable(),
  points: z.array(seriesPointSchema),
  /** The deepest point of the underwater series (≤ 0); null without points. */
  maxDrawdown: stat,
  benchmark: z.object({
    asset: z.enum(BENCHMARKS),
    /** ok: a price at the base and on every day; partial: some days have none; missing: none at all. */
    state: z.enum(["ok", "partial", "missing", "none"]),
    /** The instant the benchmark is rebased to 0 at (the first day with a price). */
    rebasedAt: iso.nullable(),
    /** Price of one unit in the base currency at the rebase point. */
    rebasePrice: decimal.nullable(),
  }),
  monthly: z.array(monthlyReturnSchema),
  rolling: z.object({
    window: z.number().int(),
    periodsPerYear: z.number().int(),
    riskFree: z.number(),
    points: z.array(rollingPointSchema),
  }),
  /** Each chart's method, for its caption. */
  methods: z.object({ cumulative: z.string(), benchmark: z.string(), underwater: z.string(), monthly: z.string(), rolling: z.string() }),
});

export type PerformanceSeries = z.infer<typeof performanceSeriesSchema>;
export type SeriesPoint = z.infer<typeof seriesPointSchema>;
export type MonthlyReturn = z.infer<typeof monthlyReturnSchema>;
export type RollingPoint = z.infer<typeof rollingPointSchema>;
