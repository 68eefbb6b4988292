import { D, type Dec } from "@/lib/money/decimal";
import type { PriceBook } from "@/lib/engines/pricing";
import type { Amount } from "@/lib/engines/trade-stats/book";

/**
 * Fee → the instrument's quote currency. A fee in the quote is taken as is; one in the base
 * asset (0.0001 BTC on BTC/USDT) at the fill price; anything else (BNB) through the price
 * book. null when there is no way to convert it. A fee already in the quote currency is
 * passed on as the fill's string, unparsed.
 */
export function feeConverter(book: PriceBook) {
  const factors = new Map<string, Map<string, Dec | null>>();
  return (feeText: string, feeCurrency: string, quote: string, baseAsset: string, price: Amount): Amount | null => {
    if (feeCurrency === quote) return feeText;
    const fee = new D(feeText);
    if (fee.isZero()) return fee;
    if (feeCurrency === baseAsset) return fee.times(price);
    let byQuote = factors.get(feeCurrency);
    if (!byQuote) factors.set(feeCurrency, (byQuote = new Map()));
    let factor = byQuote.get(quote);
    if (factor === undefined) {
      const from = book.rateOf(feeCurrency);
      const to = book.rateOf(quote);
      factor = from && to && !to.isZero() ? from.div(to) : null;
      byQuote.set(quote, factor);
    }
    return factor ? fee.times(factor) : null;
  };
}
