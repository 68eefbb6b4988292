import type { TradeFill } from "@/lib/engines/trade-stats/fill";
import { type ClosedTrip, newBook, type PositionBook } from "@/lib/engines/trade-stats/book";
import { type Contract, contractOf } from "@/lib/engines/trade-stats/contract";
import { checked, type InstrumentDescriptor, type InstrumentResolution, resolveInstrument, splitSymbol } from "@/lib/engines/trade-stats/instrument";

/** One (account, symbol, strategy): its position book and the round trips it closed. */
export interface PositionKey {
  symbol: string;
  strategy: string | null;
  accountUid: string | null;
  /** The currency the key's PnL and fees are in: the quote (linear) or the settlement coin (inverse). */
  quote: string;
  baseAsset: string;
  /** The quote of the symbol as priced ("USD" of BTC/USD:BTC); the same as `quote` for linear. */
  priceCurrency: string;
  /** How PnL is computed, or why it cannot be: the key's fills are then left out. */
  instrument: InstrumentResolution;
  /** The instrument as the book reads it; null when it is refused. */
  contract: Contract | null;
  book: PositionBook;
  /**
   * Round trips the book closed, in order, each with the closing fill's place in the global
   * time order (its rank), to put results from all keys back in order.
   */
  closed: { rank: number; trip: ClosedTrip }[];
}

const msOf = (fill: TradeFill) => (fill.executedAt instanceof Date ? fill.executedAt.getTime() : Date.parse(fill.executedAt));

/**
 * Fills sorted by time (ties keep input order; no sort when already ordered): `order` holds
 * the input index of each rank, `keyOf` the position of each rank. Keys are listed in the
 * order of their first fill.
 */
export function splitByPosition(
  fills: TradeFill[],
  instruments: Readonly<Record<string, InstrumentDescriptor>> = {},
): { keys: PositionKey[]; order: number[]; keyOf: PositionKey[]; times: Float64Array } {
  const times = new Float64Array(fills.length);
  const order = new Array<number>(fills.length);
  let sorted = true;
  for (let i = 0; i < fills.length; i++) {
    times[i] = msOf(fills[i]!);
    if (Number.isNaN(times[i])) throw new RangeError(`fill ${i} has an invalid executedAt`);
    order[i] = i;
    if (i > 0 && times[i]! < times[i - 1]!) sorted = false;
  }
  if (!sorted) order.sort((a, b) => times[a]! - times[b]! || a - b);

  const keys: PositionKey[] = [];
  const keyOf = new Array<PositionKey>(order.length);
  // Nested maps rather than a concatenated key: no string is built per fill.
  const index = new Map<string, Map<string, Map<string, PositionKey>>>();
  for (let rank = 0; rank < order.length; rank++) {
    const i = order[rank]!;
    const fill = fills[i]!;
    let byStrategy = index.get(fill.symbol);
    if (!byStrategy) index.set(fill.symbol, (byStrategy = new Map()));
    let byAccount = byStrategy.get(fill.strategy ?? "");
    if (!byAccount) byStrategy.set(fill.strategy ?? "", (byAccount = new Map()));
    let key = byAccount.get(fill.accountUid ?? "");
    if (!key) {
      const parsed = splitSymbol(fill.symbol);
      const priceCurrency = fill.quoteCurrency ?? parsed.quote ?? fill.feeCurrency;
      const given = instruments[fill.symbol];
      const instrument = given ? checked(fill.symbol, given, priceCurrency) : resolveInstrument(fill.symbol, { currency: priceCurrency });
      key = {
        symbol: fill.symbol,
        strategy: fill.strategy ?? null,
        accountUid: fill.accountUid ?? null,
        quote: instrument.ok ? instrument.instrument.settleCurrency : priceCurrency,
        baseAsset: parsed.base,
        // A linear instrument is priced in the currency it settles in (checked, when the symbol names one).
        priceCurrency: instrument.ok && instrument.instrument.kind === "linear" ? instrument.instrument.settleCurrency : priceCurrency,
        instrument,
        contract: contractOf(instrument),
        book: newBook(),
        closed: [],
      };
      byAccount.set(fill.accountUid ?? "", key);
      keys.push(key);
    }
    keyOf[rank] = key;
  }
  return { keys, order, keyOf, times };
}
