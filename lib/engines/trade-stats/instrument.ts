import { D } from "@/lib/money/decimal";

/** Base and quote of a unified symbol: "BTC/USDT:USDT" → BTC, USDT; "RELIANCE" → RELIANCE, none. */
export function splitSymbol(symbol: string): { base: string; quote: string | undefined; settle: string | undefined } {
  const slash = symbol.indexOf("/");
  if (slash < 0) return { base: symbol, quote: undefined, settle: undefined };
  const colon = symbol.indexOf(":", slash);
  return {
    base: symbol.slice(0, slash),
    quote: symbol.slice(slash + 1, colon < 0 ? undefined : colon),
    // "BTC/USD:BTC-240628" (a dated future) settles in BTC.
    settle: colon < 0 ? undefined : symbol.slice(colon + 1).split("-")[0],
  };
}

/**
 * How a fill's price and quantity turn into PnL.
 *
 * - linear: PnL = quantity × contractSize × (exit − entry), in the quote currency. Spot and
 *   the connectors' linear contracts have contractSize 1: OKX's linear fills are stored in
 *   base units already (contracts × ctVal, lib/connectors/okx/transform.ts).
 * - inverse: PnL = contracts × contractSize × (1/entry − 1/exit) for a long, the opposite for
 *   a short, in the settlement coin; contractSize is the contract's value in the quote
 *   currency (Binance COIN-M BTCUSD_PERP: 100 USD; OKX BTC-USD-SWAP ctVal: 100 USD). Fills
 *   of inverse contracts are stored in contracts, as the venues state them.
 */
export interface InstrumentDescriptor {
  kind: "linear" | "inverse";
  /** A positive decimal string: what one unit of a fill's quantity is worth (see above). */
  contractSize: string;
  /** The currency PnL is in: the quote for linear, the coin (= the base) for inverse. */
  settleCurrency: string;
}

export type InstrumentResolution = { ok: true; instrument: InstrumentDescriptor } | { ok: false; reason: string };

/**
 * The descriptor of a ccxt unified symbol "BASE/QUOTE:SETTLE": inverse when SETTLE is the
 * base (BTC/USD:BTC), linear otherwise. An inverse contract needs its contract size, which
 * the symbol does not carry: without one it is refused, never guessed (100 USD for BTC,
 * 10 USD for most others on both Binance and OKX, but not all, and not forever).
 * `currency`, when given, is the PnL currency of a linear symbol (a broker's ticker has no quote).
 */
export function resolveInstrument(symbol: string, known: { contractSize?: string; currency?: string } = {}): InstrumentResolution {
  const { base, quote, settle } = splitSymbol(symbol);
  if (settle !== undefined && settle === base) {
    if (known.contractSize === undefined) return { ok: false, reason: `${symbol} is an inverse contract and its contract size is unknown` };
    return checked(symbol, { kind: "inverse", contractSize: known.contractSize, settleCurrency: settle });
  }
  const currency = known.currency ?? quote;
  if (currency === undefined) return { ok: false, reason: `${symbol} has no quote currency` };
  return checked(symbol, { kind: "linear", contractSize: known.contractSize ?? "1", settleCurrency: currency });
}

/**
 * A descriptor the engine can use: a positive, finite contract size and a currency that fits
 * the symbol. An inverse contract settles in its base; a linear one in the currency it is
 * priced in (`priceCurrency`, when the symbol names one): a contract settling in a third
 * currency (a quanto) is not modelled.
 */
export function checked(symbol: string, instrument: InstrumentDescriptor, priceCurrency?: string): InstrumentResolution {
  const { base, quote } = splitSymbol(symbol);
  if (instrument.kind === "inverse" && instrument.settleCurrency !== base) {
    return { ok: false, reason: `${symbol}: an inverse contract settles in its base ${base}, not ${instrument.settleCurrency}` };
  }
  const priced = priceCurrency ?? quote;
  if (instrument.kind === "linear" && quote !== undefined && priced !== undefined && instrument.settleCurrency !== priced) {
    return { ok: false, reason: `${symbol}: a linear contract settling in ${instrument.settleCurrency}, not in ${priced}, is not modelled` };
  }
  let size;
  try {
    size = new D(instrument.contractSize);
  } catch {
    return { ok: false, reason: `${symbol}: contract size "${instrument.contractSize}" is not a number` };
  }
  if (!size.isFinite() || !size.isPositive() || size.isZero()) return { ok: false, reason: `${symbol}: contract size ${instrument.contractSize} is not positive` };
  if (instrument.settleCurrency === "") return { ok: false, reason: `${symbol}: no settlement currency` };
  return { ok: true, instrument };
}

/** Descriptors for a set of symbols from the contract sizes a caller knows (symbol → size); the refused ones with their reason. */
export function resolveInstruments(
  symbols: Iterable<string>,
  contractSizes: Readonly<Record<string, string>> = {},
): { instruments: Record<string, InstrumentDescriptor>; refused: Record<string, string> } {
  const instruments: Record<string, InstrumentDescriptor> = {};
  const refused: Record<string, string> = {};
  for (const symbol of symbols) {
    const r = resolveInstrument(symbol, { contractSize: contractSizes[symbol] });
    if (r.ok) instruments[symbol] = r.instrument;
    else refused[symbol] = r.reason;
  }
  return { instruments, refused };
}
