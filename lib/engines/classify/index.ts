import type { InstrumentType } from "@/lib/connectors/types";
import sectorData from "@/lib/engines/data/sectors.json";

/**
 * How an asset is grouped in allocation views. The token → sector map is data
 * (`data/sectors.json`) so that adding a token is a one-line change with no code.
 */
export const SECTORS = [
  "Store of value",
  "Smart contract platform",
  "Layer 2",
  "Stablecoin",
  "DeFi",
  "Oracle",
  "Meme",
  "Payments",
  "Exchange token",
  "Cash",
  "Equity",
  "Unclassified",
] as const;
export type Sector = (typeof SECTORS)[number];

export type AssetClass = "cash" | "stablecoin" | "crypto" | "derivatives" | "equity";

const KNOWN_SECTORS = new Set<string>(SECTORS);
const isSector = (value: string): value is Sector => KNOWN_SECTORS.has(value);

// A typo in the data file fails at load, not as a silently "Unclassified" token.
const SECTOR_MAP: ReadonlyMap<string, Sector> = new Map(
  Object.entries(sectorData).map(([symbol, sector]): [string, Sector] => {
    if (!isSector(sector)) throw new Error(`sectors.json: unknown sector "${sector}" for ${symbol}`);
    return [symbol, sector];
  }),
);

/** Sector of a token or ticker; a stock the map does not know is still "Equity". */
export function sectorOf(symbol: string, instrumentType?: InstrumentType): Sector {
  const known = SECTOR_MAP.get(symbol.toUpperCase());
  if (known) return known;
  return instrumentType === "equity" ? "Equity" : "Unclassified";
}

/** The base currency, fiat and stablecoins: money rather than a market bet. */
export function isCashLike(asset: string, baseCurrency: string): boolean {
  if (asset === baseCurrency) return true;
  const sector = sectorOf(asset);
  return sector === "Cash" || sector === "Stablecoin";
}

export function assetClassOfBalance(asset: string, baseCurrency: string): AssetClass {
  if (asset === baseCurrency || sectorOf(asset) === "Cash") return "cash";
  if (sectorOf(asset) === "Stablecoin") return "stablecoin";
  if (sectorOf(asset) === "Equity") return "equity";
  return "crypto";
}

export function assetClassOfPosition(instrumentType: InstrumentType | undefined): AssetClass {
  if (instrumentType === "equity") return "equity";
  if (instrumentType === "spot" || instrumentType === "margin") return "crypto";
  return "derivatives";
}

/**
 * Which assets make up each sector, for a page that must say what "Unclassified" holds
 * rather than hide it. An asset held as a stock (`instrumentType` "equity") is "Equity" even
 * when the map does not list it; anything else the map does not list stays "Unclassified",
 * never guessed from its name (an OKX Web3 look-alike "USDT:0xabc…" is not USDT).
 */
export function assetsBySector(assets: readonly { asset: string; instrumentType?: InstrumentType }[]): Map<Sector, string[]> {
  const out = new Map<Sector, Set<string>>();
  for (const a of assets) {
    const sector = sectorOf(a.asset, a.instrumentType);
    const members = out.get(sector) ?? new Set<string>();
    members.add(a.asset);
    out.set(sector, members);
  }
  return new Map([...out.entries()].map(([sector, members]): [Sector, string[]] => [sector, [...members].sort()]));
}
