import type { OrderSide } from "@/lib/connectors/types";
import { isCashLike } from "@/lib/engines/classify";
import { createPriceBook } from "@/lib/engines/pricing";
import { calculateReconciliation, strategyHoldingsFromTrades, type ReconcileRow } from "@/lib/engines/reconcile";
import { calculateTradeStats } from "@/lib/engines/trade-stats";
import { D, type Dec, sum, toDecimalString } from "@/lib/money/decimal";
import { isSpotPair, snapshotRates, strategyHoldingsForSnapshot, venueHoldingsFromSnapshot, type SnapshotRowInput } from "./holdings";
import { RESERVED_STRATEGY } from "./strategy-tags";

/**
 * Strategy attribution of one connection snapshot. Pure: the snapshot, its rows and the
 * connection's fills up to the snapshot come in; the engines do the math:
 *
 * 1. trade statistics (FIFO) over the fills give each strategy's open positions and
 *    realized PnL, and the account's realized PnL (tagged and untagged fills). Stored fills
 *    carry no contract size, so an inverse contract's fills are refused by the engine and
 *    its symbol is listed in `unpriced`;
 * 2. the reconcile engine splits each venue holding into strategy rows and a residual,
 *    valued at the snapshot's prices;
 * 3. the account summary and one PnL point per strategy follow from those rows.
 *
 * Every figure is in the snapshot's base currency, converted at the snapshot's rates.
 */
export interface AttributionSnapshot {
  baseCurrency: string;
  equity: string;
  futuresWalletBalance: string;
  unrealizedPnl: string;
  marginDebt: string;
}

export interface AttributionFill {
  symbol: string;
  side: OrderSide;
  price: string;
  quantity: string;
  fee: string;
  feeCurrency: string;
  executedAt: Date;
  strategy: string | null;
  venueFillId: string;
}

export interface AttributedRow extends ReconcileRow {
  /** valueBase − quantity × averageCost × fxRate; null without a price or a cost. */
  unrealizedPnl: string | null;
}

export interface AccountSummary {
  equity: string;
  /** Cash-like spot and funding holdings (the base currency, fiat, stablecoins). */
  cash: string;
  /** Every other spot and funding holding at market. */
  marketValue: string;
  futuresWalletBalance: string;
  marginDebt: string;
  /** The venue's unrealized PnL on open positions. */
  unrealizedPnl: string;
  /** FIFO over the stored fills, net of fees. */
  realizedPnl: string;
  pnl: string;
  strategyValue: string;
  residualValue: string;
}

export interface StrategyPoint {
  strategy: string;
  realizedPnl: string;
  unrealizedPnl: string;
  pnl: string;
  marketValue: string;
  openPositions: number;
}

export interface AttributionResult {
  rows: AttributedRow[];
  summary: AccountSummary;
  strategies: StrategyPoint[];
  /** Symbols and currencies that could not be valued, converted or costed. */
  unpriced: string[];
}

/** equity = cash + market value + futures wallet + unrealized PnL + margin debt, exactly. */
export class AccountIdentityError extends Error {
  constructor(equity: string, parts: string) {
    super(`snapshot rows do not add up to its equity: ${equity} ≠ ${parts}`);
    this.name = "AccountIdentityError";
  }
}

const tagOf = (strategy: string | null) => (strategy === RESERVED_STRATEGY ? null : strategy);

