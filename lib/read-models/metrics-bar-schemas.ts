import { z } from "zod";
import { isDecimalString } from "@/lib/money/decimal";
import { PERFORMANCE_PERIODS } from "./performance-schemas";
import { portfolioScopeSchema } from "./portfolio-scope-schema";

/**
 * GET /api/dashboard/metrics: the overview's metrics bar. Money is a decimal string in the
 * base currency; percentages and weights are fractions as decimal strings (0.045 = 4.5 %).
 * A figure that cannot be given is null with the reason beside it, never 0.
 * Definitions: docs/metrics.md, "Overview metrics bar".
 */
const decimal = z.string().refine(isDecimalString, { message: "not a decimal string" });
const iso = z.iso.datetime({ offset: true });

/** Where each figure is defined: an anchor of docs/metrics.md. */
export const METRICS_DOC_ANCHORS = {
  equity: "docs/metrics.md#equity-equity",
  periodPnl: "docs/metrics.md#period-pnl-to-date",
  exposure: "docs/metrics.md#exposure-exposure",
  leverage: "docs/metrics.md#leverage-and-margin",
  margin: "docs/metrics.md#leverage-and-margin",
  topAsset: "docs/metrics.md#concentration",
} as const;
export type MetricKey = keyof typeof METRICS_DOC_ANCHORS;

export const metricsBarPeriodSchema = z.object({
  id: z.enum(PERFORMANCE_PERIODS),
  /** The period's first instant: a local midnight in the workspace's zone. */
  from: iso,
  /** ok: measured; no_history: the history begins inside the period; not_counted: flows are not counted at one end. */
  status: z.enum(["ok", "no_history", "not_counted"]),
  /** Why there is no figure ("history starts on 2026-03-05"); null when there is one. */
  reason: z.string().nullable(),
  /** The snapshot instant the period is measured from: the last before `from`. */
  startAt: iso.nullable(),
  startEquity: decimal.nullable(),
  /** + net deposits, − net withdrawals inside the period. */
  netFlows: decimal.nullable(),
  /** equity now − equity at the start − net flows. */
  pnl: decimal.nullable(),
  /** Time-weighted: NAV per unit now ÷ at the start − 1; null also when nothing was held. */
  pct: decimal.nullable(),
});
export type MetricsBarPeriod = z.infer<typeof metricsBarPeriodSchema>;

const method = z.object({ text: z.string(), doc: z.string() });

export const metricsBarSchema = z.object({
  /** The portfolio selector's selection the document is for (absent: the whole workspace). */
  portfolio: portfolioScopeSchema.optional(),
  /** empty: no snapshot valued in the base currency yet (the bar is not shown). */
  state: z.enum(["ok", "empty"]),
  baseCurrency: z.string(),
  timeZone: z.string(),
  /** The latest snapshot instant; null when empty. */
  asOf: iso.nullable(),
  /** The first roll-up of the history read (in this currency); null when empty. */
  historyStartsAt: iso.nullable(),
  equity: decimal.nullable(),
  /** Assets with no price, left out of every figure. */
  unpricedAssets: z.array(z.string()),
  periods: z.array(metricsBarPeriodSchema),
  exposure: z.object({
    gross: decimal.nullable(),
    net: decimal.nullable(),
    /** gross ÷ equity, 6 decimals; null when equity is not positive. */
    leverage: decimal.nullable(),
  }),
  margin: z.object({
    /** Σ borrowed balances (≤ 0), as the snapshots store them. */
    debt: decimal.nullable(),
    /** Σ futures (margin) wallet balances, the collateral of derivatives. */
    futuresWallet: decimal.nullable(),
    /** Initial margin in use and margin still available, Σ of what the venues publish; null when none does. */
    used: decimal.nullable(),
    available: decimal.nullable(),
    /** What `used` / `available` leave out (connections publishing none, unpriced currencies), or why they are null. */
    unreported: z.string().nullable(),
  }),
  /** The allocation's largest single asset (exposure engine, the concentration alert's weights). */
  topAsset: z
    .object({
      asset: z.string(),
      weight: decimal,
      /** The workspace's concentration limit (Alerts settings), a fraction. */
      threshold: decimal,
      /** Over the limit and not cash-like: the concentration alert is raised for it. */
      flagged: z.boolean(),
      cashLike: z.boolean(),
    })
    .nullable(),
  /** Each figure's method in words and its definition's anchor in docs/metrics.md. */
  methods: z.object({
    equity: method,
    periodPnl: method,
    exposure: method,
    leverage: method,
    margin: method,
    topAsset: method,
  }),
});
export type MetricsBar = z.infer<typeof metricsBarSchema>;
