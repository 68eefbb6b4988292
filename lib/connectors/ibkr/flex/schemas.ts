import { z } from "zod";
import { decimalText, optionalDecimalText } from "../../http/fields";

/**
 * IBKR Flex Web Service responses. Both are XML: the reader turns them into elements, and
 * these schemas check the attributes (or child texts) of each element kind we use.
 */
const text = z.string().trim().min(1);
const optionalText = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === "" ? undefined : v.trim()));

/**
 * GET {flexBaseUrl}/SendRequest?t=&q=&v=3 and GET {Url}/GetStatement?t=&q=&v=3 when they
 * answer with a status instead of a statement: child texts of <FlexStatementResponse>.
 */
export const flexStatusSchema = z.object({
  Status: z.enum(["Success", "Warn", "Fail"]),
  ReferenceCode: optionalText,
  Url: optionalText,
  ErrorCode: optionalText,
  ErrorMessage: optionalText,
});
export type FlexStatus = z.infer<typeof flexStatusSchema>;

/* Elements of a <FlexQueryResponse> statement (GET …/GetStatement) */

/** <FlexStatement accountId fromDate toDate whenGenerated> */
export const flexStatementSchema = z.object({ accountId: text, fromDate: optionalText, toDate: optionalText });

/** <AccountInformation accountId currency name acctAlias> */
export const accountInformationSchema = z.object({
  accountId: text,
  currency: text,
  name: optionalText,
  acctAlias: optionalText,
});

/** <EquitySummaryByReportDateInBase accountId reportDate total currency> */
export const equitySummarySchema = z.object({
  accountId: text,
  reportDate: text,
  total: decimalText,
  currency: optionalText,
});
export type EquitySummaryRow = z.infer<typeof equitySummarySchema>;

/** <CashReportCurrency accountId currency endingCash levelOfDetail> */
export const cashReportSchema = z.object({
  accountId: text,
  currency: text,
  endingCash: decimalText,
  levelOfDetail: optionalText,
});
export type CashReportRow = z.infer<typeof cashReportSchema>;

/** <OpenPosition accountId currency fxRateToBase assetCategory symbol position markPrice …> */
export const openPositionSchema = z.object({
  accountId: text,
  currency: text,
  fxRateToBase: optionalDecimalText,
  assetCategory: text,
  symbol: text,
  underlyingSymbol: optionalText,
  conid: optionalText,
  multiplier: optionalDecimalText,
  position: decimalText,
  markPrice: decimalText,
  positionValue: optionalDecimalText,
  costBasisPrice: optionalDecimalText,
  openPrice: optionalDecimalText,
  fifoPnlUnrealized: optionalDecimalText,
  levelOfDetail: optionalText,
});
export type OpenPositionRow = z.infer<typeof openPositionSchema>;

/** <Trade accountId currency assetCategory symbol tradeID ibExecID ibOrderID orderReference buySell quantity tradePrice …> */
export const tradeSchema = z.object({
  accountId: text,
  currency: text,
  assetCategory: text,
  symbol: text,
  tradeID: optionalText,
  ibExecID: optionalText,
  ibOrderID: optionalText,
  orderReference: optionalText,
  buySell: text,
  quantity: decimalText,
  tradePrice: decimalText,
  multiplier: optionalDecimalText,
  ibCommission: optionalDecimalText,
  ibCommissionCurrency: optionalText,
  dateTime: text,
  levelOfDetail: optionalText,
});
export type TradeRow = z.infer<typeof tradeSchema>;

/** <ConversionRate reportDate fromCurrency toCurrency rate> */
export const conversionRateSchema = z.object({
  reportDate: optionalText,
  fromCurrency: text,
  toCurrency: text,
  rate: decimalText,
});
export type ConversionRateRow = z.infer<typeof conversionRateSchema>;

/**
 * <CashTransaction accountId currency type amount dateTime reportDate description symbol
 * transactionID levelOfDetail …>: deposits, withdrawals, dividends, interest, taxes and
 * fees, `amount` signed (money in is positive).
 */
export const cashTransactionSchema = z.object({
  accountId: text,
  currency: text,
  type: text,
  amount: decimalText,
  dateTime: optionalText,
  settleDate: optionalText,
  reportDate: optionalText,
  description: optionalText,
  symbol: optionalText,
  transactionID: optionalText,
  levelOfDetail: optionalText,
});
export type CashTransactionRow = z.infer<typeof cashTransactionSchema>;
