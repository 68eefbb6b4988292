import { D, toDecimalString } from "@/lib/money/decimal";
import type { DailyClose } from "@/lib/engines/history";

/**
 * Closes quoted in a venue's quote currency (BTC in USDT) turned into the workspace's base
 * currency, day by day: close × USD-per-quote ÷ USD-per-base.
 *
 * - USD-stablecoins (USDT, USDC) are taken at par with USD in the past. The live valuation
 *   prices them through OKX's USD index, but no daily history of that index is read yet;
 *   a de-peg day is therefore valued at par (stated in docs/architecture.md).
 * - A fiat base goes through the ECB's USD price of it, carried from the last published
 *   day over weekends and TARGET holidays (never interpolated); before the first ECB day
 *   the close is left out, so the engine marks the asset unpriced rather than guessing.
 * Pure.
 */
export const USD_PAR = new Set(["USD", "USDT", "USDC"]);

/** 12 decimals: a close in base, far below the cent of any position. */
const PLACES = 12;

export function closesInBase(closes: readonly DailyClose[], p: { quote: string; baseCurrency: string; usdPerBase: readonly DailyClose[] | null }): DailyClose[] {
  if (!USD_PAR.has(p.quote)) throw new RangeError(`quote ${p.quote}: no FX history to convert it (only ${[...USD_PAR].join(", ")} quotes)`);
  if (USD_PAR.has(p.baseCurrency)) return closes.map((c) => ({ date: c.date, close: c.close }));
  if (!p.usdPerBase) throw new RangeError(`baseCurrency ${p.baseCurrency}: FX history is required`);
  const fx = p.usdPerBase;
  const out: DailyClose[] = [];
  let k = -1;
  for (const c of closes) {
    // Both series are oldest first: the last FX day on or before the close's day.
    while (k + 1 < fx.length && fx[k + 1]!.date <= c.date) k++;
    if (k < 0) continue;
    out.push({ date: c.date, close: toDecimalString(new D(c.close).div(fx[k]!.close).toDecimalPlaces(PLACES)) });
  }
  return out;
}
