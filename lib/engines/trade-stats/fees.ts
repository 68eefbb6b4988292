import { type Amount, fromDecimal, isZero, times } from "@/lib/money/amount";
import type { PriceBook } from "@/lib/engines/pricing";

/**
 * Fee → the instrument's quote currency. A fee in the quote is taken as is; one in the base
 * asset (0.0001 BTC on BTC/USDT) at the fill price; anything else (BNB) through the price
 * book. null when there is no way to convert it.
 */
export function feeConverter(book: PriceBook) {
  const factors = new Map<string, Map<string, Amount | null>>();
  return (fee: Amount, feeCurrency: string, quote: string, baseAsset: string, price: Amount): Amount | null => {
    if (feeCurrency === quote) return fee;
    if (isZero(fee)) return fee;
    if (feeCurrency === baseAsset) return times(fee, price);
    let byQuote = factors.get(feeCurrency);
    if (!byQuote) factors.set(feeCurrency, (byQuote = new Map()));
    let factor = byQuote.get(quote);
    if (factor === undefined) {
      const from = book.rateOf(feeCurrency);
      const to = book.rateOf(quote);
      factor = from && to && !to.isZero() ? fromDecimal(from.div(to)) : null;
      byQuote.set(quote, factor);
    }
    return factor ? times(fee, factor) : null;
  };
}
