import { z } from "zod";
import { isDecimalString } from "@/lib/money/decimal";

/**
 * zod schemas of the raw Binance answers this connector reads, one per endpoint. Amounts
 * arrive as strings and stay strings. Ids and times are JSON numbers, except when ccxt
 * re-quotes every number of a body that holds an integer beyond 2^53, so both forms are
 * accepted. Unknown extra fields are ignored (Binance adds fields without notice).
 */
const dec = z.string().refine(isDecimalString, { message: "not a decimal string" });
const id = z.union([z.number().int().nonnegative(), z.string().regex(/^\d+$/)]).transform(String);
const millis = z.union([z.number().int().nonnegative(), z.string().regex(/^\d+$/)]).transform((v) => Number(v));
const asset = z.string().min(1);
const side = z.enum(["BUY", "SELL"]);
const orderStatus = z.enum([
  "NEW",
  "PENDING_NEW",
  "PARTIALLY_FILLED",
  "FILLED",
  "CANCELED",
  "PENDING_CANCEL",
  "REJECTED",
  "EXPIRED",
  "EXPIRED_IN_MATCH",
]);

// GET /sapi/v1/account/apiRestrictions
export const apiRestrictionsSchema = z.object({
  ipRestrict: z.boolean(),
  enableReading: z.boolean(),
  enableWithdrawals: z.boolean(),
  enableInternalTransfer: z.boolean().default(false),
  permitsUniversalTransfer: z.boolean().default(false),
  enableMargin: z.boolean().default(false),
  enableFutures: z.boolean().default(false),
  enableSpotAndMarginTrading: z.boolean(),
  enableVanillaOptions: z.boolean().default(false),
  enablePortfolioMarginTrading: z.boolean().default(false),
  enableFixApiTrade: z.boolean().default(false),
  enableFixReadOnly: z.boolean().default(false),
});
export type ApiRestrictions = z.infer<typeof apiRestrictionsSchema>;

// GET /api/v3/account
export const spotAccountSchema = z.object({
  canTrade: z.boolean(),
  canWithdraw: z.boolean(),
  canDeposit: z.boolean(),
  balances: z.array(z.object({ asset, free: dec, locked: dec })),
});
export type SpotAccount = z.infer<typeof spotAccountSchema>;

// POST /sapi/v1/asset/get-funding-asset
export const fundingAssetsSchema = z.array(
  z.object({ asset, free: dec, locked: dec, freeze: dec, withdrawing: dec }),
);
export type FundingAsset = z.infer<typeof fundingAssetsSchema>[number];

const futuresAsset = z.object({
  asset,
  walletBalance: dec,
  unrealizedProfit: dec,
  marginBalance: dec,
  // Published on /fapi/v3/account and /dapi/v1/account per asset (the margin figures of the overview).
  initialMargin: dec,
  maintMargin: dec,
  availableBalance: dec,
  maxWithdrawAmount: dec,
});
export type FuturesAsset = z.infer<typeof futuresAsset>;

// GET /fapi/v3/account
export const usdmAccountSchema = z.object({
  totalWalletBalance: dec,
  totalUnrealizedProfit: dec,
  totalMarginBalance: dec,
  assets: z.array(futuresAsset),
});

// GET /dapi/v1/account
export const coinmAccountSchema = z.object({ assets: z.array(futuresAsset) });

// GET /fapi/v3/positionRisk (Position Information V3). V3 dropped `leverage`, `marginType`,
// `maxNotionalValue` and `isAutoAddMargin` and added `marginAsset`, `initialMargin`,
// `maintMargin` and friends; those come from GET /fapi/v1/symbolConfig instead. The schema
// keeps the two V2-only fields optional, so a V2 body (GET /fapi/v2/positionRisk, still
// served today) parses too: the connector reads V3, a V2 fixture test guards the fallback.
export const usdmPositionsSchema = z.array(
  z.object({
    symbol: z.string().min(1),
    positionAmt: dec,
    entryPrice: dec,
    markPrice: dec,
    unRealizedProfit: dec,
    liquidationPrice: dec,
    positionSide: z.enum(["BOTH", "LONG", "SHORT"]),
    notional: dec,
    marginAsset: asset.optional(),
    isolatedMargin: dec.optional(),
    initialMargin: dec.optional(),
    /** V2 only. */
    leverage: dec.optional(),
    /** V2 only ("cross" | "isolated"). */
    marginType: z.string().optional(),
  }),
);
export type UsdmPosition = z.infer<typeof usdmPositionsSchema>[number];

// GET /fapi/v1/symbolConfig (no symbol: every symbol of the account). `leverage` is a JSON
// number here, an integer; `marginType` is "CROSSED" or "ISOLATED".
export const usdmSymbolConfigSchema = z.array(
  z.object({
    symbol: z.string().min(1),
    marginType: z.string(),
    leverage: z.union([z.number().int().positive(), dec]),
  }),
);
export type UsdmSymbolConfig = z.infer<typeof usdmSymbolConfigSchema>[number];

