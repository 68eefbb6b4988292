import { D, toDecimalString } from "./decimal";
import type { Quote } from "@/lib/connectors/types";

/**
 * Prices of assets in `base` from a set of quotes, through at most one intermediate
 * currency: BTC/USDT × USDT/USD. A stablecoin keeps its own quote; nothing is assumed
 * to be worth 1 except the base itself.
 */
export function pricesInBase(quotes: Quote[], base: string): Record<string, string> {
  const direct = new Map<string, Map<string, string>>();
  for (const q of quotes) {
    if (!direct.has(q.base)) direct.set(q.base, new Map());
    direct.get(q.base)!.set(q.quote, q.price);
  }
  const out: Record<string, string> = {};
  for (const [asset, byQuote] of direct) {
    if (asset === base) continue;
    const exact = byQuote.get(base);
    if (exact !== undefined) {
      out[asset] = exact;
      continue;
    }
    for (const [quote, price] of byQuote) {
      const hop = direct.get(quote)?.get(base);
      if (hop !== undefined) {
        out[asset] = toDecimalString(new D(price).times(hop));
        break;
      }
    }
  }
  return out;
}
