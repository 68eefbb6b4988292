import { type Amount, amount, amountToString, div, fromDecimal, isNeg, isZero, minus, negated, plus, times, ZERO_AMOUNT as ZERO } from "@/lib/money/amount";
import { createPriceBook, type PricingInput } from "@/lib/engines/pricing";
import { applyFill, type ClosedTrip, type CostMethod, openState } from "@/lib/engines/trade-stats/book";
import { bookPrice, venuePrice, venuePriceOf } from "@/lib/engines/trade-stats/contract";
import { feeConverter } from "@/lib/engines/trade-stats/fees";
import { type PositionKey, splitByPosition } from "@/lib/engines/trade-stats/positions";
import { SummaryAccumulator, type TradeSummary } from "@/lib/engines/trade-stats/summary";

import type { TradeFill } from "@/lib/engines/trade-stats/fill";
import type { InstrumentDescriptor } from "@/lib/engines/trade-stats/instrument";

export type { CostMethod } from "@/lib/engines/trade-stats/book";
export type { TradeFill } from "@/lib/engines/trade-stats/fill";
export type { TradeSummary } from "@/lib/engines/trade-stats/summary";

/** Statistics of the round trips closed between two runs over prefixes of the same fills (SummaryAccumulator.between). */
export const summaryBetween = (later: TradeSummary, earlier: TradeSummary | undefined): TradeSummary => SummaryAccumulator.between(later, earlier);
export type { InstrumentDescriptor, InstrumentResolution } from "@/lib/engines/trade-stats/instrument";
export { resolveInstrument, resolveInstruments } from "@/lib/engines/trade-stats/instrument";

/**
 * Round trips and trade statistics from fills, net of every fee. A linear instrument's PnL
 * is (exit − entry) × size × contract size in its quote currency; an inverse contract's is
 * contracts × contract size × (1/entry − 1/exit) for a long (the opposite for a short) in
 * its settlement coin (contract.ts). Fees in another currency are converted (the base asset
 * at the fill price; for inverse, the quote currency at the fill price; anything else
 * through the price book). Summaries across instruments (overall, per strategy) are in the
 * base currency; per settlement currency they are unconverted.
 */
export interface TradeStatsInput extends PricingInput {
  fills: TradeFill[];
  /** Default "fifo". */
  method?: CostMethod;
  /**
   * Per symbol, from the caller (resolveInstruments). A symbol without one is resolved from
   * its unified name: linear with contract size 1, or, for an inverse symbol (BTC/USD:BTC),
   * refused for want of a contract size and listed in `unpricedSymbols`.
   */
  instruments?: Readonly<Record<string, InstrumentDescriptor>>;
  /**
   * A cut in time (ms): the result also carries `beforeCut`, the summaries a run over only the
   * fills executed before it would give, from the same single pass — a range's figures are
   * then summaryBetween(result, beforeCut) without running the book twice.
   */
  cutMs?: number;
}

/** The summaries of a run over the fills before `cutMs` (TradeStatsInput.cutMs). */
export interface SummariesBeforeCut {
  overall: TradeSummary;
  bySymbol: Record<string, TradeSummary>;
  byStrategy: Record<string, TradeSummary>;
  bySettlement: Record<string, TradeSummary>;
}

export interface RoundTrip {
  symbol: string;
  strategy: string | null;
  accountUid: string | null;
  side: "long" | "short";
  /** "inverse": quantity in contracts, PnL in the settlement coin (docs/metrics.md). */
  kind: "linear" | "inverse";
  /** Total size entered over the round trip, as the fills count it (contracts for inverse). */
  quantity: string;
  /** Quantity-weighted means for linear; harmonic means for inverse, as the venues state them. */
  entryPrice: string;
  exitPrice: string;
  /** Currency of the two prices: the quote ("USD" of BTC/USD:BTC). */
  priceCurrency: string;
  openedAt: string;
  closedAt: string;
  holdingMs: number;
  grossPnl: string;
  fees: string;
  netPnl: string;
  /** Quote currency of a linear instrument, settlement coin of an inverse one: the currency of the three PnL figures. */
  currency: string;
  /** netPnl in the base currency; null when the quote currency has no rate. */
  netPnlBase: string | null;
  fills: number;
}

export interface OpenTradePosition {
  symbol: string;
  strategy: string | null;
  accountUid: string | null;
  kind: "linear" | "inverse";
  /** Signed: negative is short. Contracts for inverse. */
  quantity: string;
  averageEntryPrice: string;
  /** Currency of averageEntryPrice. */
  priceCurrency: string;
  /** Currency of realizedPnl: the quote for linear, the settlement coin for inverse. */
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
  /** Per settlement (PnL) currency, unconverted: BTC-settled and USDT-settled trades are never added together. */
  bySettlement: Record<string, TradeSummary>;
  /** Symbols whose PnL cannot be computed (an inverse contract of unknown size): their fills are left out of every figure. */
  unpricedSymbols: UnpricedSymbol[];
  /** Only with `cutMs`. */
  beforeCut?: SummariesBeforeCut;
}

