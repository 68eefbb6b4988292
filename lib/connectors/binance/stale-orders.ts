import { OrderNotFound } from "ccxt";
import type { MarketIndex, MarketInfo } from "@/lib/connectors/ccxt/markets";
import type { VenueReader } from "@/lib/connectors/ccxt/reader";
import type { IncrementalParams, Order, RawCapture } from "@/lib/connectors/types";
import type { BinanceClient } from "./client";
import { futuresOrderSchema, spotOrderSchema } from "./schemas";
import { futuresOrder, spotOrder } from "./transform";

/**
 * An order stored as open that was created before `since` and closed since is in neither
 * the open-orders list nor the history window, so without asking for it by id it would
 * stay "open" forever. That by-id recovery is a concern of its own, apart from the
 * listing and paging in the connector.
 */
export interface StaleOrderContext {
  exchange: BinanceClient["exchange"];
  reader: VenueReader;
  now: () => Date;
}

export type RecoveredOrder = { order: Order; raw: RawCapture };

export function binanceAccountOf(m: MarketInfo): "spot" | "usdm" | "coinm" {
  return m.spot ? "spot" : m.inverse ? "coinm" : "usdm";
}

/**
 * The stored open orders the listings did not return, fetched one by one. Lazy on
 * purpose: `listed` is asked again before each request, so an order the caller has just
 * kept (a stored order named twice) is not fetched a second time.
 */
export async function* recoverStaleOrders(
  ctx: StaleOrderContext,
  stale: NonNullable<IncrementalParams["openOrders"]>,
  markets: MarketIndex | undefined,
  listed: (key: string) => boolean,
): AsyncGenerator<RecoveredOrder> {
  for (const s of stale) {
    const m = markets?.bySymbol(s.symbol);
    if (!m) continue;
    if (listed(`${binanceAccountOf(m)}:${s.venueOrderId}`)) continue;
    const found = await singleOrder(ctx, m, s.venueOrderId);
    if (found) yield found;
  }
}

async function singleOrder(ctx: StaleOrderContext, m: MarketInfo, orderId: string): Promise<RecoveredOrder | undefined> {
  const ex = ctx.exchange;
  const q = { symbol: m.id, orderId };
  const account = binanceAccountOf(m);
  const endpoint = m.spot ? "GET /api/v3/order" : m.inverse ? "GET /dapi/v1/order" : "GET /fapi/v1/order";
  const call = m.spot ? () => ex.privateGetOrder(q) : m.inverse ? () => ex.dapiPrivateGetOrder(q) : () => ex.fapiPrivateGetOrder(q);
  const body = await ctx.reader.guard(endpoint, async () => {
    try {
      return await call();
    } catch (e) {
      // Binance forgets cancelled, never-filled orders after a while (-2013): nothing to update.
      if (e instanceof OrderNotFound) return undefined;
      throw e;
    }
  });
  if (body === undefined) return undefined;
  const raw: RawCapture = { endpoint, at: ctx.now(), body };
  if (account === "spot") return { order: spotOrder(m.symbol, ctx.reader.parse(endpoint, spotOrderSchema, body), body), raw };
  return { order: futuresOrder(account, m.symbol, ctx.reader.parse(endpoint, futuresOrderSchema, body), body), raw };
}
