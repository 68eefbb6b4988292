import { z } from "zod";
import { decimalText, intText, optionalDecimalText } from "../../http/fields";

/**
 * Client Portal Web API responses (paths below the gateway's `/v1/api`). Field lists are
 * from clients generated from IBKR's spec and from ibind; shapes marked UNVERIFIED in the
 * reference are read tolerantly (unknown fields pass, optional ones may be null).
 */
const optionalText = z
  .string()
  .nullish()
  .transform((v) => (v === null || v === undefined || v.trim() === "" ? undefined : v.trim()));

/** POST /tickle */
export const tickleSchema = z
  .object({
    session: z.string().nullish(),
    iserver: z
      .object({ authStatus: z.object({ authenticated: z.boolean(), competing: z.boolean().nullish(), connected: z.boolean().nullish() }).loose() })
      .loose()
      .nullish(),
  })
  .loose();

/** GET /portfolio/accounts */
export const accountsSchema = z.array(
  z.object({ id: z.string().min(1), accountAlias: optionalText, accountTitle: optionalText, currency: optionalText }).loose(),
);

/** GET /portfolio/{accountId}/positions/{pageId} */
export const positionSchema = z
  .object({
    acctId: z.string().min(1),
    conid: z.string().min(1),
    contractDesc: z.string().min(1),
    position: decimalText,
    mktPrice: decimalText,
    mktValue: decimalText,
    currency: z.string().min(1),
    avgPrice: optionalDecimalText,
    unrealizedPnl: optionalDecimalText,
    assetClass: z.string().min(1),
    ticker: optionalText,
    multiplier: optionalDecimalText,
    undSym: optionalText,
  })
  .loose();
export const positionsSchema = z.array(positionSchema);
export type PortalPosition = z.infer<typeof positionSchema>;

/** GET /portfolio/{accountId}/ledger — keyed by currency, plus "BASE" */
export const ledgerSchema = z.record(z.string(), z.object({ cashbalance: decimalText, currency: optionalText }).loose());

/** GET /portfolio/{accountId}/summary — each key like {amount, currency, isNull, timestamp, value} (UNVERIFIED) */
export const summarySchema = z
  .object({ netliquidation: z.object({ amount: decimalText, currency: optionalText }).loose().nullish() })
  .loose();

/** GET /iserver/account/orders */
export const orderSchema = z
  .object({
    acct: z.string().min(1),
    orderId: z.string().min(1),
    ticker: optionalText,
    symbol: optionalText,
    side: z.string().min(1),
    totalSize: decimalText,
    filledQuantity: optionalDecimalText,
    status: z.string().min(1),
    orderType: z.string().min(1),
    price: optionalDecimalText,
    avgPrice: optionalDecimalText,
    lastExecutionTime_r: intText.nullish(),
    order_ref: optionalText,
  })
  .loose();
export const ordersSchema = z.object({ orders: z.array(orderSchema).nullish().transform((v) => v ?? []), snapshot: z.boolean().nullish() }).loose();
export type PortalOrder = z.infer<typeof orderSchema>;

/** GET /iserver/account/trades?days= */
export const tradeSchema = z
  .object({
    execution_id: z.string().min(1),
    symbol: z.string().min(1),
    side: z.string().min(1),
    size: decimalText,
    price: decimalText,
    trade_time_r: intText,
    order_ref: optionalText,
    order_id: optionalText,
    commission: optionalDecimalText,
    account: optionalText,
    accountCode: optionalText,
    sec_type: optionalText,
  })
  .loose();
export const tradesSchema = z.array(tradeSchema);
export type PortalTrade = z.infer<typeof tradeSchema>;
