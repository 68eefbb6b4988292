import { D, type Dec, toDecimalString } from "@/lib/money/decimal";

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
  private grossProfit = new D(0);
  private grossLoss = new D(0);
  private fees = new D(0);
  private holdingMs = 0;
  private realized = new D(0);

  constructor(readonly currency: string) {}

  addTrip(net: Dec, fees: Dec, holdingMs: number): void {
    this.trades++;
    if (net.greaterThan(0)) {
      this.winners++;
      this.grossProfit = this.grossProfit.plus(net);
    } else if (net.lessThan(0)) {
      this.losers++;
      this.grossLoss = this.grossLoss.minus(net);
    }
    this.fees = this.fees.plus(fees);
    this.holdingMs += holdingMs;
  }

  addRealized(amount: Dec): void {
    this.realized = this.realized.plus(amount);
  }

  result(): TradeSummary {
    const n = this.trades;
    const net = this.grossProfit.minus(this.grossLoss);
    let profitFactor = NaN;
    if (this.grossLoss.greaterThan(0)) profitFactor = this.grossProfit.div(this.grossLoss).toNumber();
    else if (this.grossProfit.greaterThan(0)) profitFactor = Infinity;
    return {
      currency: this.currency,
      trades: n,
      winners: this.winners,
      losers: this.losers,
      breakeven: n - this.winners - this.losers,
      winRate: n === 0 ? NaN : this.winners / n,
      lossRate: n === 0 ? NaN : this.losers / n,
      grossProfit: toDecimalString(this.grossProfit),
      grossLoss: toDecimalString(this.grossLoss),
      netPnl: toDecimalString(net),
      fees: toDecimalString(this.fees),
      profitFactor,
      averageWin: this.winners === 0 ? null : toDecimalString(this.grossProfit.div(this.winners)),
      averageLoss: this.losers === 0 ? null : toDecimalString(this.grossLoss.div(this.losers)),
      expectancy: n === 0 ? null : toDecimalString(net.div(n)),
      averageHoldingMs: n === 0 ? NaN : this.holdingMs / n,
      realizedPnl: toDecimalString(this.realized),
    };
  }
}
