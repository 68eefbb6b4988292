import type { PriceBook } from "@/lib/engines/pricing";
import type { StrategyHolding, VenueHolding } from "@/lib/engines/reconcile";
import { splitSymbol } from "@/lib/engines/trade-stats/instrument";
import { D, type Dec, toDecimalString } from "@/lib/money/decimal";

/**
 * What a snapshot says the venue held, and what tagged fills say each strategy holds, put
 * in the same terms so the reconcile engine can match them. Pure.
 *
 * Matching key. A snapshot keeps spot holdings per asset ("BTC", summed over the
 * connection's accounts) and positions per symbol ("BTC/USDT:USDT", "AAPL"). So a spot
 * pair's fills ("BTC/USDT") build a holding of its base asset, "BTC", with the average cost
 * converted to the base currency at the snapshot's rate of the quote currency (the
 * snapshot prices spot in the base currency); every other symbol is its own key and keeps
 * its quote currency.
 */
export interface SnapshotRowInput {
  symbol: string;
  asset: string;
  kind: "spot" | "derivative";
  quantity: string;
  /** Spot: in the base currency. Derivative: the mark, in the symbol's quote currency. */
  price: string;
  /** Base currency per unit of the price's currency. */
  fxRate: string;
  /** Spot: the holding at market; derivative: its unrealized PnL (both in the base currency). */
  valueBase: string;
}

/** A spot pair is "BASE/QUOTE" without a settle currency. */
export function isSpotPair(symbol: string): boolean {
  return splitSymbol(symbol).quote !== undefined && !symbol.includes(":");
}

/** The snapshot key a symbol's fills are matched under. */
export function holdingKey(symbol: string): string {
  return isSpotPair(symbol) ? splitSymbol(symbol).base : symbol;
}

/**
 * The rates the snapshot valued things with: each spot asset's price, and each position's
 * quote currency at its row's FX rate (a spot price wins where both exist).
 */
export function snapshotRates(rows: readonly SnapshotRowInput[], strategyCurrency: ReadonlyMap<string, string>): {
  prices: Record<string, string>;
  fxRates: Record<string, string>;
} {
  const prices: Record<string, string> = {};
  const fxRates: Record<string, string> = {};
  for (const r of rows) {
    if (r.kind === "spot") prices[r.asset] = r.price;
    else {
      const quote = splitSymbol(r.symbol).quote ?? strategyCurrency.get(r.symbol);
      if (quote !== undefined) fxRates[quote] ??= r.fxRate;
    }
  }
  return { prices, fxRates };
}

/**
 * Venue holdings from the snapshot's rows, merged per key (hedge mode and several accounts
 * can hold one symbol twice). Spot is priced in the base currency; a position keeps its
 * quote currency when one is known (from the symbol, else from the strategy's fills), and
 * is otherwise priced in the base currency (mark × FX) so its value stays right.
 */
export function venueHoldingsFromSnapshot(
  rows: readonly SnapshotRowInput[],
  p: { baseCurrency: string; strategyCurrency: ReadonlyMap<string, string> },
): VenueHolding[] {
  const merged = new Map<string, VenueHolding & { qty: Dec }>();
  for (const r of rows) {
    const existing = merged.get(r.symbol);
    if (existing) {
      existing.qty = existing.qty.plus(r.quantity);
      continue;
    }
    const quote = r.kind === "spot" ? p.baseCurrency : (splitSymbol(r.symbol).quote ?? p.strategyCurrency.get(r.symbol));
    merged.set(r.symbol, {
      symbol: r.symbol,
      quantity: r.quantity,
      qty: new D(r.quantity),
      markPrice: quote === undefined ? toDecimalString(new D(r.price).times(r.fxRate)) : r.price,
      quoteCurrency: quote ?? p.baseCurrency,
    });
  }
  return [...merged.values()].map(({ qty, ...h }) => ({ ...h, quantity: toDecimalString(qty) }));
}

/**
 * Strategy holdings under their snapshot keys. Spot costs are converted to the base
 * currency; a spot holding whose quote currency has no rate cannot be costed, so it is left
 * to the residual and its currency reported. Holdings of one strategy that meet under one
 * key (BTC/USDT and BTC/USDC) merge: quantities add, the cost is the |quantity|-weighted mean.
 */
export function strategyHoldingsForSnapshot(
  holdings: readonly StrategyHolding[],
  p: { baseCurrency: string; book: PriceBook },
): { holdings: StrategyHolding[]; uncosted: string[] } {
  type Acc = { strategy: string; symbol: string; qty: Dec; cost: Dec; costWeight: Dec; size: Dec; parts: number; quoteCurrency: string | undefined };
  const merged = new Map<string, Acc>();
  const uncosted = new Set<string>();
  for (const h of holdings) {
    let symbol = h.symbol;
    let cost = new D(h.averageCost);
    let quoteCurrency = h.quoteCurrency;
    if (isSpotPair(h.symbol)) {
      const quote = h.quoteCurrency ?? splitSymbol(h.symbol).quote!;
      const rate = p.book.rateOf(quote);
      if (!rate) {
        uncosted.add(quote);
        continue;
      }
      symbol = splitSymbol(h.symbol).base;
      cost = cost.times(rate);
      quoteCurrency = p.baseCurrency;
    }
    const key = `${h.strategy}\u0000${symbol}`;
    const size = new D(h.quantity).abs();
    const m: Acc = merged.get(key) ?? { strategy: h.strategy, symbol, qty: new D(0), cost, costWeight: new D(0), size: new D(0), parts: 0, quoteCurrency };
    m.parts++;
    m.qty = m.qty.plus(h.quantity);
    m.costWeight = m.costWeight.plus(size.times(cost));
    m.size = m.size.plus(size);
    merged.set(key, m);
  }
  return {
    holdings: [...merged.values()].map((m) => ({
      strategy: m.strategy,
      symbol: m.symbol,
      quantity: toDecimalString(m.qty),
      // One holding keeps its cost as it is; only a merge takes the weighted mean.
      averageCost: toDecimalString(m.parts === 1 || m.size.isZero() ? m.cost : m.costWeight.div(m.size)),
      quoteCurrency: m.quoteCurrency,
    })),
    uncosted: [...uncosted].sort(),
  };
}
