import { z } from "zod";

/**
 * The rebalance preview's contract: what GET /api/rebalance answers, what /rebalance shows,
 * what the CSV lists and what a chat bot reads. Money and weights are exact decimal strings;
 * weights are fractions (0.4 = 40 %). Nothing in it can be executed (`previewOnly`).
 */
const money = z.string();

export const swapQuoteSchema = z.discriminatedUnion("status", [
  z.object({
    id: z.string(),
    status: z.literal("quoted"),
    chainIndex: z.string(),
    fromSymbol: z.string(),
    toSymbol: z.string(),
    fromAmount: money,
    toAmount: money,
    minimumReceived: money,
    priceImpactPercent: money.nullable(),
    networkFeeUsd: money.nullable(),
    estimatedGas: z.string().nullable(),
    valueUsd: money.nullable(),
  }),
  z.object({ id: z.string(), status: z.literal("failed"), message: z.string() }),
]);

export const previewRowSchema = z.object({
  asset: z.string(),
  quantity: money,
  price: money.nullable(),
  value: money.nullable(),
  currentWeight: money.nullable(),
  /** null: no target saved for the asset. */
  targetWeight: money.nullable(),
  band: money.nullable(),
  drift: money.nullable(),
  action: z.enum(["buy", "sell", "hold", "cash"]),
  reason: z.string(),
  valueDelta: money,
  quantityDelta: money,
});

export const previewLegSchema = z.object({
  id: z.string(),
  asset: z.string(),
  side: z.enum(["buy", "sell"]),
  quantity: money,
  price: money,
  value: money,
  accountId: z.string(),
  accountName: z.string(),
  connectionId: z.string(),
  connectionLabel: z.string(),
  provider: z.string(),
  feeRate: money,
  fee: money,
  feeSource: z.string(),
  /** Only OKX Web3 wallet legs are quoted, and only when quotes were asked for. */
  quote: swapQuoteSchema.nullable(),
});

export const rebalancePreviewSchema = z.object({
  state: z.enum(["ok", "empty"]),
  portfolio: z.string(),
  baseCurrency: z.string(),
  asOf: z.string().nullable(),
  totalValue: money,
  targets: z.array(z.object({ asset: z.string(), weight: money, band: money })),
  targetsUpdatedAt: z.string().nullable(),
  rows: z.array(previewRowSchema),
  legs: z.array(previewLegSchema),
  totals: z.object({ buyValue: money, sellValue: money, netCashNeeded: money, fees: money }),
  unpriced: z.array(z.string()),
  unplaced: z.array(z.string()),
  /** Connections of the selection with balances but no snapshot in the base currency yet: left out. */
  notValued: z.array(z.string()),
  feeAssumptions: z.array(z.object({ provider: z.string(), rate: money, source: z.string() })),
  quotes: z
    .object({
      quoted: z.number().int(),
      failed: z.number().int(),
      /** Σ |impact| × value ÷ Σ value over the quoted legs, in percent; null when none reported one. */
      aggregatePriceImpactPercent: money.nullable(),
      /** Σ value × |impact| ÷ 100, in USD (OKX values the legs in USD). */
      expectedSlippageUsd: money,
      networkFeeUsd: money,
    })
    .nullable(),
  previewOnly: z.literal(true),
});

export type RebalancePreview = z.infer<typeof rebalancePreviewSchema>;
export type PreviewLeg = z.infer<typeof previewLegSchema>;
export type PreviewRow = z.infer<typeof previewRowSchema>;
export type SwapQuoteView = z.infer<typeof swapQuoteSchema>;
