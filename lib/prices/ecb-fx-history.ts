import { D, toDecimalString } from "@/lib/money/decimal";
import { findAll, parseXml } from "@/lib/xml/parse";
import { usdPriceOf } from "./ecb-fx-source";
import type { DailyCloseRow } from "./daily-candles";

export const ECB_HISTORY_URL = "https://www.ecb.europa.eu/stats/eurofxref/eurofxref-hist.xml";

/**
 * Daily fiat prices in USD from the ECB's reference-rate history (every working day since
 * 1999, one dated Cube per day): the history reconstruction's FX. The same rule as the live
 * source (ecb-fx-source.ts): a currency's USD price is USD-per-EUR ÷ its-per-EUR at 12
 * decimals, EUR's is USD-per-EUR. Days the ECB does not publish (weekends, TARGET holidays)
 * are absent: the engine carries the last close and marks it. `fromDate` keeps only days on
 * or after it, so the caller stores only what is new.
 */
export async function readEcbHistory(opts: { fetch?: typeof fetch; url?: string; timeoutMs?: number; fromDate?: string } = {}): Promise<Record<string, DailyCloseRow[]>> {
  const res = await (opts.fetch ?? fetch)(opts.url ?? ECB_HISTORY_URL, { signal: AbortSignal.timeout(opts.timeoutMs ?? 30_000) });
  if (!res.ok) throw new Error(`ECB reference-rate history answered ${res.status}`);
  const days = findAll(parseXml(await res.text()), "Cube").filter((c) => c.attributes.time !== undefined);
  const out: Record<string, DailyCloseRow[]> = {};
  // The file lists the newest day first; the engine wants each series oldest first.
  for (const day of [...days].sort((a, b) => (a.attributes.time! < b.attributes.time! ? -1 : 1))) {
    const date = day.attributes.time!;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error(`ECB reference-rate history: bad date ${JSON.stringify(date)}`);
    if (opts.fromDate && date < opts.fromDate) continue;
    const perEur = new Map<string, string>();
    for (const c of day.children) {
      const { currency, rate } = c.attributes;
      if (currency && rate && new D(rate).isPositive()) perEur.set(currency, rate);
    }
    const usd = perEur.get("USD");
    if (!usd) continue; // no USD rate that day: nothing can be priced in USD
    const usdPerEur = new D(usd);
    (out.EUR ??= []).push({ date, close: toDecimalString(usdPerEur) });
    for (const [currency, rate] of perEur) {
      if (currency !== "USD") (out[currency] ??= []).push({ date, close: toDecimalString(usdPriceOf(usdPerEur, rate)) });
    }
  }
  return out;
}
