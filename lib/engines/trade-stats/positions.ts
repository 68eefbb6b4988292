import type { TradeFill } from "@/lib/engines/trade-stats";
import { newBook, type PositionBook } from "@/lib/engines/trade-stats/book";
import { splitSymbol } from "@/lib/engines/trade-stats/instrument";

/** One (account, symbol, strategy): its fills in time order and its position book. */
export interface PositionKey {
  symbol: string;
  strategy: string | null;
  accountUid: string | null;
  quote: string;
  baseAsset: string;
  book: PositionBook;
  /** Indices into the input fills, in time order. */
  fills: number[];
  /** Each fill's place in the global time order, to put results from all keys back in order. */
  ranks: number[];
}

const msOf = (fill: TradeFill) => (fill.executedAt instanceof Date ? fill.executedAt.getTime() : Date.parse(fill.executedAt));

/**
 * Fills sorted by time (ties keep input order; no sort when already ordered) and split per
 * position. Each position is then processed on its own, which keeps the accumulators of one
 * book hot instead of hopping between a hundred of them.
 */
export function splitByPosition(fills: TradeFill[]): { keys: PositionKey[]; times: Float64Array } {
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
      key = {
        symbol: fill.symbol,
        strategy: fill.strategy ?? null,
        accountUid: fill.accountUid ?? null,
        quote: fill.quoteCurrency ?? parsed.quote ?? fill.feeCurrency,
        baseAsset: parsed.base,
        book: newBook(),
        fills: [],
        ranks: [],
      };
      byAccount.set(fill.accountUid ?? "", key);
      keys.push(key);
    }
    key.fills.push(i);
    key.ranks.push(rank);
  }
  return { keys, times };
}
