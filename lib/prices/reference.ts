import type { Quote } from "@/lib/connectors/types";

/**
 * A source of USD prices for what a venue cannot price itself: binance.com quotes
 * everything in USDT and has no USD market; Groww quotes in INR. The sync asks it only
 * for the currencies still missing a base-currency price, and a failure here never fails
 * a sync: the asset stays "unpriced", listed and flagged.
 */
export interface ReferencePriceSource {
  readonly name: string;
  /** USD quotes for whichever of `assets` the source knows; unknown ones are left out. */
  usdQuotes(assets: string[]): Promise<Quote[]>;
}
