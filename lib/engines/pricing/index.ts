import { D, type Dec, toDecimalString } from "@/lib/money/decimal";

/**
 * Converts any asset into one base currency from the prices the caller supplies.
 *
 * Three sources, tried in this order:
 *   1. `prices`: asset → price of one unit in the base currency.
 *   2. `fxRates`: currency → value of one unit in the base currency (same meaning as
 *      `prices`; kept apart because callers load them from a different table).
 *   3. `quotes`: pairs as venues quote them (BTC in USDT, USDT in USD). A chain of
 *      quotes is followed, in either direction, to an asset whose base value is known.
 *
 * Nothing is assumed: a stablecoin without a quote is unpriced, never 1.
 */
export interface PriceQuote {
  base: string;
  quote: string;
  /** Price of one `base` in `quote`. */
  price: string;
}

export interface PricingInput {
  baseCurrency?: string;
  prices?: Record<string, string>;
  fxRates?: Record<string, string>;
  quotes?: PriceQuote[];
}

export interface PriceBook {
  readonly base: string;
  /** Value of one unit of `asset` in the base currency, or undefined when unpriced. */
  rateOf(asset: string): Dec | undefined;
}

interface Edge {
  to: string;
  /** Multiply a value in the edge's source asset by this to express it in `to`. */
  factor: Dec;
}

const ONE = new D(1);

export function createPriceBook(input: PricingInput): PriceBook {
  const base = input.baseCurrency ?? "USD";
  const direct = new Map<string, Dec>();
  direct.set(base, ONE);
  for (const [asset, rate] of Object.entries(input.fxRates ?? {})) {
    if (asset !== base) direct.set(asset, new D(rate));
  }
  // Later assignment wins, so an explicit price beats an FX rate for the same asset.
  for (const [asset, price] of Object.entries(input.prices ?? {})) {
    if (asset !== base) direct.set(asset, new D(price));
  }

  const edges = new Map<string, Edge[]>();
  const addEdge = (from: string, edge: Edge) => {
    const list = edges.get(from);
    if (list) list.push(edge);
    else edges.set(from, [edge]);
  };
  for (const q of input.quotes ?? []) {
    const price = new D(q.price);
    if (price.isZero() || q.base === q.quote) continue;
    addEdge(q.base, { to: q.quote, factor: price });
    addEdge(q.quote, { to: q.base, factor: ONE.div(price) });
  }

  const cache = new Map<string, Dec | undefined>();

  // Breadth-first: the shortest chain of quotes wins, so a direct BTC/USD quote is
  // preferred over BTC/ETH × ETH/USD.
  const resolve = (asset: string): Dec | undefined => {
    const known = direct.get(asset);
    if (known) return known;
    const seen = new Set([asset]);
    let frontier: { asset: string; factor: Dec }[] = [{ asset, factor: ONE }];
    while (frontier.length > 0) {
      const next: { asset: string; factor: Dec }[] = [];
      for (const node of frontier) {
        for (const edge of edges.get(node.asset) ?? []) {
          if (seen.has(edge.to)) continue;
          seen.add(edge.to);
          const factor = node.factor.times(edge.factor);
          const target = direct.get(edge.to);
          if (target) return factor.times(target);
          next.push({ asset: edge.to, factor });
        }
      }
      frontier = next;
    }
    return undefined;
  };

  return {
    base,
    rateOf(asset: string) {
      if (cache.has(asset)) return cache.get(asset);
      const rate = resolve(asset);
      cache.set(asset, rate);
      return rate;
    },
  };
}

/**
 * The base-currency price of every asset the quotes name as their base, by the price
 * book's rule (the shortest chain of quotes, in either direction). Sync and backfill value
 * snapshots with this, so the stored snapshots and the engines price alike.
 */
export function pricesInBase(quotes: readonly PriceQuote[], base: string): Record<string, string> {
  const book = createPriceBook({ baseCurrency: base, quotes: [...quotes] });
  const out: Record<string, string> = {};
  for (const q of quotes) {
    if (q.base === base || out[q.base] !== undefined) continue;
    const rate = book.rateOf(q.base);
    if (rate) out[q.base] = toDecimalString(rate);
  }
  return out;
}
