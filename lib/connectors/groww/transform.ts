import { D, toDecimalString } from "@/lib/money/decimal";
import type { Balance, Fill, Order, Position, VenueAccount } from "../types";
import { fnoInstrumentType, fnoUnderlying, isSeparatePosition, orderStatusOf, parseGrowwTime, TRADE_FEE } from "./assumptions";
import type { GrowwHolding, GrowwOrder, GrowwPosition, GrowwTrade } from "./schemas";

/** Pure Groww → domain mapping. Everything is in INR. */

export const GROWW_ACCOUNT: VenueAccount = { accountUid: "groww", name: "Groww", venue: "groww", kind: "broker" };
const INR = "INR";

/**
 * A demat holding as a balance of its trading symbol. Locked = pledged + demat-locked +
 * Groww-locked (never more than the holding); free = the rest, T1 shares included.
 */
export function toHoldingBalance(h: GrowwHolding): Balance {
  const total = new D(h.quantity);
  const lockedRaw = new D(h.pledge_quantity).plus(h.demat_locked_quantity).plus(h.groww_locked_quantity);
  const locked = D.min(D.max(lockedRaw, 0), D.max(total, 0));
  return {
    accountUid: GROWW_ACCOUNT.accountUid,
    asset: h.trading_symbol,
    wallet: "spot",
    free: toDecimalString(total.minus(locked)),
    locked: toDecimalString(locked),
    total: toDecimalString(total),
  };
}

export function toCashBalance(clearCash: string): Balance {
  return { accountUid: GROWW_ACCOUNT.accountUid, asset: INR, wallet: "spot", free: clearCash, locked: "0", total: clearCash };
}

/** The LTP key of a symbol: "NSE_RELIANCE". */
export function exchangeSymbol(exchange: string, tradingSymbol: string): string {
  return `${exchange}_${tradingSymbol}`;
}

/** Positions that are not already holdings, signed by net quantity, marked at the last traded price. */
export function toPositions(segment: string, rows: GrowwPosition[], markOf: (p: GrowwPosition) => string): Position[] {
  return rows
    .filter((p) => !new D(p.quantity).isZero() && isSeparatePosition(segment, p.product))
    .map((p) => {
      const qty = new D(p.quantity);
      const mark = new D(markOf(p));
      const fno = segment === "FNO";
      return {
        accountUid: GROWW_ACCOUNT.accountUid,
        symbol: p.trading_symbol,
        underlying: fno ? fnoUnderlying(p.trading_symbol) : p.trading_symbol,
        quoteCurrency: INR,
        settleCurrency: INR,
        instrumentType: fno ? fnoInstrumentType(p.trading_symbol) : "equity",
        side: qty.isNegative() ? "short" : "long",
        quantity: toDecimalString(qty),
        entryPrice: p.net_price,
        markPrice: toDecimalString(mark),
        notional: toDecimalString(qty.times(mark)),
        unrealizedPnl: toDecimalString(mark.minus(p.net_price).times(qty)),
      };
    });
}

/**
 * An order as Groww reports it now. Groww gives no last-update time, so the latest of
 * creation, exchange time and the order's last trade stands for it.
 */
export function toOrder(o: GrowwOrder & { filled_quantity: string }, lastTradeAt: Date | undefined, fallback: Date): Order {
  const created = parseGrowwTime(o.created_at) ?? parseGrowwTime(o.exchange_time) ?? fallback;
  const times = [created, parseGrowwTime(o.exchange_time), lastTradeAt].filter((t): t is Date => t !== undefined);
  const priced = o.price !== undefined && !new D(o.price).isZero();
  const avg = o.average_fill_price !== undefined && !new D(o.average_fill_price).isZero() ? o.average_fill_price : undefined;
  return {
    accountUid: GROWW_ACCOUNT.accountUid,
    venueOrderId: o.groww_order_id,
    clientOrderId: o.order_reference_id,
    symbol: o.trading_symbol,
    side: o.transaction_type === "BUY" ? "buy" : "sell",
    type: o.order_type.toLowerCase(),
    status: orderStatusOf(o.order_status, o.filled_quantity, o.quantity),
    price: priced ? o.price : undefined,
    quantity: o.quantity,
    filledQuantity: o.filled_quantity,
    averagePrice: avg,
    createdAt: created,
    updatedAt: new Date(Math.max(...times.map((t) => t.getTime()))),
    raw: o,
  };
}

export function toFill(t: GrowwTrade, order: GrowwOrder, fallback: Date): Fill {
  return {
    accountUid: GROWW_ACCOUNT.accountUid,
    venueFillId: t.groww_trade_id,
    venueOrderId: t.groww_order_id,
    clientOrderId: order.order_reference_id,
    symbol: t.trading_symbol,
    side: t.transaction_type === "BUY" ? "buy" : "sell",
    price: t.price,
    quantity: t.quantity,
    fee: TRADE_FEE.amount,
    feeCurrency: TRADE_FEE.currency,
    executedAt: tradeTime(t) ?? fallback,
    raw: t,
  };
}

export function tradeTime(t: GrowwTrade): Date | undefined {
  return parseGrowwTime(t.trade_date_time) ?? parseGrowwTime(t.created_at);
}
