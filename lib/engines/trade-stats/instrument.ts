/** Base and quote of a unified symbol: "BTC/USDT:USDT" → BTC, USDT; "RELIANCE" → RELIANCE, none. */
export function splitSymbol(symbol: string): { base: string; quote: string | undefined } {
  const slash = symbol.indexOf("/");
  if (slash < 0) return { base: symbol, quote: undefined };
  const colon = symbol.indexOf(":", slash);
  return { base: symbol.slice(0, slash), quote: symbol.slice(slash + 1, colon < 0 ? undefined : colon) };
}
