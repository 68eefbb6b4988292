import { D, toDecimalString } from "@/lib/money/decimal";
import type { Fill, Order, OrderStatus } from "../types";
import { demoMid, MARKET_EPOCH } from "./market";
import { uniform } from "./random";

/**
 * Demo trading: three market-making bots, each trading in pairs (a buy, then a sell of
 * exactly what the buy filled), one pair every 6 hours, phase-shifted by 2 hours per bot;
 * plus a weekly resting DCA bid that never fills and is cancelled at the week's end.
 *
 * Every order's whole life (placement, amendment, partial fills, cancellation) is fixed
 * at placement by keyed hashes, so the state of any order at any time is computed
 * directly, and the order book "moves" as time passes.
 */
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const PAIR_PERIOD = 6 * HOUR;
const SELL_DELAY = 2 * HOUR + 15 * MINUTE;
const TRANCHE_OFFSETS = [20 * MINUTE, 50 * MINUTE, 110 * MINUTE];
const AMEND_AT = 10 * MINUTE;
const CANCEL_AT = 35 * MINUTE;
const FEE_RATE = "0.001";
const WEEK = 7 * 24 * HOUR;

export const DEMO_SPOT_ACCOUNT = "demo-spot";

interface Bot {
  id: number;
  strategy: string;
  base: string;
  symbol: string;
  /** Range of the buy size, in base units. */
  minQty: number;
  maxQty: number;
  qtyDecimals: number;
  priceDecimals: number;
}

export const BOTS: Bot[] = [
  { id: 0, strategy: "mm-btc", base: "BTC", symbol: "BTC/USDT", minQty: 0.02, maxQty: 0.12, qtyDecimals: 4, priceDecimals: 2 },
  { id: 1, strategy: "mm-eth", base: "ETH", symbol: "ETH/USDT", minQty: 0.4, maxQty: 2.5, qtyDecimals: 3, priceDecimals: 2 },
  { id: 2, strategy: "mm-sol", base: "SOL", symbol: "SOL/USDT", minQty: 8, maxQty: 40, qtyDecimals: 1, priceDecimals: 3 },
];

interface Tranche {
  at: number;
  quantity: string;
}

/** The whole, predetermined life of one order. */
interface OrderPlan {
  id: string;
  clientOrderId: string;
  symbol: string;
  side: "buy" | "sell";
  placedAt: number;
  price: string;
  initialQuantity: string;
  finalQuantity: string;
  amendedAt?: number;
  cancelledAt?: number;
  tranches: Tranche[];
  liquidity: "maker" | "taker";
}

function roundTo(value: number, decimals: number): string {
  return value.toFixed(decimals);
}

function splitQuantity(total: string, parts: number, decimals: number): string[] {
  const t = new D(total);
  const each = t.div(parts).toDecimalPlaces(decimals, D.ROUND_DOWN);
  const out = Array.from({ length: parts - 1 }, () => each);
  out.push(t.minus(each.times(parts - 1)));
  return out.map((q) => toDecimalString(q));
}

function buyPlan(seed: number, bot: Bot, pair: number): OrderPlan {
  const placedAt = MARKET_EPOCH + pair * PAIR_PERIOD + bot.id * 2 * HOUR + Math.floor(uniform(seed, bot.id, pair, 1) * 30) * MINUTE;
  const qty = bot.minQty + (bot.maxQty - bot.minQty) * uniform(seed, bot.id, pair, 2);
  const initialQuantity = roundTo(qty, bot.qtyDecimals);
  const amended = uniform(seed, bot.id, pair, 3) < 0.12;
  const finalQuantity = amended ? toDecimalString(new D(initialQuantity).times("1.5").toDecimalPlaces(bot.qtyDecimals)) : initialQuantity;
  const trancheCount = 1 + Math.floor(uniform(seed, bot.id, pair, 4) * 3);
  const cancelled = trancheCount >= 2 && uniform(seed, bot.id, pair, 5) < 0.2;
  const mid = demoMid(seed, bot.base, placedAt);
  const price = roundTo(mid * 0.999, bot.priceDecimals);
  const quantities = splitQuantity(finalQuantity, trancheCount, bot.qtyDecimals);
  let tranches = quantities.map((q, i) => ({ at: placedAt + TRANCHE_OFFSETS[i]!, quantity: q }));
  if (cancelled) tranches = tranches.filter((t) => t.at < placedAt + CANCEL_AT);
  return {
    id: `${bot.strategy}-${pair}-b`,
    clientOrderId: `${bot.strategy}:${pair}b`,
    symbol: bot.symbol,
    side: "buy",
    placedAt,
    price,
    initialQuantity,
    finalQuantity,
    amendedAt: amended ? placedAt + AMEND_AT : undefined,
    cancelledAt: cancelled ? placedAt + CANCEL_AT : undefined,
    tranches,
    liquidity: "maker",
  };
}

