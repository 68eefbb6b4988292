import { D, type Dec, toDecimalString } from "@/lib/money/decimal";
import { createPriceBook, type PricingInput } from "@/lib/engines/pricing";
import type { OpenTradePosition } from "@/lib/engines/trade-stats";
import { splitSymbol } from "@/lib/engines/trade-stats/instrument";

/**
 * Per-strategy attribution of what a venue holds. The venue knows quantities but not
 * strategies; tagged fills give each strategy its own quantity and average cost. Per
 * symbol, the rows always add up to the venue:
 *
 *   venue quantity = Σ strategy quantities + residual
 *
 * The residual row (no strategy) holds what no tagged fill explains: manual trades,
 * transfers, fills from before tagging. Its average cost is the |quantity|-weighted mean
 * of the strategy rows' costs, or the venue's entry price when there are none.
 */
export interface VenueHolding {
  symbol: string;
  /** Signed; negative is short. */
  quantity: string;
  entryPrice?: string;
  markPrice?: string;
  quoteCurrency?: string;
}

export interface StrategyHolding {
  strategy: string;
  symbol: string;
  /** Signed; negative is short. */
  quantity: string;
  averageCost: string;
  quoteCurrency?: string;
}

export interface ReconcileInput extends PricingInput {
  venuePositions: VenueHolding[];
  strategyPositions: StrategyHolding[];
  /** symbol → current price in the symbol's quote currency; falls back to the venue's mark. */
  marketPrices?: Record<string, string>;
  /** NAV in the base currency, for each row's weight. */
  nav: string;
}

export interface ReconcileRow {
  symbol: string;
  /** null on the residual row. */
  strategy: string | null;
  kind: "strategy" | "residual";
  /** Signed, as given for strategy rows. */
  quantity: string;
  /** As given for strategy rows; derived for the residual row. */
  averageCost: string | null;
  /** In the quote currency; null when no price is known. */
  marketPrice: string | null;
  marketValue: string | null;
  quoteCurrency: string;
  /** Base currency per unit of the quote currency. */
  fxRate: string | null;
  valueBase: string | null;
  /** valueBase / NAV, a fraction (a ratio, so a float). */
  navWeight: number | null;
  /** Unrealized PnL over cost, (price − cost) / cost, negated for a short; a fraction (float). */
  pnlPct: number | null;
  /** The venue no longer holds the symbol; the strategy row is kept and revalued. */
  closedAtVenue: boolean;
}

export interface SymbolReconciliation {
  symbol: string;
  venueQuantity: string;
  strategyQuantity: string;
  residualQuantity: string;
}

export interface ReconcileResult {
  baseCurrency: string;
  rows: ReconcileRow[];
  symbols: SymbolReconciliation[];
  /** Symbols or quote currencies that could not be valued. */
  unpriced: string[];
  /** Σ valueBase over the rows, which is the venue book's value (rows add up to the venue). */
  totalValueBase: string;
}

/**
 * Strategy positions from the trade statistics of tagged fills. Untagged positions are left
 * out on purpose: what no strategy explains is the residual.
 */
export function strategyHoldingsFromTrades(open: OpenTradePosition[]): StrategyHolding[] {
  const holdings: StrategyHolding[] = [];
  for (const p of open) {
    if (p.strategy === null) continue;
    holdings.push({ strategy: p.strategy, symbol: p.symbol, quantity: p.quantity, averageCost: p.averageEntryPrice, quoteCurrency: p.currency });
  }
  return holdings;
}

interface SymbolGroup {
  symbol: string;
  venue: VenueHolding | undefined;
  strategies: StrategyHolding[];
}

const ZERO = new D(0);

/** |quantity|-weighted mean cost of the strategy rows; the venue's entry price when there are none. */
function residualCost(strategies: StrategyHolding[], venueEntry: string | undefined): Dec | null {
  let weighted = ZERO;
  let weight = ZERO;
  for (const s of strategies) {
    const size = new D(s.quantity).abs();
    weighted = weighted.plus(size.times(s.averageCost));
    weight = weight.plus(size);
  }
  if (!weight.isZero()) return weighted.div(weight);
  return venueEntry === undefined ? null : new D(venueEntry);
}

function groupBySymbol(input: ReconcileInput): Map<string, SymbolGroup> {
  const groups = new Map<string, SymbolGroup>();
  const groupOf = (symbol: string) => {
    let g = groups.get(symbol);
    if (!g) {
      g = { symbol, venue: undefined, strategies: [] };
      groups.set(symbol, g);
    }
    return g;
  };
  for (const v of input.venuePositions) {
    const g = groupOf(v.symbol);
    if (g.venue) throw new RangeError(`venue position ${v.symbol} listed twice; merge accounts before reconciling`);
    g.venue = v;
  }
  for (const s of input.strategyPositions) groupOf(s.symbol).strategies.push(s);
  return groups;
}

