import { z } from "zod";
import { D, isDecimalString } from "@/lib/money/decimal";
import { ConnectorError } from "./errors";
import { CASH_FLOW_KINDS, CASH_FLOW_STATUSES, INCOME_KINDS, type StreamResult } from "./types";

/**
 * zod schemas of the domain types: what the sync accepts from any connector. A connector
 * validates the venue's raw JSON; this second gate makes sure nothing malformed reaches
 * the database whatever a connector's transform did.
 */
const decimal = z.string().refine(isDecimalString, { message: "not an exact decimal string" });
const text = z.string().min(1);

export const venueAccountSchema = z.object({
  accountUid: text,
  name: text,
  alias: z.string().optional(),
  venue: text,
  kind: z.enum(["spot", "futures", "margin", "funding", "broker", "wallet"]),
  portfolioExternalId: text.optional(),
  balanceUsd: decimal.optional(),
});

export const venuePortfolioSchema = z.object({
  externalId: text,
  name: text,
  alias: z.string().optional(),
  dataSource: text,
  baseCurrency: text,
  department: text.optional(),
  inceptionAt: z.date().optional(),
});

export const navPointSchema = z
  .object({
    snapshotId: text,
    portfolioExternalId: text.optional(),
    accountUid: text.optional(),
    currency: text.optional(),
    at: z.date(),
    netAssets: decimal,
    navPerUnit: decimal.optional(),
    grossReturn: decimal.optional(),
    netReturn: decimal.optional(),
    raw: z.unknown(),
  })
  .refine((p) => p.portfolioExternalId !== undefined || p.accountUid !== undefined, {
    message: "a NAV point names the portfolio or the account it values",
    path: ["portfolioExternalId"],
  });

export const balanceSchema = z.object({
  accountUid: text,
  asset: text,
  wallet: z.enum(["spot", "funding", "futures", "margin"]),
  free: decimal,
  locked: decimal,
  total: decimal,
});

export const positionSchema = z
  .object({
    accountUid: text,
    symbol: text,
    underlying: text,
    quoteCurrency: text,
    settleCurrency: text,
    instrumentType: z.enum(["spot", "margin", "perpetual", "future", "option", "equity"]),
    side: z.enum(["long", "short"]),
    quantity: decimal,
    entryPrice: decimal,
    markPrice: decimal,
    notional: decimal,
    unrealizedPnl: decimal,
    liquidationPrice: decimal.optional(),
    leverage: decimal.optional(),
    marginMode: z.enum(["cross", "isolated"]).optional(),
  })
  .refine((p) => (p.side === "short") === p.quantity.trim().startsWith("-"), {
    message: "side must agree with the sign of quantity (short = negative)",
    path: ["side"],
  });

const orderStatus = z.enum(["open", "partially_filled", "filled", "cancelled", "rejected", "expired"]);

export const orderSchema = z.object({
  accountUid: text,
  venueOrderId: text,
  clientOrderId: z.string().optional(),
  symbol: text,
  side: z.enum(["buy", "sell"]),
  type: text,
  status: orderStatus,
  price: decimal.optional(),
  quantity: decimal,
  filledQuantity: decimal,
  averagePrice: decimal.optional(),
  createdAt: z.date(),
  updatedAt: z.date(),
  raw: z.unknown(),
});

export const accountMarginSchema = z.object({
  accountUid: text,
  currency: text,
  used: decimal.refine((v) => !new D(v).isNegative(), { message: "must not be negative" }),
  maintenance: decimal.optional(),
  available: decimal,
});

export const fillSchema = z.object({
  accountUid: text,
  venueFillId: text,
  venueOrderId: text,
  clientOrderId: z.string().optional(),
  symbol: text,
  side: z.enum(["buy", "sell"]),
  price: decimal,
  quantity: decimal,
  fee: decimal,
  feeCurrency: text,
  liquidity: z.enum(["maker", "taker"]).optional(),
  strategy: z.string().min(1).max(64).optional(),
  contractSize: decimal.refine((v) => new D(v).gt(0), { message: "must be positive" }).optional(),
  executedAt: z.date(),
  raw: z.unknown(),
});

const positiveDecimal = decimal.refine((v) => new D(v).gt(0), { message: "must be positive (the direction is the kind's)" });
const nonNegativeDecimal = decimal.refine((v) => !new D(v).isNegative(), { message: "must not be negative" });

export const cashFlowSchema = z
  .object({
    accountUid: text.optional(),
    portfolioExternalId: text.optional(),
    venueFlowId: text,
    kind: z.enum(CASH_FLOW_KINDS),
    incomeKind: z.enum(INCOME_KINDS).optional(),
    asset: text,
    amount: positiveDecimal,
    at: z.date(),
    status: z.enum(CASH_FLOW_STATUSES),
    venueStatus: text.optional(),
    txId: text.optional(),
    network: text.optional(),
    fee: nonNegativeDecimal.optional(),
    feeAsset: text.optional(),
    internal: z.object({ counterpartyAccountUid: text.optional(), reason: text }).optional(),
    source: z.enum(["venue", "derived"]),
    description: z.string().optional(),
    raw: z.unknown(),
  })
  .refine((f) => f.accountUid !== undefined || f.portfolioExternalId !== undefined, {
    message: "a cash flow names the account or the portfolio it moved",
    path: ["accountUid"],
  })
  .refine((f) => (f.kind === "income") === (f.incomeKind !== undefined), {
    message: "incomeKind is given exactly for income",
    path: ["incomeKind"],
  })
  .refine((f) => f.fee === undefined || f.feeAsset !== undefined, { message: "a fee names its asset", path: ["feeAsset"] });

export const quoteSchema = z.object({ base: text, quote: text, price: decimal, at: z.date() });

/** Validates every item of a stream; the first bad item fails the stream with its path. */
export function checkStream<T>(provider: string, stream: string, schema: z.ZodType<T>, result: StreamResult<T>): T[] {
  return result.items.map((item, i) => {
    const parsed = schema.safeParse(item);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new ConnectorError({
        kind: "bad_response",
        provider,
        endpoint: stream,
        message: `item ${i}: ${[...issue.path].join(".") || "(root)"} ${issue.message}`,
      });
    }
    return parsed.data;
  });
}