export function calculateAttribution(input: { snapshot: AttributionSnapshot; rows: readonly SnapshotRowInput[]; fills: readonly AttributionFill[] }): AttributionResult {
  const base = input.snapshot.baseCurrency;

  // Currencies of tagged open positions on symbols without one ("AAPL" → USD), for their rows.
  const preliminary = snapshotRates(input.rows, new Map());
  const trades = calculateTradeStats({
    baseCurrency: base,
    ...preliminary,
    fills: input.fills.map((f) => ({ ...f, strategy: tagOf(f.strategy) })),
  });
  const tagged = strategyHoldingsFromTrades(trades.openPositions);
  const strategyCurrency = new Map(tagged.filter((h) => !isSpotPair(h.symbol) && h.quoteCurrency).map((h) => [h.symbol, h.quoteCurrency!]));
  const rates = snapshotRates(input.rows, strategyCurrency);
  const book = createPriceBook({ baseCurrency: base, ...rates });

  const strategies = strategyHoldingsForSnapshot(tagged, { baseCurrency: base, book });
  const reconciled = calculateReconciliation({
    baseCurrency: base,
    ...rates,
    venuePositions: venueHoldingsFromSnapshot(input.rows, { baseCurrency: base, strategyCurrency }),
    strategyPositions: strategies.holdings,
    nav: input.snapshot.equity,
  });
  const rows: AttributedRow[] = reconciled.rows.map((r) => ({ ...r, unrealizedPnl: unrealizedOf(r) }));

  return {
    rows,
    summary: summarize(input.snapshot, input.rows, rows, trades.overall.realizedPnl),
    strategies: strategyPoints(rows, trades.byStrategy),
    unpriced: [...new Set([...reconciled.unpriced, ...trades.unpricedCurrencies, ...trades.unconvertedFees.map((f) => f.currency), ...trades.unpricedSymbols.map((u) => u.symbol), ...strategies.uncosted])].sort(),
  };
}

function unrealizedOf(r: ReconcileRow): string | null {
  if (r.valueBase === null || r.averageCost === null || r.fxRate === null) return null;
  return toDecimalString(new D(r.valueBase).minus(new D(r.quantity).times(r.averageCost).times(r.fxRate)));
}

const total = (values: Iterable<string | null>): Dec => sum([...values].filter((v): v is string => v !== null));

function summarize(s: AttributionSnapshot, snapshotRows: readonly SnapshotRowInput[], rows: AttributedRow[], realized: string): AccountSummary {
  const spot = snapshotRows.filter((r) => r.kind === "spot");
  const cash = sum(spot.filter((r) => isCashLike(r.asset, s.baseCurrency)).map((r) => r.valueBase));
  const market = sum(spot.filter((r) => !isCashLike(r.asset, s.baseCurrency)).map((r) => r.valueBase));
  const parts = cash.plus(market).plus(s.futuresWalletBalance).plus(s.unrealizedPnl).plus(s.marginDebt);
  if (!parts.equals(s.equity)) throw new AccountIdentityError(s.equity, toDecimalString(parts));
  return {
    equity: s.equity,
    cash: toDecimalString(cash),
    marketValue: toDecimalString(market),
    futuresWalletBalance: s.futuresWalletBalance,
    marginDebt: s.marginDebt,
    unrealizedPnl: s.unrealizedPnl,
    realizedPnl: realized,
    pnl: toDecimalString(new D(realized).plus(s.unrealizedPnl)),
    strategyValue: toDecimalString(total(rows.filter((r) => r.kind === "strategy").map((r) => r.valueBase))),
    residualValue: toDecimalString(total(rows.filter((r) => r.kind === "residual").map((r) => r.valueBase))),
  };
}

function strategyPoints(rows: AttributedRow[], byStrategy: Record<string, { realizedPnl: string }>): StrategyPoint[] {
  const names = new Set([...Object.keys(byStrategy).filter((k) => k !== RESERVED_STRATEGY), ...rows.flatMap((r) => (r.strategy ? [r.strategy] : []))]);
  return [...names].sort().map((strategy) => {
    const own = rows.filter((r) => r.strategy === strategy);
    const realized = new D(byStrategy[strategy]?.realizedPnl ?? 0);
    const unrealized = total(own.map((r) => r.unrealizedPnl));
    return {
      strategy,
      realizedPnl: toDecimalString(realized),
      unrealizedPnl: toDecimalString(unrealized),
      pnl: toDecimalString(realized.plus(unrealized)),
      marketValue: toDecimalString(total(own.map((r) => r.valueBase))),
      openPositions: own.filter((r) => !new D(r.quantity).isZero()).length,
    };
  });
}
