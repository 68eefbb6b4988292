import type { Quote } from "@/lib/connectors/types";
import { pricesInBase } from "@/lib/engines/pricing";
import type { ReferencePriceSource } from "./reference";

export interface ResolvedPrices {
  /** asset → price in the base currency. */
  prices: Record<string, string>;
  /** Quotes that came from the reference source, kept for the audit of the snapshot. */
  referenceQuotes: Quote[];
  /** Assets still without a price after every source was asked. */
  unpriced: string[];
}

/**
 * Prices in `base` for every asset in `needed`: the venue's own quotes first (one hop,
 * e.g. BTC/USDT × USDT/USD), then the reference source for the currencies still missing —
 * including the quote currencies of the venue's quotes, which is what turns a USDT-only
 * venue into a USD valuation.
 */
export async function resolvePrices(p: {
  quotes: Quote[];
  needed: string[];
  base: string;
  reference?: ReferencePriceSource | null;
  log?: (line: string) => void;
}): Promise<ResolvedPrices> {
  const missing = (prices: Record<string, string>) => [...new Set(p.needed)].filter((a) => a !== p.base && prices[a] === undefined).sort();
  let quotes = p.quotes;
  let prices = pricesInBase(quotes, p.base, p.needed);
  const referenceQuotes: Quote[] = [];
  if (!p.reference || missing(prices).length === 0) return { prices, referenceQuotes, unpriced: missing(prices) };

  const ask = async (assets: string[]) => {
    if (assets.length === 0) return;
    try {
      const got = (await p.reference!.usdQuotes(assets)).filter((q) => q.quote === "USD" || q.quote === p.base);
      referenceQuotes.push(...got);
      quotes = [...quotes, ...got];
      prices = pricesInBase(quotes, p.base, p.needed);
    } catch (e) {
      p.log?.(`[prices] reference ${p.reference!.name} failed for ${assets.join(",")}: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  // First the venue's quote currencies (USDT, INR): the venue's own prices then carry
  // through them, so BTC is valued at the venue's BTC/USDT, not at someone else's index.
  // The reference quotes in USD, so another base needs its own USD price as the bridge
  // (EUR/USD turns BTC/USDT × USDT/USD into EUR).
  const quoteCurrencies = [...new Set(p.quotes.map((q) => q.quote))].filter((c) => c !== p.base && prices[c] === undefined);
  const bridge = p.base === "USD" ? [] : [p.base];
  await ask([...quoteCurrencies, ...bridge].sort());
  // Then whatever the venue does not quote at all.
  await ask(missing(prices));
  return { prices, referenceQuotes, unpriced: missing(prices) };
}

/** Every asset a valuation of these holdings needs a price for. */
export function assetsToPrice(state: {
  balances: Array<{ asset: string }>;
  positions: Array<{ underlying: string; quoteCurrency: string; settleCurrency: string }>;
}): string[] {
  const assets = new Set<string>();
  for (const b of state.balances) assets.add(b.asset);
  for (const pos of state.positions) [pos.underlying, pos.quoteCurrency, pos.settleCurrency].forEach((a) => assets.add(a));
  return [...assets].sort();
}
