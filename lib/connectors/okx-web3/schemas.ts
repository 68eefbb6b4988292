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
