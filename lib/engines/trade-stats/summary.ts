import { type Amount, amount, amountToNumber, amountToString, div, isPositive, isNegative, minus, plus, ZERO_AMOUNT as ZERO } from "@/lib/money/amount";

/**
 * Statistics over closed round trips:
 *   win rate = winners / trades, profit factor = gross profit / gross loss,
 *   expectancy = win rate × average win − loss rate × average loss = net PnL / trades.
 * A round trip with exactly zero net PnL is a trade but neither a win nor a loss.
 */
export interface TradeSummary {
  /** Currency of every money figure below. */
  currency: string;
  trades: number;
  winners: number;
  losers: number;
  breakeven: number;
  /** NaN with no trades. */
  winRate: number;
  lossRate: number;
  grossProfit: string;
  /** Σ of losing trades, as a positive amount. */
  grossLoss: string;
  netPnl: string;
  fees: string;
  /** +∞ with wins and no losses; NaN with no trades or nothing won and nothing lost. */
  profitFactor: number;
  averageWin: string | null;
  averageLoss: string | null;
  expectancy: string | null;
  /** Mean time from first entry to flat, in milliseconds; NaN with no trades. */
  averageHoldingMs: number;
  /** Realized net PnL including partial closes of positions still open. */
  realizedPnl: string;
}

export class SummaryAccumulator {
  private trades = 0;
  private winners = 0;
  private losers = 0;
  private grossProfit: Amount = ZERO;
  private grossLoss: Amount = ZERO;
  private fees: Amount = ZERO;
  private holdingMs = 0;
  private realized: Amount = ZERO;

  constructor(readonly currency: string) {}

  addTrip(net: Amount, fees: Amount, holdingMs: number): void {
    this.trades++;
    if (isPositive(net)) {
      this.winners++;
      this.grossProfit = plus(this.grossProfit, net);
    } else if (isNegative(net)) {
      this.losers++;
      this.grossLoss = minus(this.grossLoss, net);
    }
    this.fees = plus(this.fees, fees);
    this.holdingMs += holdingMs;
  }

  addRealized(amount: Amount): void {
    this.realized = plus(this.realized, amount);
  }

  /**
   * The trips of `later` that `earlier` does not hold: both summaries of one book over a
   * prefix of the same fills (FIFO and average cost are deterministic, so every trip closed
   * before the shorter prefix ends is in both, identically). Counts, sums and realized PnL
   * subtract exactly; the ratios are taken again from the differences.
   */
  static between(later: TradeSummary, earlier: TradeSummary | undefined): TradeSummary {
    const acc = new SummaryAccumulator(later.currency);
    const less = (a: string, b: string | undefined) => (b === undefined ? amount(a) : minus(amount(a), amount(b)));
    acc.trades = later.trades - (earlier?.trades ?? 0);
    acc.winners = later.winners - (earlier?.winners ?? 0);
    acc.losers = later.losers - (earlier?.losers ?? 0);
    acc.grossProfit = less(later.grossProfit, earlier?.grossProfit);
    acc.grossLoss = less(later.grossLoss, earlier?.grossLoss);
    acc.fees = less(later.fees, earlier?.fees);
    const held = (s: TradeSummary | undefined) => (s && s.trades > 0 ? s.averageHoldingMs * s.trades : 0);
    acc.holdingMs = held(later) - held(earlier);
    acc.realized = less(later.realizedPnl, earlier?.realizedPnl);
    return acc.result();
  }

  result(): TradeSummary {
    const n = this.trades;
    const net = minus(this.grossProfit, this.grossLoss);
    let profitFactor = NaN;
    if (isPositive(this.grossLoss)) profitFactor = amountToNumber(div(this.grossProfit, this.grossLoss));
    else if (isPositive(this.grossProfit)) profitFactor = Infinity;
    return {
      currency: this.currency,
      trades: n,
      winners: this.winners,
      losers: this.losers,
      breakeven: n - this.winners - this.losers,
      winRate: n === 0 ? NaN : this.winners / n,
      lossRate: n === 0 ? NaN : this.losers / n,
      grossProfit: amountToString(this.grossProfit),
      grossLoss: amountToString(this.grossLoss),
      netPnl: amountToString(net),
      fees: amountToString(this.fees),
      profitFactor,
      averageWin: this.winners === 0 ? null : amountToString(div(this.grossProfit, this.winners)),
      averageLoss: this.losers === 0 ? null : amountToString(div(this.grossLoss, this.losers)),
      expectancy: n === 0 ? null : amountToString(div(net, n)),
      averageHoldingMs: n === 0 ? NaN : this.holdingMs / n,
      realizedPnl: amountToString(this.realized),
    };
  }
}
