import { z } from "zod";
import { decimalText, optionalDecimalText } from "../http/fields";

/**
 * Groww Trade API responses, one schema per endpoint. Success bodies are
 * `{"status": "SUCCESS", "payload": …}`; failures are mapped to ConnectorError before
 * these run. Amounts arrive as JSON numbers and are read as exact decimal text.
 */
const optionalText = z
  .string()
  .nullish()
  .transform((v) => (v === null || v === undefined || v === "" ? undefined : v));
const zero = optionalDecimalText.transform((v) => v ?? "0");

function success<T extends z.ZodType>(payload: T) {
  return z.object({ status: z.literal("SUCCESS"), payload });
}

/** POST /v1/token/api/access — documented bare; accepted inside the usual envelope too. */
const tokenBody = z.object({ token: z.string().min(1), expiry: optionalText, isActive: z.boolean().nullish() });
export const tokenSchema = z.union([tokenBody, success(tokenBody).transform((r) => r.payload)]);

/** GET /v1/holdings/user */
export const holdingSchema = z.object({
  isin: optionalText,
  trading_symbol: z.string().min(1),
  quantity: decimalText,
  average_price: zero,
  pledge_quantity: zero,
  demat_locked_quantity: zero,
  groww_locked_quantity: zero,
  repledge_quantity: zero,
  t1_quantity: zero,
  demat_free_quantity: zero,
});
export const holdingsSchema = success(z.object({ holdings: z.array(holdingSchema) }));
export type GrowwHolding = z.infer<typeof holdingSchema>;

/** GET /v1/positions/user?segment=CASH|FNO */
export const positionSchema = z.object({
  trading_symbol: z.string().min(1),
  segment: optionalText,
  credit_quantity: zero,
  credit_price: zero,
  debit_quantity: zero,
  debit_price: zero,
  carry_forward_credit_quantity: zero,
  carry_forward_debit_quantity: zero,
  exchange: optionalText,
  symbol_isin: optionalText,
  quantity: decimalText,
  product: z.string().nullish().transform((v) => v ?? ""),
  net_carry_forward_quantity: zero,
  net_price: zero,
  realised_pnl: zero,
});
export const positionsSchema = success(z.object({ positions: z.array(positionSchema) }));
export type GrowwPosition = z.infer<typeof positionSchema>;

/** GET /v1/margins/detail/user */
export const marginSchema = success(z.object({ clear_cash: decimalText }).loose());

/** GET /v1/order/list?segment=&page=&page_size= and GET /v1/order/detail/{groww_order_id}?segment= */
export const orderSchema = z.object({
  groww_order_id: z.string().min(1),
  trading_symbol: z.string().min(1),
  order_status: z.string().min(1),
  remark: optionalText,
  quantity: decimalText,
  price: optionalDecimalText,
  trigger_price: optionalDecimalText,
  // Absent in a list row, the detail endpoint is asked (see the connector).
  filled_quantity: optionalDecimalText,
  remaining_quantity: optionalDecimalText,
  average_fill_price: optionalDecimalText,
  exchange: optionalText,
  order_type: z.string().min(1),
  transaction_type: z.enum(["BUY", "SELL"]),
  segment: optionalText,
  product: optionalText,
  created_at: optionalText,
  exchange_time: optionalText,
  trade_date: optionalText,
  order_reference_id: optionalText,
});
export const orderListSchema = success(z.object({ order_list: z.array(orderSchema).nullish().transform((v) => v ?? []) }));
export const orderDetailSchema = success(orderSchema);
export type GrowwOrder = z.infer<typeof orderSchema>;

/** GET /v1/order/trades/{groww_order_id}?segment=&page=&page_size= */
export const tradeSchema = z.object({
  groww_trade_id: z.string().min(1),
  groww_order_id: z.string().min(1),
  trading_symbol: z.string().min(1),
  price: decimalText,
  quantity: decimalText,
  transaction_type: z.enum(["BUY", "SELL"]),
  trade_status: optionalText,
  exchange: optionalText,
  segment: optionalText,
  created_at: optionalText,
  trade_date_time: optionalText,
});
export const tradesSchema = success(z.object({ trade_list: z.array(tradeSchema).nullish().transform((v) => v ?? []) }));
export type GrowwTrade = z.infer<typeof tradeSchema>;

/** GET /v1/live-data/ltp?segment=&exchange_symbols=NSE_A,NSE_B → {"NSE_A": 2334.2} */
export const ltpSchema = success(z.record(z.string(), decimalText));
