import { abs, type Amount, amount, amountToNumber, amountToString, div, fromDecimal, isNeg, isZero, minus, plus, times, ZERO_AMOUNT as ZERO } from "@/lib/money/amount";
import { D } from "@/lib/money/decimal";
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
    // An inverse position is counted in contracts, the venue's in the coin (contracts × size ÷
    // mark): they only compare at a mark price, which reconciliation does not model. Left to
    // the residual rather than compared in different units.
    if (p.kind === "inverse") continue;
    holdings.push({ strategy: p.strategy, symbol: p.symbol, quantity: p.quantity, averageCost: p.averageEntryPrice, quoteCurrency: p.currency });
  }
  return holdings;
}

interface SymbolGroup {
  symbol: string;
  venue: VenueHolding | undefined;
  strategies: StrategyHolding[];
}

/** |quantity|-weighted mean cost of the strategy rows; the venue's entry price when there are none. */
function residualCost(strategies: StrategyHolding[], venueEntry: string | undefined): Amount | null {
  let weighted = ZERO;
  let weight = ZERO;
  for (const s of strategies) {
    const size = abs(amount(s.quantity));
    weighted = plus(weighted, times(size, amount(s.averageCost)));
    weight = plus(weight, size);
  }
  if (!isZero(weight)) return div(weighted, weight);
  return venueEntry === undefined ? null : amount(venueEntry);
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
  /** The price, and price × fx below, as amounts for the per-row products. */
  price: Amount | null;
  priceString: string | null;
  priceFloat: number;
  fxString: string | null;
  /** price × fx; the same object as `price` when fx is 1. */
  priceBase: Amount | null;
  /** priceBase / NAV as a float: a row's NAV weight is quantity × this. */
  weightPerUnit: number | null;
  closedAtVenue: boolean;
}

/**
 * One row. Money is decimal; the two ratios (NAV weight, PnL %) are floats, as statistics
 * are everywhere in the engines. This runs for every row of a large book: amounts are
 * lib/money/amount (bigint arithmetic with decimal.js's results), parsed once.
 */
function makeRow(ctx: SymbolContext, strategy: string | null, quantity: string, qty: Amount, cost: Amount | null, costString: string | null): ReconcileRow {
  const { price, priceBase } = ctx;
  const value = price ? times(qty, price) : null;
  const valueBase = priceBase ? (priceBase === price ? value : times(qty, priceBase)) : null;
  const costFloat = cost ? amountToNumber(cost) : NaN;
  return {
    symbol: ctx.symbol,
    strategy,
    kind: strategy === null ? "residual" : "strategy",
    quantity,
    averageCost: costString,
    marketPrice: ctx.priceString,
    marketValue: value ? amountToString(value) : null,
    quoteCurrency: ctx.quote,
    fxRate: ctx.fxString,
    valueBase: valueBase ? amountToString(valueBase) : null,
    navWeight: valueBase && ctx.weightPerUnit !== null ? amountToNumber(qty) * ctx.weightPerUnit : null,
    pnlPct: price && cost && costFloat !== 0 ? ((ctx.priceFloat - costFloat) / costFloat) * (isNeg(qty) ? -1 : 1) : null,
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
    const venueQty = g.venue ? amount(g.venue.quantity) : ZERO;
    const quote =
      g.venue?.quoteCurrency ?? g.strategies.find((s) => s.quoteCurrency)?.quoteCurrency ?? splitSymbol(g.symbol).quote ?? book.base;
    const priceText = input.marketPrices?.[g.symbol] ?? g.venue?.markPrice;
    const price = priceText === undefined ? null : new D(priceText);
    const fx = book.rateOf(quote) ?? null;
    if (!price) unpriced.add(g.symbol);
    else if (!fx) unpriced.add(quote);
    const priceBase = price && fx ? (fx.equals(1) ? price : price.times(fx)) : null;
    const priceAmount = price ? fromDecimal(price) : null;
    const ctx: SymbolContext = {
      symbol: g.symbol,
      quote,
      price: priceAmount,
      priceString: price ? price.toFixed() : null,
      priceFloat: price ? price.toNumber() : NaN,
      fxString: fx ? fx.toFixed() : null,
      priceBase: priceBase === price ? priceAmount : priceBase ? fromDecimal(priceBase) : null,
      weightPerUnit: priceBase && navFloat !== 0 ? priceBase.toNumber() / navFloat : null,
      closedAtVenue: isZero(venueQty),
    };

    let strategyQty = ZERO;
    for (const s of g.strategies) {
      const qty = amount(s.quantity);
      strategyQty = plus(strategyQty, qty);
      rows.push(makeRow(ctx, s.strategy, s.quantity, qty, amount(s.averageCost), s.averageCost));
    }

    const residual = minus(venueQty, strategyQty);
    if (!isZero(residual)) {
      const cost = residualCost(g.strategies, g.venue?.entryPrice);
      rows.push(makeRow(ctx, null, amountToString(residual), residual, cost, cost ? amountToString(cost) : null));
    }
    // Σ rows = venue quantity, so the symbol's value is one product, not a sum over rows.
    if (ctx.priceBase) totalValueBase = plus(totalValueBase, times(venueQty, ctx.priceBase));
    symbols.push({
      symbol: g.symbol,
      venueQuantity: amountToString(venueQty),
      strategyQuantity: amountToString(strategyQty),
      residualQuantity: amountToString(residual),
    });
  }

  return {
    baseCurrency: book.base,
    rows,
    symbols,
    unpriced: [...unpriced].sort(),
    totalValueBase: amountToString(totalValueBase),
  };
}
