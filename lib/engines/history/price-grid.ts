import { type Amount, amount, isNegative } from "@/lib/money/amount";
import { wallOfDate } from "@/lib/engines/history/day-grid";
import type { DailyClose } from "@/lib/engines/history/types";

/**
 * One asset's close for each day of the grid. A day without its own close takes the last
 * earlier one and is marked carried; it is never interpolated (an interpolated price is a
 * price nobody traded at). Before the first close there is none: null, and the asset is
 * reported unpriced rather than valued at zero.
 */
export interface PriceGrid {
  close: (Amount | null)[];
  carried: Uint8Array;
}

const DAY = 86_400_000;
const ONE = amount("1");

/**
 * `dayOf` maps the grid's dates to their index: a close on a grid day is found without
 * parsing its date (7,310 closes for two years of ten assets).
 */
export function priceGrid(asset: string, closes: readonly DailyClose[] | undefined, dayOf: ReadonlyMap<string, number>, firstDate: string, dayCount: number, isBase: boolean): PriceGrid {
  const close = new Array<Amount | null>(dayCount).fill(null);
  const carried = new Uint8Array(dayCount);
  if (isBase) return { close: close.fill(ONE), carried };
  const first = wallOfDate(firstDate, "from");
  // Closes by day index; the last one before the grid seeds the carry.
  let before: { wall: number; close: Amount } | null = null;
  for (let k = 0; k < (closes?.length ?? 0); k++) {
    const c = closes![k]!;
    let value: Amount;
    try {
      value = amount(c.close);
    } catch {
      throw new RangeError(`prices.${asset}[${k}].close must be a decimal, got ${JSON.stringify(c.close)}`);
    }
    if (isNegative(value)) throw new RangeError(`prices.${asset}[${k}].close must not be negative`);
    const known = dayOf.get(c.date);
    if (known !== undefined) {
      close[known] = value;
      continue;
    }
    const wall = wallOfDate(c.date, `prices.${asset}[${k}].date`);
    const i = Math.round((wall - first) / DAY);
    if (i < 0) {
      if (!before || wall > before.wall) before = { wall, close: value };
    } else if (i < dayCount) close[i] = value;
  }
  let last: Amount | null = before?.close ?? null;
  for (let i = 0; i < dayCount; i++) {
    const own = close[i];
    if (own) last = own;
    else if (last) {
      close[i] = last;
      carried[i] = 1;
    }
  }
  return { close, carried };
}