// GET /dapi/v1/positionRisk (positionAmt in contracts; notionalValue in the coin)
export const coinmPositionsSchema = z.array(
  z.object({
    symbol: z.string().min(1),
    positionAmt: dec,
    entryPrice: dec,
    markPrice: dec,
    unRealizedProfit: dec,
    liquidationPrice: dec,
    leverage: dec,
    marginType: z.string(),
    positionSide: z.enum(["BOTH", "LONG", "SHORT"]),
    notionalValue: dec,
  }),
);
export type CoinmPosition = z.infer<typeof coinmPositionsSchema>[number];

// GET /api/v3/openOrders, GET /api/v3/allOrders, GET /api/v3/order
export const spotOrderSchema = z.object({
  symbol: z.string().min(1),
  orderId: id,
  clientOrderId: z.string(),
  price: dec,
  origQty: dec,
  executedQty: dec,
  cummulativeQuoteQty: dec,
  status: orderStatus,
  type: z.string().min(1),
  side,
  time: millis,
  updateTime: millis,
});
export type SpotOrder = z.infer<typeof spotOrderSchema>;
export const spotOrdersSchema = z.array(spotOrderSchema);

// GET /fapi/v1/openOrders, /fapi/v1/allOrders, /fapi/v1/order and the /dapi/v1 equivalents
// (COIN-M quantities are in contracts)
export const futuresOrderSchema = z.object({
  symbol: z.string().min(1),
  orderId: id,
  clientOrderId: z.string(),
  price: dec,
  origQty: dec,
  executedQty: dec,
  avgPrice: dec,
  status: orderStatus,
  type: z.string().min(1),
  side,
  time: millis,
  updateTime: millis,
});
export type FuturesOrder = z.infer<typeof futuresOrderSchema>;
export const futuresOrdersSchema = z.array(futuresOrderSchema);

// GET /api/v3/myTrades
export const spotTradesSchema = z.array(
  z.object({
    symbol: z.string().min(1),
    id,
    orderId: id,
    price: dec,
    qty: dec,
    commission: dec,
    commissionAsset: asset,
    time: millis,
    isBuyer: z.boolean(),
    isMaker: z.boolean(),
  }),
);
export type SpotTrade = z.infer<typeof spotTradesSchema>[number];

// GET /fapi/v1/userTrades, GET /dapi/v1/userTrades (COIN-M qty in contracts)
export const futuresTradesSchema = z.array(
  z.object({
    symbol: z.string().min(1),
    id,
    orderId: id,
    side,
    price: dec,
    qty: dec,
    commission: dec,
    commissionAsset: asset,
    time: millis,
    maker: z.boolean(),
  }),
);
export type FuturesTrade = z.infer<typeof futuresTradesSchema>[number];

// GET /api/v3/ticker/price?symbols=[...]
export const tickerPricesSchema = z.array(z.object({ symbol: z.string().min(1), price: dec }));
export type TickerPrice = z.infer<typeof tickerPricesSchema>[number];

/** A small code (status, transferType, walletType): a JSON number, or its digits when ccxt re-quoted the body. */
const code = z.union([z.number().int(), z.string().regex(/^-?\d+$/)]).transform((v) => Number(v));
const optionalText = z
  .string()
  .nullish()
  .transform((v) => (v === null || v === undefined || v.trim() === "" ? undefined : v.trim()));

// GET /sapi/v1/capital/deposit/hisrec (deposits of the spot and funding wallets; max 90 days per query)
export const depositHistorySchema = z.array(
  z.object({
    /** Present on records since Binance added it; old records have none. */
    id: z.union([z.string().min(1), z.number().int().nonnegative()]).transform(String).optional(),
    amount: dec,
    coin: asset,
    network: optionalText,
    status: code,
    address: optionalText,
    txId: optionalText,
    insertTime: millis,
    completeTime: millis.optional(),
    /** 1: an off-chain transfer from another Binance account; 0: on-chain. */
    transferType: code.optional(),
    /** 0: spot wallet, 1: funding wallet. */
    walletType: code.optional(),
  }),
);
export type DepositRow = z.infer<typeof depositHistorySchema>[number];

// GET /sapi/v1/capital/withdraw/history (max 90 days per query; UID weight 18000)
export const withdrawHistorySchema = z.array(
  z.object({
    id: z.string().min(1),
    amount: dec,
    transactionFee: dec.optional(),
    coin: asset,
    status: code,
    address: optionalText,
    txId: optionalText,
    /** "2026-11-18 09:12:44", UTC. */
    applyTime: z.string().regex(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/),
    network: optionalText,
    transferType: code.optional(),
    /** Why a withdrawal failed, in Binance's words. */
    info: optionalText,
    walletType: code.optional(),
  }),
);
export type WithdrawalRow = z.infer<typeof withdrawHistorySchema>[number];

// GET /papi/v1/account (Portfolio Margin Account Information): only its status is read, to
// know the account is a portfolio-margin one (see assumptions.ts).
export const papiAccountSchema = z.object({ accountStatus: z.string().min(1) });