/** What every row of one symbol shares, worked out once. */
interface SymbolContext {
  symbol: string;
  quote: string;
  price: Dec | null;
  priceString: string | null;
  priceFloat: number;
  fxString: string | null;
  /** price × fx; the same object as `price` when fx is 1. */
  priceBase: Dec | null;
  /** priceBase / NAV as a float: a row's NAV weight is quantity × this. */
  weightPerUnit: number | null;
  closedAtVenue: boolean;
}

/**
 * One row. Money is decimal; the two ratios (NAV weight, PnL %) are floats, as statistics
 * are everywhere in the engines. Strings come from toFixed(), canonical already (no
 * exponent, no trailing zeros, "-0" as "0"): this runs for every row of a large book.
 */
function makeRow(ctx: SymbolContext, strategy: string | null, quantity: string, qty: Dec, cost: Dec | null, costString: string | null): ReconcileRow {
  const { price, priceBase } = ctx;
  const value = price ? qty.times(price) : null;
  const valueBase = priceBase ? (priceBase === price ? value : qty.times(priceBase)) : null;
  const costFloat = cost ? cost.toNumber() : NaN;
  return {
    symbol: ctx.symbol,
    strategy,
    kind: strategy === null ? "residual" : "strategy",
    quantity,
    averageCost: costString,
    marketPrice: ctx.priceString,
    marketValue: value ? value.toFixed() : null,
    quoteCurrency: ctx.quote,
    fxRate: ctx.fxString,
    valueBase: valueBase ? valueBase.toFixed() : null,
    navWeight: valueBase && ctx.weightPerUnit !== null ? qty.toNumber() * ctx.weightPerUnit : null,
    pnlPct: price && cost && costFloat !== 0 ? ((ctx.priceFloat - costFloat) / costFloat) * (qty.isNeg() ? -1 : 1) : null,
    closedAtVenue: strategy !== null && ctx.closedAtVenue,
  };
}

export function calculateReconciliation(input: ReconcileInput): ReconcileResult {
  const book = createPriceBook(input);
  const nav = new D(input.nav);
  const navFloat = nav.toNumber();
  const rows: ReconcileRow[] = [];
  const symbols: SymbolReconciliation[] = [];
  const unpriced = new Set<string>();
  let totalValueBase = ZERO;

  for (const g of groupBySymbol(input).values()) {
    const venueQty = g.venue ? new D(g.venue.quantity) : ZERO;
    const quote =
      g.venue?.quoteCurrency ?? g.strategies.find((s) => s.quoteCurrency)?.quoteCurrency ?? splitSymbol(g.symbol).quote ?? book.base;
    const priceText = input.marketPrices?.[g.symbol] ?? g.venue?.markPrice;
    const price = priceText === undefined ? null : new D(priceText);
    const fx = book.rateOf(quote) ?? null;
    if (!price) unpriced.add(g.symbol);
    else if (!fx) unpriced.add(quote);
    const priceBase = price && fx ? (fx.equals(1) ? price : price.times(fx)) : null;
    const ctx: SymbolContext = {
      symbol: g.symbol,
      quote,
      price,
      priceString: price ? price.toFixed() : null,
      priceFloat: price ? price.toNumber() : NaN,
      fxString: fx ? fx.toFixed() : null,
      priceBase,
      weightPerUnit: priceBase && navFloat !== 0 ? priceBase.toNumber() / navFloat : null,
      closedAtVenue: venueQty.isZero(),
    };

    let strategyQty = ZERO;
    for (const s of g.strategies) {
      const qty = new D(s.quantity);
      strategyQty = strategyQty.plus(qty);
      rows.push(makeRow(ctx, s.strategy, s.quantity, qty, new D(s.averageCost), s.averageCost));
    }

    const residual = venueQty.minus(strategyQty);
    if (!residual.isZero()) {
      const cost = residualCost(g.strategies, g.venue?.entryPrice);
      rows.push(makeRow(ctx, null, toDecimalString(residual), residual, cost, cost ? toDecimalString(cost) : null));
    }
    // Σ rows = venue quantity, so the symbol's value is one product, not a sum over rows.
    if (priceBase) totalValueBase = totalValueBase.plus(venueQty.times(priceBase));
    symbols.push({
      symbol: g.symbol,
      venueQuantity: toDecimalString(venueQty),
      strategyQuantity: toDecimalString(strategyQty),
      residualQuantity: toDecimalString(residual),
    });
  }

  return {
    baseCurrency: book.base,
    rows,
    symbols,
    unpriced: [...unpriced].sort(),
    totalValueBase: toDecimalString(totalValueBase),
  };
}
