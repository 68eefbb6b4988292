import { D, type Dec, toDecimalString } from "@/lib/money/decimal";
import type { OrderSide } from "@/lib/connectors/types";
import { createPriceBook, type PricingInput } from "@/lib/engines/pricing";
import { applyFill, type ClosedTrip, type CostMethod, openState } from "@/lib/engines/trade-stats/book";
import { feeConverter } from "@/lib/engines/trade-stats/fees";
import { type PositionKey, splitByPosition } from "@/lib/engines/trade-stats/positions";
import { SummaryAccumulator, type TradeSummary } from "@/lib/engines/trade-stats/summary";

export type { CostMethod } from "@/lib/engines/trade-stats/book";
export type { TradeSummary } from "@/lib/engines/trade-stats/summary";

/**
 * Round trips and trade statistics from fills. PnL is linear, (exit − entry) × size in the
 * instrument's quote currency, net of every fee; fees in another currency are converted
 * (the instrument's base asset at the fill price, anything else through the price book).
 * Summaries across instruments (overall, per strategy) are in the base currency.
 */
export interface TradeFill {
  symbol: string;
  side: OrderSide;
  price: string;
  quantity: string;
  /** Positive paid, negative rebate. */
  fee: string;
  feeCurrency: string;
  executedAt: Date | string;
  venueFillId?: string;
  accountUid?: string;
  strategy?: string | null;
  /** Defaults to the quote of "BASE/QUOTE[:SETTLE]", else to the fee currency (a broker's ticker). */
  quoteCurrency?: string;
}

export interface TradeStatsInput extends PricingInput {
  fills: TradeFill[];
  /** Default "fifo". */
  method?: CostMethod;
}

export interface RoundTrip {
  symbol: string;
  strategy: string | null;
  accountUid: string | null;
  side: "long" | "short";
  /** Total size entered over the round trip. */
  quantity: string;
  entryPrice: string;
  exitPrice: string;
  openedAt: string;
  closedAt: string;
  holdingMs: number;
  grossPnl: string;
  fees: string;
  netPnl: string;
  /** Quote currency of the instrument: the currency of the three PnL figures. */
  currency: string;
  /** netPnl in the base currency; null when the quote currency has no rate. */
  netPnlBase: string | null;
  fills: number;
}

export interface OpenTradePosition {
  symbol: string;
  strategy: string | null;
  accountUid: string | null;
  /** Signed: negative is short. */
  quantity: string;
  averageEntryPrice: string;
  currency: string;
  openedAt: string;
  /** Realized so far on this position's partial closes, net of fees. */
  realizedPnl: string;
}

export interface UnconvertedFee {
  symbol: string;
  venueFillId?: string;
  currency: string;
  amount: string;
}

export interface TradeStatsResult {
  method: CostMethod;
  baseCurrency: string;
  roundTrips: RoundTrip[];
  /** In the base currency. */
  overall: TradeSummary;
  /** In each instrument's quote currency. */
  bySymbol: Record<string, TradeSummary>;
  /** In the base currency; fills without a strategy are under UNTAGGED_STRATEGY. */
  byStrategy: Record<string, TradeSummary>;
  openPositions: OpenTradePosition[];
  /** Fees that could not be converted to the quote currency: listed, left out of PnL. */
  unconvertedFees: UnconvertedFee[];
  /** Quote currencies without a base rate: their trades are left out of overall and byStrategy. */
  unpricedCurrencies: string[];
}

export const UNTAGGED_STRATEGY = "untagged";

const iso = (ms: number) => new Date(ms).toISOString();
const ONE = new D(1);
const ZERO = new D(0);

