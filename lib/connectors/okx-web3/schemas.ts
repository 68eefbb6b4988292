import { z } from "zod";
import { booleanish, decimalText, optionalDecimalText } from "../http/fields";

/**
 * OKX Web3 (Onchain OS) responses, one schema per endpoint. Envelope
 * `{"code": "0", "msg": "success", "data": [...]}` — some pages show the code as a number,
 * which the lossless reader hands over as text either way. Error codes are turned into a
 * ConnectorError before these run.
 */
function envelope<T extends z.ZodType>(data: T) {
  return z.object({ code: z.string(), msg: z.string().nullish(), data });
}

const tokenAssetSchema = z.object({
  chainIndex: z.string().min(1),
  tokenContractAddress: z.string().nullish().transform((v) => v ?? ""),
  address: z.string().nullish(),
  symbol: z.string().min(1),
  balance: decimalText,
  rawBalance: z.string().nullish(),
  tokenPrice: optionalDecimalText,
  isRiskToken: booleanish.nullish().transform((v) => v ?? false),
});
export type TokenAsset = z.infer<typeof tokenAssetSchema>;

/** GET /api/v6/dex/balance/all-token-balances-by-address?address=&chains=&excludeRiskToken= */
export const allTokenBalancesSchema = envelope(
  z.array(z.object({ tokenAssets: z.array(tokenAssetSchema).nullish().transform((v) => v ?? []) })),
);

/** GET /api/v6/dex/balance/total-value-by-address?address=&chains=&assetType=&excludeRiskToken= */
export const totalValueSchema = envelope(z.array(z.object({ totalValue: decimalText })));

/** POST /api/v6/dex/market/price  body: [{chainIndex, tokenContractAddress}] */
export const marketPriceSchema = envelope(
  z.array(
    z.object({
      chainIndex: z.string().min(1),
      tokenContractAddress: z.string().nullish().transform((v) => v ?? ""),
      time: z.string().nullish(),
      price: optionalDecimalText,
    }),
  ),
);

/** One side of a transaction: the address(es, comma-separated for multi-sig) and the amount, "" when not split out. */
const txSideSchema = z.object({ address: z.string(), amount: optionalDecimalText });

/**
 * A transaction row. OKX's pages disagree on a few names across versions (`itype` /
 * `iType`, `tokenContractAddress` / `tokenAddress`); both are read.
 */
const txRowSchema = z
  .object({
    chainIndex: z.string().min(1),
    txHash: z.string().min(1),
    itype: z.string().optional(),
    iType: z.string().optional(),
    txTime: z.string().regex(/^\d+$/).transform(Number),
    from: z.array(txSideSchema).nullish().transform((v) => v ?? []),
    to: z.array(txSideSchema).nullish().transform((v) => v ?? []),
    tokenContractAddress: z.string().nullish(),
    tokenAddress: z.string().nullish(),
    amount: decimalText,
    symbol: z.string(),
    txFee: optionalDecimalText,
    txStatus: z.string().min(1),
    hitBlacklist: booleanish.nullish().transform((v) => v ?? false),
  })
  .transform(({ iType, itype, tokenAddress, tokenContractAddress, ...r }) => ({
    ...r,
    itype: itype ?? iType,
    tokenContractAddress: tokenContractAddress ?? tokenAddress ?? "",
  }));
export type TxRow = z.output<typeof txRowSchema>;

/**
 * GET /api/v6/dex/post-transaction/transactions-by-address?address=&chains=&begin=&end=&cursor=&limit=
 * → data[0] = {cursor, transactions[]} (`transactionList` in older pages).
 */
export const transactionsSchema = envelope(
  z.array(
    z
      .object({
        cursor: z.string().nullish(),
        transactions: z.array(txRowSchema).optional(),
        transactionList: z.array(txRowSchema).optional(),
      })
      .transform((p) => ({ cursor: p.cursor ?? "", transactions: p.transactions ?? p.transactionList ?? [] })),
  ),
);

/** One side of a DEX quote: the token as the aggregator resolved it. */
const quoteTokenSchema = z.object({
  tokenContractAddress: z.string().nullish(),
  tokenSymbol: z.string().nullish(),
  decimal: z.string().regex(/^\d{1,3}$/).transform(Number),
  tokenUnitPrice: optionalDecimalText.nullish(),
  isHoneyPot: booleanish.nullish(),
  taxRate: optionalDecimalText.nullish(),
});

/**
 * GET /api/v6/dex/aggregator/quote?chainIndex=&amount=&swapMode=&fromTokenAddress=&toTokenAddress=
 * → data[0]. Amounts are integers in the token's smallest unit; `tradeFee` is the route's
 * network fee in USD, `estimateGasFee` the gas units; `priceImpactPercent` is null when
 * OKX cannot compute it.
 */
export const dexQuoteSchema = envelope(
  z
    .array(
      z.object({
        chainIndex: z.string().nullish(),
        fromTokenAmount: z.string().regex(/^\d+$/),
        toTokenAmount: z.string().regex(/^\d+$/),
        tradeFee: optionalDecimalText.nullish(),
        estimateGasFee: z.string().nullish(),
        priceImpactPercent: optionalDecimalText.nullish(),
        fromToken: quoteTokenSchema,
        toToken: quoteTokenSchema,
      }),
    )
    .min(1),
);
export type DexQuote = z.output<typeof dexQuoteSchema>["data"][number];