export interface UnpricedSymbol {
  symbol: string;
  reason: string;
  /** Fills left out. */
  fills: number;
}

export const UNTAGGED_STRATEGY = "untagged";

const iso = (ms: number) => new Date(ms).toISOString();
/** The base currency's own rate: amounts in it are taken as they are, not multiplied by 1. */
const ONE: Amount = amount("1");

export function calculateTradeStats(input: TradeStatsInput): TradeStatsResult {
  const method = input.method ?? "fifo";
  const prices = createPriceBook(input);
  const convertFee = feeConverter(prices);
  const unpriced = new Set<string>();
  const overall = new SummaryAccumulator(prices.base);
  const bySymbol = new Map<string, SummaryAccumulator>();
  const byStrategy = new Map<string, SummaryAccumulator>();
  const bySettlement = new Map<string, SummaryAccumulator>();
  const refused = new Map<string, UnpricedSymbol>();
  const trips: { rank: number; trip: RoundTrip }[] = [];
  const unconverted: { rank: number; fee: UnconvertedFee }[] = [];
  const openPositions: OpenTradePosition[] = [];

  const rates = new Map<string, Amount | undefined>();
  const baseRate = (currency: string): Amount | undefined => {
    if (currency === prices.base) return ONE;
    if (rates.has(currency)) return rates.get(currency);
    const rate = prices.rateOf(currency);
    if (!rate) unpriced.add(currency);
    const converted = rate ? fromDecimal(rate) : undefined;
    rates.set(currency, converted);
    return converted;
  };
  const accumulator = (map: Map<string, SummaryAccumulator>, key: string, currency: string) => {
    let acc = map.get(key);
    if (!acc) map.set(key, (acc = new SummaryAccumulator(currency)));
    return acc;
  };
  // What a run over the fills before the cut would sum: its trips are those closed before it,
  // and each position's realised PnL is the book's as it stood at its first fill on or after it.
  const cutMs = input.cutMs;
  const before = cutMs === undefined ? null : { overall: new SummaryAccumulator(prices.base), bySymbol: new Map<string, SummaryAccumulator>(), byStrategy: new Map<string, SummaryAccumulator>(), bySettlement: new Map<string, SummaryAccumulator>() };
  const realizedAtCut = new Map<PositionKey, Amount>();
  // A position with no fill before the cut is not in that run at all.
  const seenBeforeCut = new Set<PositionKey>();
  const realizedOf = (book: PositionKey["book"]) => {
    const open = openState(book);
    return open ? plus(book.closedNet, open.realized) : book.closedNet;
  };
  const addSummaries = (
    to: { overall: SummaryAccumulator; bySymbol: Map<string, SummaryAccumulator>; byStrategy: Map<string, SummaryAccumulator>; bySettlement: Map<string, SummaryAccumulator> },
    key: PositionKey,
    add: (acc: SummaryAccumulator, inBase: (a: Amount) => Amount) => void,
  ) => {
    const same = (a: Amount) => a;
    add(accumulator(to.bySymbol, key.symbol, key.quote), same);
    add(accumulator(to.bySettlement, key.quote, key.quote), same);
    const rate = baseRate(key.quote);
    if (rate) {
      const inBase = (a: Amount) => (rate === ONE ? a : times(a, rate));
      add(to.overall, inBase);
      add(accumulator(to.byStrategy, key.strategy ?? UNTAGGED_STRATEGY, prices.base), inBase);
    }
  };

  const record = (key: PositionKey, trip: ClosedTrip, rank: number) => {
    const contract = key.contract!;
    const net = minus(trip.grossPnl, trip.fees);
    const holdingMs = trip.closedMs - trip.openedMs;
    const rate = baseRate(key.quote);
    const netBase = rate ? (rate === ONE ? net : times(net, rate)) : null;
    trips.push({
      rank,
      trip: {
        symbol: key.symbol,
        strategy: key.strategy,
        accountUid: key.accountUid,
        // An inverse contract sits in the book with its direction reversed (contract.ts).
        side: (trip.side === 1) !== contract.inverse ? "long" : "short",
        kind: contract.inverse ? "inverse" : "linear",
        quantity: amountToString(trip.entryQty),
        entryPrice: amountToString(venuePrice(contract, trip.entryNotional, trip.entryQty)),
        exitPrice: amountToString(venuePrice(contract, trip.exitNotional, trip.exitQty)),
        priceCurrency: key.priceCurrency,
        openedAt: iso(trip.openedMs),
        closedAt: iso(trip.closedMs),
        holdingMs,
        grossPnl: amountToString(trip.grossPnl),
        fees: amountToString(trip.fees),
        netPnl: amountToString(net),
        currency: key.quote,
        netPnlBase: netBase ? amountToString(netBase) : null,
        fills: trip.fills,
      },
    });
    accumulator(bySymbol, key.symbol, key.quote).addTrip(net, trip.fees, holdingMs);
    accumulator(bySettlement, key.quote, key.quote).addTrip(net, trip.fees, holdingMs);
    if (netBase && rate) {
      const feesBase = rate === ONE ? trip.fees : times(trip.fees, rate);
      overall.addTrip(netBase, feesBase, holdingMs);
      accumulator(byStrategy, key.strategy ?? UNTAGGED_STRATEGY, prices.base).addTrip(netBase, feesBase, holdingMs);
    }
    if (before && trip.closedMs < cutMs!) addSummaries(before, key, (acc, inBase) => acc.addTrip(inBase(net), inBase(trip.fees), holdingMs));
  };

  // Fills are read in time order, the order they sit in memory: hopping from key to key
  // through the input costs a cache miss per fill. Each key's round trips are recorded
  // afterwards, key by key, so that every sum is taken in the same order as ever.
  const { keys, order, keyOf, times: fillMs } = splitByPosition(input.fills, input.instruments);
  for (let rank = 0; rank < order.length; rank++) {
    const i = order[rank]!;
    const fill = input.fills[i]!;
    const key = keyOf[rank]!;
    const contract = key.contract;
    if (!contract) {
      if (!key.instrument.ok) {
        const r = refused.get(key.symbol);
        if (r) r.fills++;
        else refused.set(key.symbol, { symbol: key.symbol, reason: key.instrument.reason, fills: 1 });
      }
      continue;
    }
    if (before) {
      if (fillMs[i]! < cutMs!) seenBeforeCut.add(key);
      else if (!realizedAtCut.has(key)) realizedAtCut.set(key, realizedOf(key.book));
    }
    const size = amount(fill.quantity);
    if (isZero(size)) continue;
    // Each amount is read once here; the book works on the parsed values.
    const feeAmount = amount(fill.fee);
    const price = amount(fill.price);
    // An inverse contract's fee in its quote currency (USD) is worth fee / price in the coin.
    let fee =
      contract.inverse && fill.feeCurrency === key.priceCurrency && fill.feeCurrency !== key.quote
        ? div(feeAmount, price)
        : convertFee(feeAmount, fill.feeCurrency, key.quote, key.baseAsset, price);
    if (fee === null) {
      unconverted.push({
        rank,
        fee: { symbol: fill.symbol, venueFillId: fill.venueFillId, currency: fill.feeCurrency, amount: amountToString(feeAmount) },
      });
      fee = ZERO;
    }
    const direction = (fill.side === "buy") !== contract.inverse ? 1 : -1;
    const trip = applyFill(key.book, method, direction, isNeg(size) ? negated(size) : size, bookPrice(contract, price, i), fee, fillMs[i]!);
    if (trip) key.closed.push({ rank, trip });
  }

  for (const key of keys) {
    const contract = key.contract;
    if (!contract) continue;
    for (const { rank, trip } of key.closed) record(key, trip, rank);
    const open = openState(key.book);
    const realized = open ? plus(key.book.closedNet, open.realized) : key.book.closedNet;
    if (before && seenBeforeCut.has(key)) {
      const atCut = realizedAtCut.get(key) ?? realized;
      addSummaries(before, key, (acc, inBase) => acc.addRealized(inBase(atCut)));
    }
    accumulator(bySymbol, key.symbol, key.quote).addRealized(realized);
    accumulator(bySettlement, key.quote, key.quote).addRealized(realized);
    const rate = baseRate(key.quote);
    if (rate) {
      const realizedBase = rate === ONE ? realized : times(realized, rate);
      overall.addRealized(realizedBase);
      accumulator(byStrategy, key.strategy ?? UNTAGGED_STRATEGY, prices.base).addRealized(realizedBase);
    }
    if (open) {
      openPositions.push({
        symbol: key.symbol,
        strategy: key.strategy,
        accountUid: key.accountUid,
        kind: contract.inverse ? "inverse" : "linear",
        quantity: amountToString(contract.inverse ? negated(open.quantity) : open.quantity),
        averageEntryPrice: amountToString(venuePriceOf(contract, open.averageEntryPrice)),
        priceCurrency: key.priceCurrency,
        currency: key.quote,
        openedAt: iso(open.openedMs),
        realizedPnl: amountToString(open.realized),
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
    bySettlement: finish(bySettlement),
    unpricedSymbols: [...refused.values()].sort((a, b) => a.symbol.localeCompare(b.symbol)),
    ...(before && {
      beforeCut: { overall: before.overall.result(), bySymbol: finish(before.bySymbol), byStrategy: finish(before.byStrategy), bySettlement: finish(before.bySettlement) },
    }),
  };
}