function sellPlan(seed: number, bot: Bot, pair: number, buy: OrderPlan): OrderPlan {
  const placedAt = buy.placedAt + SELL_DELAY;
  const quantity = toDecimalString(buy.tranches.reduce((s, t) => s.plus(t.quantity), new D(0)));
  const trancheCount = 1 + Math.floor(uniform(seed, bot.id, pair, 6) * 3);
  const mid = demoMid(seed, bot.base, placedAt);
  return {
    id: `${bot.strategy}-${pair}-s`,
    clientOrderId: `${bot.strategy}:${pair}s`,
    symbol: bot.symbol,
    side: "sell",
    placedAt,
    price: roundTo(mid * 1.001, bot.priceDecimals),
    initialQuantity: quantity,
    finalQuantity: quantity,
    tranches: splitQuantity(quantity, trancheCount, bot.qtyDecimals).map((q, i) => ({ at: placedAt + TRANCHE_OFFSETS[i]!, quantity: q })),
    liquidity: uniform(seed, bot.id, pair, 7) < 0.7 ? "maker" : "taker",
  };
}

function dcaPlan(seed: number, week: number): OrderPlan {
  const placedAt = MARKET_EPOCH + week * WEEK + 5 * MINUTE;
  const mid = demoMid(seed, "BTC", placedAt);
  return {
    id: `dca-btc-${week}`,
    clientOrderId: `dca-btc:${week}`,
    symbol: "BTC/USDT",
    side: "buy",
    placedAt,
    price: roundTo(mid * 0.8, 2),
    initialQuantity: "0.05",
    finalQuantity: "0.05",
    cancelledAt: placedAt + WEEK - 10 * MINUTE,
    tranches: [],
    liquidity: "maker",
  };
}

/** All order plans placed in [fromMs, toMs]. */
function plansPlacedBetween(seed: number, fromMs: number, toMs: number): OrderPlan[] {
  const plans: OrderPlan[] = [];
  // A pair starts up to ~4.5 h before its sell is placed; widen the scan to catch it.
  const firstPair = Math.max(0, Math.floor((fromMs - MARKET_EPOCH - 12 * HOUR) / PAIR_PERIOD));
  const lastPair = Math.floor((toMs - MARKET_EPOCH) / PAIR_PERIOD);
  for (const bot of BOTS) {
    for (let pair = firstPair; pair <= lastPair; pair++) {
      const buy = buyPlan(seed, bot, pair);
      const sell = sellPlan(seed, bot, pair, buy);
      for (const p of [buy, sell]) if (p.placedAt >= fromMs && p.placedAt <= toMs) plans.push(p);
    }
  }
  const firstWeek = Math.max(0, Math.floor((fromMs - MARKET_EPOCH) / WEEK) - 1);
  for (let w = firstWeek; w <= Math.floor((toMs - MARKET_EPOCH) / WEEK); w++) {
    const p = dcaPlan(seed, w);
    if (p.placedAt >= fromMs && p.placedAt <= toMs) plans.push(p);
  }
  return plans.sort((a, b) => a.placedAt - b.placedAt || a.id.localeCompare(b.id));
}

function lastChangeAt(plan: OrderPlan, now: number): number {
  const times = [plan.placedAt, plan.amendedAt, plan.cancelledAt, ...plan.tranches.map((t) => t.at)];
  return Math.max(...times.filter((t): t is number => t !== undefined && t <= now));
}

function orderAt(plan: OrderPlan, now: number): Order {
  const done = plan.tranches.filter((t) => t.at <= now);
  const filled = done.reduce((s, t) => s.plus(t.quantity), new D(0));
  const quantity = plan.amendedAt !== undefined && plan.amendedAt <= now ? plan.finalQuantity : plan.initialQuantity;
  let status: OrderStatus = filled.isZero() ? "open" : "partially_filled";
  if (plan.cancelledAt !== undefined && plan.cancelledAt <= now) status = "cancelled";
  else if (filled.gte(quantity)) status = "filled";
  const order: Order = {
    accountUid: DEMO_SPOT_ACCOUNT,
    venueOrderId: plan.id,
    clientOrderId: plan.clientOrderId,
    symbol: plan.symbol,
    side: plan.side,
    type: "limit",
    status,
    price: plan.price,
    quantity,
    filledQuantity: toDecimalString(filled),
    averagePrice: filled.isZero() ? undefined : plan.price,
    createdAt: new Date(plan.placedAt),
    updatedAt: new Date(lastChangeAt(plan, now)),
    raw: null,
  };
  order.raw = { ...order, createdAt: plan.placedAt, updatedAt: lastChangeAt(plan, now), raw: undefined };
  return order;
}

const isClosed = (o: Order) => o.status === "filled" || o.status === "cancelled";

