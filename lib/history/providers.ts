/** The providers whose past can be priced today (./default-sources.ts reads their candles). */
export const RECONSTRUCTABLE_PROVIDERS: readonly string[] = ["binance"];
