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
  /** The quote's price: multiply by it going base → quote, divide by it going back. */
  price: Dec;
  inverse: boolean;
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
    addEdge(q.base, { to: q.quote, price, inverse: false });
    addEdge(q.quote, { to: q.base, price, inverse: true });
  }

  const cache = new Map<string, Dec | undefined>();
  // Per asset, its first edge (in quote order) to something already in base terms. The set
  // of such assets never changes, so this is found once per asset, not once per lookup.
  const firstDirect = new Map<string, Edge | null>();
  const directEdgeOf = (asset: string): Edge | null => {
    let found = firstDirect.get(asset);
    if (found === undefined) {
      found = (edges.get(asset) ?? []).find((e) => direct.has(e.to)) ?? null;
      firstDirect.set(asset, found);
    }
    return found;
  };

  // Breadth-first: the shortest chain of quotes wins (a direct BTC/USD quote beats
  // BTC/ETH × ETH/USD); among chains of one length, the first in quote order. Only the
  // chain found is multiplied out, so a venue quoting 500 pairs against USDT costs 500
  // steps, not 500².
  const resolve = (asset: string): Dec | undefined => {
    const known = direct.get(asset);
    if (known) return known;
    const via = new Map<string, { from: string; edge: Edge }>();
    const seen = new Set([asset]);
    let frontier = [asset];
    while (frontier.length > 0) {
      for (const node of frontier) {
        const hit = directEdgeOf(node);
        if (hit && !seen.has(hit.to)) return chainRate(node, hit);
      }
      const next: string[] = [];
      for (const node of frontier) {
        for (const edge of edges.get(node) ?? []) {
          if (seen.has(edge.to)) continue;
          seen.add(edge.to);
          via.set(edge.to, { from: node, edge });
          next.push(edge.to);
        }
      }
      frontier = next;
    }
    return undefined;

    function chainRate(last: string, final: Edge): Dec {
      let rate = step(direct.get(final.to)!, final);
      for (let at = last; at !== asset; ) {
        const link = via.get(at)!;
        rate = step(rate, link.edge);
        at = link.from;
      }
      return rate;
    }
  };

  /** The rate of an edge's source, from the rate of its target. */
  const step = (targetRate: Dec, edge: Edge): Dec => (edge.inverse ? targetRate.div(edge.price) : targetRate.times(edge.price));

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
 * The base-currency price of every asset the quotes name as their base, and of each of
 * `also` the book reaches, by the price book's rule (the shortest chain of quotes, in
 * either direction). Sync and backfill value snapshots with this, so the stored snapshots
 * and the engines price alike. `also` names held assets that may appear only as a quote
 * currency: USD cash in a EUR book, priced through the EUR/USD quote.
 */
export function pricesInBase(quotes: readonly PriceQuote[], base: string, also: readonly string[] = []): Record<string, string> {
  const book = createPriceBook({ baseCurrency: base, quotes: [...quotes] });
  const out: Record<string, string> = {};
  for (const asset of [...quotes.map((q) => q.base), ...also]) {
    if (asset === base || out[asset] !== undefined) continue;
    const rate = book.rateOf(asset);
    if (rate) out[asset] = toDecimalString(rate);
  }
  return out;
}
