import { StrictOkx } from "@/lib/connectors/okx/client";
import { indexTickersSchema } from "@/lib/connectors/okx/schemas";
import { quoteFromIndex } from "@/lib/connectors/okx/transform";
import type { FetchLike } from "@/lib/connectors/ccxt/strict";
import type { Quote } from "@/lib/connectors/types";
import type { ReferencePriceSource } from "./reference";

/**
 * OKX's public USD index prices (GET /api/v5/market/index-tickers?quoteCcy=USD): no key,
 * one request for every asset, USDT and USDC included. Cached for `ttlMs`, so many
 * Binance connections syncing in the same minute cost one request.
 */
export function okxIndexSource(opts: { fetchImplementation?: FetchLike; timeoutMs?: number; ttlMs?: number; now?: () => Date } = {}): ReferencePriceSource {
  const now = opts.now ?? (() => new Date());
  const ttlMs = opts.ttlMs ?? 60_000;
  let cache: { at: number; quotes: Quote[] } | undefined;
  const exchange = new StrictOkx({
    enableRateLimit: true,
    timeout: opts.timeoutMs ?? 10_000,
    verbose: false,
    has: { fetchCurrencies: false },
    ...(opts.fetchImplementation ? { fetchImplementation: opts.fetchImplementation } : {}),
  });

  async function load(): Promise<Quote[]> {
    const t = now().getTime();
    if (cache && t - cache.at < ttlMs) return cache.quotes;
    const parsed = indexTickersSchema.parse(await exchange.publicGetMarketIndexTickers({ quoteCcy: "USD" }));
    const quotes = parsed.data
      .map((row) => quoteFromIndex(row.instId, row.idxPx, new Date(row.ts)))
      .filter((q): q is Quote => q !== undefined && q.quote === "USD");
    cache = { at: t, quotes };
    return quotes;
  }

  return {
    name: "okx-index",
    async usdQuotes(assets) {
      const wanted = new Set(assets);
      return (await load()).filter((q) => wanted.has(q.base));
    },
  };
}
