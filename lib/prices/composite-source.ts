import type { Quote } from "@/lib/connectors/types";
import type { ReferencePriceSource } from "./reference";

/**
 * Asks each source in turn for what the earlier ones did not price. One source failing
 * (a network error, a bad answer) does not stop the next from being asked.
 */
export function firstOf(sources: ReferencePriceSource[], log?: (line: string) => void): ReferencePriceSource {
  return {
    name: sources.map((s) => s.name).join("+"),
    async usdQuotes(assets) {
      const quotes: Quote[] = [];
      let rest = [...new Set(assets)];
      for (const source of sources) {
        if (rest.length === 0) break;
        try {
          const got = await source.usdQuotes(rest);
          quotes.push(...got);
          const priced = new Set(got.map((q) => q.base));
          rest = rest.filter((a) => !priced.has(a));
        } catch (e) {
          log?.(`[prices] ${source.name} failed: ${e instanceof Error ? e.message : String(e)}`);
        }
      }
      return quotes;
    },
  };
}
