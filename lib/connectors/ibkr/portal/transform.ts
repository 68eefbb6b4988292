import { D, toDecimalString } from "@/lib/money/decimal";
import type { Balance, Fill, Order, Position, Quote } from "../../types";
import { instrumentTypeOf, isHoldingCategory, portalOrderStatus, strategyOfOrderReference } from "../assumptions";
import type { PortalOrder, PortalPosition, PortalTrade } from "./schemas";

/** Pure Client Portal → domain mapping, consistent with the Flex mapping (units = contracts × multiplier). */

const DERIVATIVE_SEC_TYPES = new Set(["OPT", "FOP", "FUT", "WAR", "CFD"]);

const symbolOf = (p: PortalPosition) => p.ticker ?? p.contractDesc.trim().replace(/\s+/g, " ");

export function portalBalances(accountId: string, positions: PortalPosition[], ledger: Record<string, { cashbalance: string }>): Balance[] {
  const cash = Object.entries(ledger)
    .filter(([currency]) => currency !== "BASE")
    .map(([currency, l]) => ({ accountUid: accountId, asset: currency, wallet: "spot" as const, free: l.cashbalance, locked: "0", total: l.cashbalance }));
  const held = positions
    .filter((p) => isHoldingCategory(p.assetClass) && !new D(p.position).isZero())
    .map((p) => ({ accountUid: accountId, asset: symbolOf(p), wallet: "spot" as const, free: p.position, locked: "0", total: p.position }));
  return [...cash, ...held];
}

export function portalPositions(accountId: string, positions: PortalPosition[]): Position[] {
  return positions
    .filter((p) => !isHoldingCategory(p.assetClass) && p.assetClass !== "CASH" && !new D(p.position).isZero())
    .map((p) => {
      const qty = new D(p.position).times(p.multiplier && !new D(p.multiplier).isZero() ? p.multiplier : "1");
      return {
        accountUid: accountId,
        symbol: p.contractDesc.trim().replace(/\s+/g, " "),
        underlying: p.undSym ?? p.ticker ?? p.contractDesc.trim().split(/\s+/)[0]!,
        quoteCurrency: p.currency,
        settleCurrency: p.currency,
        instrumentType: instrumentTypeOf(p.assetClass),
        side: qty.isNegative() ? "short" : "long",
        quantity: toDecimalString(qty),
        entryPrice: p.avgPrice ?? p.mktPrice,
        markPrice: p.mktPrice,
        notional: p.mktValue,
        unrealizedPnl: p.unrealizedPnl ?? "0",
      };
    });
}

/** Marks of held symbols, in their trading currency. */
export function portalQuotes(positions: PortalPosition[], at: Date): Quote[] {
  return positions
    .filter((p) => isHoldingCategory(p.assetClass) && new D(p.mktPrice).gt(0))
    .map((p) => ({ base: symbolOf(p), quote: p.currency, price: p.mktPrice, at }));
}

export function portalOrder(o: PortalOrder, now: Date): Order {
  const filled = o.filledQuantity ?? "0";
  const at = o.lastExecutionTime_r ? new Date(o.lastExecutionTime_r) : now;
  const price = o.price !== undefined && !new D(o.price).isZero() ? o.price : undefined;
  return {
    accountUid: o.acct,
    venueOrderId: o.orderId,
    clientOrderId: o.order_ref,
    symbol: o.ticker ?? o.symbol ?? o.orderId,
    side: o.side.toUpperCase().startsWith("S") ? "sell" : "buy",
    type: o.orderType.toLowerCase(),
    status: portalOrderStatus(o.status, new D(filled).gt(0), new D(filled).gte(o.totalSize) && new D(filled).gt(0)),
    price,
    quantity: o.totalSize,
    filledQuantity: filled,
    averagePrice: o.avgPrice !== undefined && !new D(o.avgPrice).isZero() ? o.avgPrice : undefined,
    createdAt: at,
    updatedAt: at,
    raw: o,
  };
}

/**
 * Today's executions of shares and funds. Derivative executions are left to Flex, which
 * states the multiplier; a fill id is stored once, so both sources must agree on units.
 */
export function portalFills(trades: PortalTrade[], baseCurrencyOf: (accountId: string) => string, since: Date | undefined): Fill[] {
  return trades
    .filter((t) => !DERIVATIVE_SEC_TYPES.has((t.sec_type ?? "").toUpperCase()))
    .map((t) => {
      const account = t.account ?? t.accountCode ?? "";
      const ref = t.order_ref;
      return {
        accountUid: account,
        venueFillId: t.execution_id,
        venueOrderId: t.order_id ?? t.execution_id,
        clientOrderId: ref,
        symbol: t.symbol,
        side: t.side.toUpperCase().startsWith("S") ? ("sell" as const) : ("buy" as const),
        price: t.price,
        quantity: toDecimalString(new D(t.size).abs()),
        fee: toDecimalString(new D(t.commission ?? "0").abs()),
        feeCurrency: baseCurrencyOf(account),
        strategy: strategyOfOrderReference(ref),
        executedAt: new Date(t.trade_time_r),
        raw: t,
      };
    })
    .filter((f) => !since || f.executedAt >= since);
}
