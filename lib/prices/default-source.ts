import { env } from "@/lib/env";
import { firstOf } from "./composite-source";
import { ecbFxSource } from "./ecb-fx-source";
import { okxIndexSource } from "./okx-index-source";
import type { ReferencePriceSource } from "./reference";

const KEY = Symbol.for("venuefolio.referencePrices");

/**
 * The process-wide reference source (one cache for every sync): OKX's USD index for
 * crypto and stablecoins, then the ECB for fiat. REFERENCE_PRICES=off disables it, and
 * then a USDT- or INR-only venue's holdings are reported unpriced, never assumed.
 */
export function defaultReferencePrices(): ReferencePriceSource | null {
  if (env().REFERENCE_PRICES === "off") return null;
  const holder = globalThis as { [KEY]?: ReferencePriceSource };
  holder[KEY] ??= firstOf([okxIndexSource(), ecbFxSource()], (line) => console.warn(line));
  return holder[KEY];
}
