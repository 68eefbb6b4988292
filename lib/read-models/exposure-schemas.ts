import { z } from "zod";
import { SECTORS } from "@/lib/engines/classify";
import { isDecimalString } from "@/lib/money/decimal";
import { portfolioScopeSchema } from "./portfolio-scope-schema";

/**
 * GET /api/exposure's contract: what the portfolio is exposed to, from the latest snapshots'
 * prices and the accounts' current holdings (docs/metrics.md, "Exposure"). Money and weights
 * are exact decimal strings; weights are fractions (0.25 = 25 %).
 */
const decimal = z.string().refine(isDecimalString, { message: "not a decimal string" });
const iso = z.iso.datetime({ offset: true });

const bucket = z.object({ key: z.string(), label: z.string(), value: decimal, weight: decimal });

export const exposureSchema = z.object({
  /** The portfolio selector's selection the document is for (absent: the whole workspace). */
  portfolio: portfolioScopeSchema.optional(),
  /** `empty`: no connection has a snapshot in the base currency yet. */
  state: z.enum(["ok", "empty"]),
  baseCurrency: z.string(),
  asOf: iso.nullable(),
  /** Σ equity of the latest snapshots: the NAV every weight and the leverage divide by. */
  equity: decimal.nullable(),
  totals: z
    .object({
      long: decimal,
      short: decimal,
      net: decimal,
      /** Σ |net| over underlyings (a hedged pair adds nothing): what leverage uses. */
      gross: decimal,
      /** Σ |leg| (long − short): a hedged pair counts twice. */
      grossUnnetted: decimal,
      netWeight: decimal.nullable(),
      leverage: decimal.nullable(),
      /** grossUnnetted / equity: the sum of the rows' leverage. */
      leverageUnnetted: decimal.nullable(),
    })
    .nullable(),
  underlyings: z.array(
    z.object({
      underlying: z.string(),
      sector: z.enum(SECTORS),
      long: decimal,
      short: decimal,
      net: decimal,
      /** long − short: both sides of the underlying, before they cancel. */
      gross: decimal,
      /** net / equity. */
      netWeight: decimal.nullable(),
      /** gross / equity. */
      leverage: decimal.nullable(),
    }),
  ),
  byVenue: z.array(bucket.extend({ equity: decimal.nullable() })),
  byAccount: z.array(bucket.extend({ connectionLabel: z.string() })),
  byAssetClass: z.array(bucket),
  bySector: z.array(bucket.extend({ assets: z.array(z.string()) })),
  concentration: z
    .object({
      herfindahl: decimal,
      top5Weight: decimal,
      threshold: decimal,
      top: z.array(z.object({ asset: z.string(), weight: decimal })),
      breaches: z.array(z.object({ asset: z.string(), weight: decimal })),
    })
    .nullable(),
  derivatives: z.array(
    z.object({
      id: z.string(),
      symbol: z.string(),
      underlying: z.string(),
      side: z.enum(["long", "short"]),
      quantity: decimal,
      markPrice: decimal,
      notional: decimal,
      quoteCurrency: z.string(),
      liquidationPrice: decimal.nullable(),
      /** Fraction of the mark the price may move against the position before liquidation. */
      liquidationDistance: decimal.nullable(),
      /** Why there is no distance; null when there is one. */
      liquidationMissing: z.enum(["not_reported", "none_at_venue", "no_mark"]).nullable(),
      marginMode: z.enum(["cross", "isolated"]).nullable(),
      leverage: decimal.nullable(),
      accountName: z.string(),
      connectionLabel: z.string(),
      isDemo: z.boolean(),
    }),
  ),
  /** Live connections with no snapshot in the base currency yet: left out of every figure (partial). */
  notValued: z.array(z.string()),
  /** Holdings left out of every figure for want of a price. */
  unpriced: z.array(z.object({ asset: z.string(), amount: decimal, symbol: z.string().nullable() })),
});
export type Exposure = z.infer<typeof exposureSchema>;