/** Orders open at `now`, plus orders that changed in [sinceMs, now]. */
export function demoOrders(seed: number, sinceMs: number, now: number): Order[] {
  // Orders live at most a week (the DCA bid); scanning a day beyond that finds every
  // order that is open now or changed since `sinceMs`.
  const plans = plansPlacedBetween(seed, Math.min(sinceMs, now - WEEK - 24 * HOUR), now);
  return plans
    .map((p) => orderAt(p, now))
    .filter((o) => !isClosed(o) || o.updatedAt.getTime() >= sinceMs);
}

/** Fills executed in [sinceMs, now]. */
export function demoFills(seed: number, sinceMs: number, now: number): Fill[] {
  const plans = plansPlacedBetween(seed, sinceMs - 3 * HOUR, now);
  const fills: Fill[] = [];
  for (const plan of plans) {
    plan.tranches.forEach((t, i) => {
      if (t.at < sinceMs || t.at > now) return;
      const notional = new D(t.quantity).times(plan.price);
      const fill: Fill = {
        accountUid: DEMO_SPOT_ACCOUNT,
        venueFillId: `${plan.id}-${i}`,
        venueOrderId: plan.id,
        clientOrderId: plan.clientOrderId,
        symbol: plan.symbol,
        side: plan.side,
        price: plan.price,
        quantity: t.quantity,
        fee: toDecimalString(notional.times(FEE_RATE).toDecimalPlaces(8)),
        feeCurrency: "USDT",
        liquidity: plan.liquidity,
        executedAt: new Date(t.at),
        raw: null,
      };
      fill.raw = { ...fill, executedAt: t.at, raw: undefined };
      fills.push(fill);
    });
  }
  return fills.sort((a, b) => a.executedAt.getTime() - b.executedAt.getTime() || a.venueFillId.localeCompare(b.venueFillId));
}

/**
 * Net balance change from pairs still in flight at `now`. A completed pair nets to zero
 * in the base asset by construction; its small quote-currency result is not carried
 * forward, which keeps balances a direct function of time.
 */
export function inFlightBalanceDeltas(seed: number, now: number): Map<string, InstanceType<typeof D>> {
  const deltas = new Map<string, InstanceType<typeof D>>();
  const add = (asset: string, v: InstanceType<typeof D>) => deltas.set(asset, (deltas.get(asset) ?? new D(0)).plus(v));
  const pair = Math.floor((now - MARKET_EPOCH) / PAIR_PERIOD);
  for (const bot of BOTS) {
    for (const p of [pair - 1, pair]) {
      if (p < 0) continue;
      const buy = buyPlan(seed, bot, p);
      const sell = sellPlan(seed, bot, p, buy);
      const sellDone = sell.tranches.every((t) => t.at <= now);
      if (sellDone) continue;
      for (const plan of [buy, sell]) {
        for (const t of plan.tranches) {
          if (t.at > now) continue;
          const qty = new D(t.quantity);
          const notional = qty.times(plan.price);
          const fee = notional.times(FEE_RATE).toDecimalPlaces(8);
          add(bot.base, plan.side === "buy" ? qty : qty.neg());
          add("USDT", (plan.side === "buy" ? notional.neg() : notional).minus(fee));
        }
      }
    }
  }
  return deltas;
}

/**
 * The instants at which the latest amended buy, whose life ended at or before `beforeMs`,
 * changed: placed, amended, each fill, and its cancellation if any. A sync just after each
 * instant records that order as the venue showed it in between (placed → quantity added →
 * partly filled → done), which is what the audit trail looks like on a live venue.
 * Null when no amended buy ended in the fortnight before `beforeMs`.
 */
export function demoAmendedOrderLife(seed: number, beforeMs: number): number[] | null {
  const lastPair = Math.floor((beforeMs - MARKET_EPOCH) / PAIR_PERIOD);
  let best: OrderPlan | null = null;
  let bestEnd = -Infinity;
  for (let pair = lastPair; pair >= Math.max(0, lastPair - 4 * 14); pair--) {
    for (const bot of BOTS) {
      const buy = buyPlan(seed, bot, pair);
      if (buy.amendedAt === undefined) continue;
      const changes = [buy.placedAt, buy.amendedAt, ...buy.tranches.map((t) => t.at), ...(buy.cancelledAt === undefined ? [] : [buy.cancelledAt])];
      const end = Math.max(...changes);
      if (end <= beforeMs && end > bestEnd) {
        best = buy;
        bestEnd = end;
      }
    }
    // A pair's buy ends within 2 h of its period's start: an older pair cannot end later.
    if (best && bestEnd > MARKET_EPOCH + pair * PAIR_PERIOD + 8 * HOUR) break;
  }
  if (!best) return null;
  const times = [best.placedAt, best.amendedAt!, ...best.tranches.map((t) => t.at), ...(best.cancelledAt === undefined ? [] : [best.cancelledAt])];
  return [...new Set(times)].sort((a, b) => a - b);
}
