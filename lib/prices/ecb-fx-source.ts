import { D, toDecimalString } from "@/lib/money/decimal";
import type { Quote } from "@/lib/connectors/types";
import { findAll, parseXml } from "@/lib/xml/parse";
import type { ReferencePriceSource } from "./reference";

/** A currency's USD price from the ECB's per-EUR rates: USD-per-EUR ÷ its-per-EUR, 12 decimals. */
export function usdPriceOf(usdPerEur: InstanceType<typeof D>, perEur: string): InstanceType<typeof D> {
  return usdPerEur.div(perEur).toDecimalPlaces(12);
}

export const ECB_DAILY_URL = "https://www.ecb.europa.eu/stats/eurofxref/eurofxref-daily.xml";

/**
 * Fiat FX from the European Central Bank's daily reference rates (units per EUR, about
 * 30 currencies, INR included). A currency's USD price is USD-per-EUR ÷ its-per-EUR,
 * rounded to 12 decimals; EUR's is USD-per-EUR itself. Published once a working day,
 * so cached for an hour.
 */
export function ecbFxSource(opts: { fetch?: typeof fetch; url?: string; timeoutMs?: number; ttlMs?: number; now?: () => Date } = {}): ReferencePriceSource {
  const now = opts.now ?? (() => new Date());
  const ttlMs = opts.ttlMs ?? 3_600_000;
  let cache: { at: number; perEur: Map<string, string>; day: Date } | undefined;

  async function load() {
    const t = now().getTime();
    if (cache && t - cache.at < ttlMs) return cache;
    const res = await (opts.fetch ?? fetch)(opts.url ?? ECB_DAILY_URL, { signal: AbortSignal.timeout(opts.timeoutMs ?? 10_000) });
    if (!res.ok) throw new Error(`ECB reference rates answered ${res.status}`);
    const cubes = findAll(parseXml(await res.text()), "Cube");
    const dated = cubes.find((c) => c.attributes.time !== undefined);
    if (!dated) throw new Error("ECB reference rates: no dated Cube element");
    const perEur = new Map<string, string>();
    for (const c of cubes) {
      const { currency, rate } = c.attributes;
      if (currency && rate && new D(rate).isPositive()) perEur.set(currency, rate);
    }
    if (!perEur.has("USD")) throw new Error("ECB reference rates: no USD rate");
    // Rates are set at 14:15 CET and published around 16:00 CET.
    cache = { at: t, perEur, day: new Date(`${dated.attributes.time}T15:00:00Z`) };
    return cache;
  }

  return {
    name: "ecb",
    async usdQuotes(assets) {
      const { perEur, day } = await load();
      const usdPerEur = new D(perEur.get("USD")!);
      const quotes: Quote[] = [];
      for (const asset of new Set(assets)) {
        if (asset === "USD") continue;
        const price = asset === "EUR" ? usdPerEur : perEur.has(asset) ? usdPriceOf(usdPerEur, perEur.get(asset)!) : undefined;
        if (price) quotes.push({ base: asset, quote: "USD", price: toDecimalString(price), at: day });
      }
      return quotes;
    },
  };
}
