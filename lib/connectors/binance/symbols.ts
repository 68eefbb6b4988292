import { type MarketIndex, type MarketInfo, marketKind } from "@/lib/connectors/ccxt/markets";
import type { Balance, Order, Position } from "@/lib/connectors/types";

/**
 * Which markets to ask for order and fill history. Binance's history endpoints need a
 * symbol, and asking every market would cost thousands of requests, so the list comes
 * from what the account holds or did: spot balances paired with the usual quote assets,
 * open positions, open orders, and the symbols its stored fills already name.
 */
export const SPOT_QUOTE_ASSETS = ["USDT", "USDC", "FDUSD", "BTC"] as const;

export interface HistorySymbols {
  spot: MarketInfo[];
  usdm: MarketInfo[];
  coinm: MarketInfo[];
}

export interface HistorySymbolInputs {
  balances: readonly Balance[];
  positions: readonly Position[];
  openOrders: readonly Order[];
  /** Unified symbols seen before (stored fills) or configured on the connection. */
  known: readonly string[];
  markets: MarketIndex;
}

export function planHistorySymbols(p: HistorySymbolInputs): HistorySymbols {
  const picked = new Map<string, MarketInfo>();
  const add = (m: MarketInfo | undefined) => {
    if (m) picked.set(m.symbol, m);
  };

  for (const b of p.balances) {
    if ((b.wallet !== "spot" && b.wallet !== "funding") || b.total === "0") continue;
    for (const q of SPOT_QUOTE_ASSETS) if (q !== b.asset) add(p.markets.spotPair(b.asset, q));
  }
  for (const pos of p.positions) add(p.markets.bySymbol(pos.symbol));
  for (const o of p.openOrders) add(p.markets.bySymbol(o.symbol));
  for (const sym of p.known) add(p.markets.bySymbol(sym));

  const out: HistorySymbols = { spot: [], usdm: [], coinm: [] };
  for (const m of [...picked.values()].sort((a, b) => a.symbol.localeCompare(b.symbol))) {
    const kind = marketKind(m);
    if (kind === "spot") out.spot.push(m);
    else if (kind === "linear") out.usdm.push(m);
    else out.coinm.push(m);
  }
  return out;
}

/** Quote assets tried, in order, to price an asset on spot tickers. */
const PRICE_QUOTES = ["USDT", "USDC", "FDUSD"] as const;

/**
 * The spot markets whose last price values the given assets: ASSET/USDT (or USDC,
 * FDUSD), else ASSET/BTC together with BTC/USDT. An asset with no such market is left
 * out; nothing is assumed to be worth 1.
 */
export function planQuoteMarkets(assets: readonly string[], markets: MarketIndex): MarketInfo[] {
  const picked = new Map<string, MarketInfo>();
  for (const asset of [...new Set(assets)].sort()) {
    const direct = PRICE_QUOTES.map((q) => markets.spotPair(asset, q)).find((m) => m !== undefined);
    if (direct) {
      picked.set(direct.symbol, direct);
      continue;
    }
    const viaBtc = markets.spotPair(asset, "BTC");
    const btc = markets.spotPair("BTC", "USDT");
    if (viaBtc && btc) {
      picked.set(viaBtc.symbol, viaBtc);
      picked.set(btc.symbol, btc);
    }
  }
  return [...picked.values()];
}