export function calculateTradeStats(input: TradeStatsInput): TradeStatsResult {
  const method = input.method ?? "fifo";
  const prices = createPriceBook(input);
  const convertFee = feeConverter(prices);
  const unpriced = new Set<string>();
  const overall = new SummaryAccumulator(prices.base);
  const bySymbol = new Map<string, SummaryAccumulator>();
  const byStrategy = new Map<string, SummaryAccumulator>();
  const trips: { rank: number; trip: RoundTrip }[] = [];
  const unconverted: { rank: number; fee: UnconvertedFee }[] = [];
  const openPositions: OpenTradePosition[] = [];

  const baseRate = (currency: string): Dec | undefined => {
    if (currency === prices.base) return ONE;
    const rate = prices.rateOf(currency);
    if (!rate) unpriced.add(currency);
    return rate;
  };
  const accumulator = (map: Map<string, SummaryAccumulator>, key: string, currency: string) => {
    let acc = map.get(key);
    if (!acc) map.set(key, (acc = new SummaryAccumulator(currency)));
    return acc;
  };

  const record = (key: PositionKey, trip: ClosedTrip, rank: number) => {
    const net = trip.grossPnl.minus(trip.fees);
    const holdingMs = trip.closedMs - trip.openedMs;
    const rate = baseRate(key.quote);
    const netBase = rate ? (rate === ONE ? net : net.times(rate)) : null;
    trips.push({
      rank,
      trip: {
        symbol: key.symbol,
        strategy: key.strategy,
        accountUid: key.accountUid,
        side: trip.side === 1 ? "long" : "short",
        quantity: toDecimalString(trip.entryQty),
        entryPrice: toDecimalString(trip.entryNotional.div(trip.entryQty)),
        exitPrice: toDecimalString(trip.exitNotional.div(trip.exitQty)),
        openedAt: iso(trip.openedMs),
        closedAt: iso(trip.closedMs),
        holdingMs,
        grossPnl: toDecimalString(trip.grossPnl),
        fees: toDecimalString(trip.fees),
        netPnl: toDecimalString(net),
        currency: key.quote,
        netPnlBase: netBase ? toDecimalString(netBase) : null,
        fills: trip.fills,
      },
    });
    accumulator(bySymbol, key.symbol, key.quote).addTrip(net, trip.fees, holdingMs);
    if (netBase && rate) {
      const feesBase = rate === ONE ? trip.fees : trip.fees.times(rate);
      overall.addTrip(netBase, feesBase, holdingMs);
      accumulator(byStrategy, key.strategy ?? UNTAGGED_STRATEGY, prices.base).addTrip(netBase, feesBase, holdingMs);
    }
  };

  const { keys, times } = splitByPosition(input.fills);
  for (const key of keys) {
    for (let k = 0; k < key.fills.length; k++) {
      const fill = input.fills[key.fills[k]!]!;
      const size = new D(fill.quantity);
      if (size.isZero()) continue;
      let fee = convertFee(fill.fee, fill.feeCurrency, key.quote, key.baseAsset, fill.price);
      if (fee === null) {
        unconverted.push({
          rank: key.ranks[k]!,
          fee: { symbol: fill.symbol, venueFillId: fill.venueFillId, currency: fill.feeCurrency, amount: toDecimalString(fill.fee) },
        });
        fee = ZERO;
      }
      const direction = fill.side === "buy" ? 1 : -1;
      const trip = applyFill(key.book, method, direction, size.isNeg() ? size.negated() : size, fill.price, fee, times[key.fills[k]!]!);
      if (trip) record(key, trip, key.ranks[k]!);
    }

    const open = openState(key.book);
    const realized = open ? key.book.closedNet.plus(open.realized) : key.book.closedNet;
    accumulator(bySymbol, key.symbol, key.quote).addRealized(realized);
    const rate = baseRate(key.quote);
    if (rate) {
      const realizedBase = rate === ONE ? realized : realized.times(rate);
      overall.addRealized(realizedBase);
      accumulator(byStrategy, key.strategy ?? UNTAGGED_STRATEGY, prices.base).addRealized(realizedBase);
    }
    if (open) {
      openPositions.push({
        symbol: key.symbol,
        strategy: key.strategy,
        accountUid: key.accountUid,
        quantity: toDecimalString(open.quantity),
        averageEntryPrice: toDecimalString(open.averageEntryPrice),
        currency: key.quote,
        openedAt: iso(open.openedMs),
        realizedPnl: toDecimalString(open.realized),
      });
    }
  }

  const finish = (map: Map<string, SummaryAccumulator>) =>
    Object.fromEntries([...map.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([k, acc]) => [k, acc.result()]));

  return {
    method,
    baseCurrency: prices.base,
    // Round trips in the order they closed, across all positions.
    roundTrips: trips.sort((a, b) => a.rank - b.rank).map((t) => t.trip),
    overall: overall.result(),
    bySymbol: finish(bySymbol),
    byStrategy: finish(byStrategy),
    openPositions,
    unconvertedFees: unconverted.sort((a, b) => a.rank - b.rank).map((u) => u.fee),
    unpricedCurrencies: [...unpriced].sort(),
  };
}
