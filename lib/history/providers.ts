/** The providers whose past can be priced today (./default-sources.ts reads their candles). Kept apart from it: pages import this without ccxt. */
export const RECONSTRUCTABLE_PROVIDERS: readonly string[] = ["binance"];
