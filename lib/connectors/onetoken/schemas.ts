import { z } from "zod";
import { bigIntText, decimalText, optionalDecimalText } from "../http/fields";

/**
 * 1Token CAM responses, one schema per endpoint (paths below `/api/v1`). Bodies are read
 * losslessly: numbers arrive as text, so nanosecond times become BigInt and amounts stay
 * exact. Envelope: `{code, message, result}`, success when `code` is empty or "0" (an error
 * code is turned into a ConnectorError before these schemas run).
 */
const optionalText = z
  .string()
  .nullish()
  .transform((v) => (v === null || v === undefined || v === "" ? undefined : v));
const textOrEmpty = z
  .string()
  .nullish()
  .transform((v) => v ?? "");

function envelope<T extends z.ZodType>(result: T) {
  return z.object({ code: z.string().nullish(), message: z.string().nullish(), result });
}

/** GET /fundv3/openapi/portfolio/list-portfolio (`?department=` optional) */
export const fundInfoSchema = z.object({
  fund_name: z.string().min(1),
  fund_alias: optionalText,
  denomination: optionalText,
  valuation_currency: optionalText,
  status: optionalText,
  inception_time: bigIntText.nullish(),
  parent_fund_name: optionalText,
});
export const listPortfolioSchema = envelope(z.object({ fund_info_list: z.array(fundInfoSchema) }));
export type FundInfo = z.infer<typeof fundInfoSchema>;

/** GET /fundv3/openapi/portfolio/get-portfolio-detail?fund_name=fund/… (shape UNVERIFIED, see assumptions) */
export const fundChildSchema = z.object({
  child_name: z.string().min(1),
  child_alias: optionalText,
  child_type: textOrEmpty,
  venue: optionalText,
  account_mode: textOrEmpty,
  net_assets_usd: optionalDecimalText,
  status: optionalText,
});
export const portfolioDetailSchema = envelope(z.object({ fund_children: z.array(fundChildSchema).nullish().transform((v) => v ?? []) }));
export type FundChild = z.infer<typeof fundChildSchema>;

/** POST /fundv3/openapi/portfolio/get-historical-nav {fund_name, start_time, end_time, frequency} */
export const navRowSchema = z.object({
  fund_name: z.string().min(1),
  fund_alias: optionalText,
  valuation_currency: optionalText,
  snapshot_time: bigIntText,
  snapshot_time_str: optionalText,
  net_assets: decimalText,
  accum_nav: optionalDecimalText,
  accum_pnl: optionalDecimalText,
});
export const historicalNavSchema = envelope(z.object({ historical_nav: z.array(navRowSchema) }));
export type NavRow = z.infer<typeof navRowSchema>;

/** POST /anp/openapi/fund-snapshot/get-asset-position {fund_list, start_time, end_time, frequency, quote_source} */
export const assetPositionRowSchema = z.object({
  requested_fund_name: z.string().min(1),
  requested_fund_alias: optionalText,
  snapshot_time_str: z.string().min(1),
  side_str: textOrEmpty,
  symbol_str: z.string().min(1),
  instrument_str: textOrEmpty,
  account_alias: textOrEmpty,
  venue_str: textOrEmpty,
  account_type_str: textOrEmpty,
  position_size_equity: decimalText,
  position_size_unit_str: optionalText,
  usd_exposure: optionalDecimalText,
  mark_price: optionalDecimalText,
  last_price: optionalDecimalText,
  upnl_usd: optionalDecimalText,
  underlying_str: optionalText,
});
export const assetPositionSchema = envelope(z.object({ asset_position_overview: z.array(assetPositionRowSchema) }));
export type AssetPositionRow = z.infer<typeof assetPositionRowSchema>;

/** GET /quote/last-price-before-timestamp?currency=&exchange=index&timestamp= (response shape UNVERIFIED) */
export const lastPriceSchema = envelope(
  z.union([decimalText, z.object({ price: decimalText })]).transform((r) => (typeof r === "string" ? r : r.price)),
);
