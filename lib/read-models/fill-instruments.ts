import { resolveInstrument, type InstrumentDescriptor } from "@/lib/engines/trade-stats";

/**
 * Instrument descriptors for trade statistics from the contract sizes stored on the fills
 * themselves (an inverse fill carries its market's `contractSize` / `ctVal`, written by the
 * connector when it read the market). Only symbols with a stored size get one; every other
 * symbol is resolved by the engine from its unified name (linear, size 1; inverse refused).
 * A symbol whose fills disagree on the size (two venues listing the same unified symbol with
 * different contracts) gets none, so the engine refuses it rather than mixing two contracts.
 */
export function instrumentsFromFills(fills: ReadonlyArray<{ symbol: string; contractSize: string | null }>): Record<string, InstrumentDescriptor> {
  const sizes = new Map<string, Set<string>>();
  for (const f of fills) {
    if (f.contractSize === null) continue;
    const set = sizes.get(f.symbol) ?? new Set<string>();
    set.add(f.contractSize);
    sizes.set(f.symbol, set);
  }
  const out: Record<string, InstrumentDescriptor> = {};
  for (const [symbol, set] of sizes) {
    if (set.size !== 1) continue;
    const r = resolveInstrument(symbol, { contractSize: [...set][0] });
    if (r.ok) out[symbol] = r.instrument;
  }
  return out;
}
