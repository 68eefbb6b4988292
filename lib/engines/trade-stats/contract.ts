import { type Amount, amount, div, isPositive, times } from "@/lib/money/amount";
import type { InstrumentResolution } from "@/lib/engines/trade-stats/instrument";

/**
 * The position book (book.ts) is linear: PnL = exit notional − entry notional for a long,
 * notional = quantity × price. An inverse contract is linear in the reciprocal of the price:
 *
 *   long PnL = n × s × (1/entry − 1/exit) = n × (s/entry) − n × (s/exit),
 *
 * which is the PnL of a SHORT of n units at the "book price" s/price. So an inverse fill
 * enters the book at s/price with its direction reversed, and FIFO lots, partial closes,
 * zero crossings and average cost all work unchanged; a linear contract of size s ≠ 1
 * enters at price × s. The figures are turned back on the way out: the side, and the
 * prices (for inverse, s × quantity / book notional: the harmonic mean of the entry prices,
 * as Binance and OKX state an inverse position's entry price). Divisions are decimal.js's at
 * 40 significant digits, half-even (lib/money/decimal).
 */
export interface Contract {
  inverse: boolean;
  size: Amount;
  /** Linear with size 1 (spot): the book price is the price, no arithmetic per fill. */
  unit: boolean;
}

export function contractOf(resolution: InstrumentResolution): Contract | null {
  if (!resolution.ok) return null;
  const { kind, contractSize } = resolution.instrument;
  const size = amount(contractSize);
  return { inverse: kind === "inverse", size, unit: kind === "linear" && contractSize === "1" };
}

export function bookPrice(c: Contract, price: Amount, fillIndex: number): Amount {
  if (c.unit) return price;
  if (!c.inverse) return times(price, c.size);
  if (!isPositive(price)) throw new RangeError(`fill ${fillIndex}: an inverse contract's price must be positive`);
  return div(c.size, price);
}

/** The venue's price for a book notional over a quantity (an average entry or exit price). */
export function venuePrice(c: Contract, notional: Amount, quantity: Amount): Amount {
  if (c.unit) return div(notional, quantity);
  return c.inverse ? div(times(c.size, quantity), notional) : div(notional, times(quantity, c.size));
}

/** The venue's price for one book price (an open position's average entry). */
export function venuePriceOf(c: Contract, price: Amount): Amount {
  if (c.unit) return price;
  return c.inverse ? div(c.size, price) : div(price, c.size);
}
