import { type Amount, compare, isPositive, isZero, minus, plus, quotient, times, ZERO_AMOUNT as ZERO } from "@/lib/money/amount";

/**
 * Cost basis of one asset in the base currency, kept by FIFO and by average cost at once.
 *
 * A lot keeps its unit cost, not its total: a fill's unit cost is price × the quote's close
 * (a flow's, income's or residual's is the close), so taking part of a lot is one exact
 * multiplication and FIFO never divides. Average cost must divide once per partial
 * disposal (the consumed share of the pooled cost), at decimal.js's 40 significant digits
 * (lib/money/decimal), as trade-stats' average cost does; lib/money/amount's quotient gives
 * decimal.js's result with bigint arithmetic.
 *
 * Realised PnL is proceeds − cost of what was disposed, gross of fees (fees are reported
 * beside it). Disposing more than is held (a short, or a margin debt) takes the excess at
 * zero cost: its whole proceeds are realised.
 */
export class CostLedger {
  private lotQty: Amount[] = [];
  private lotUnit: Amount[] = [];
  private head = 0;
  fifoCost: Amount = ZERO;
  fifoRealised: Amount = ZERO;
  avgQty: Amount = ZERO;
  avgCost: Amount = ZERO;
  avgRealised: Amount = ZERO;

  acquire(qty: Amount, unit: Amount): void {
    const cost = times(qty, unit);
    this.lotQty.push(qty);
    this.lotUnit.push(unit);
    this.fifoCost = plus(this.fifoCost, cost);
    this.avgQty = plus(this.avgQty, qty);
    this.avgCost = plus(this.avgCost, cost);
  }

  dispose(qty: Amount, proceeds: Amount): void {
    // FIFO: oldest lots first.
    let left = qty;
    let consumed = ZERO;
    while (this.head < this.lotQty.length && isPositive(left)) {
      const lq = this.lotQty[this.head]!;
      const unit = this.lotUnit[this.head]!;
      if (compare(lq, left) > 0) {
        consumed = plus(consumed, times(left, unit));
        this.lotQty[this.head] = minus(lq, left);
        left = ZERO;
      } else {
        consumed = plus(consumed, times(lq, unit));
        left = minus(left, lq);
        this.head++;
      }
    }
    if (this.head > 256 && this.head * 2 > this.lotQty.length) {
      this.lotQty = this.lotQty.slice(this.head);
      this.lotUnit = this.lotUnit.slice(this.head);
      this.head = 0;
    }
    this.fifoCost = this.head >= this.lotQty.length ? ZERO : minus(this.fifoCost, consumed);
    this.fifoRealised = plus(this.fifoRealised, minus(proceeds, consumed));

    // Average cost: the disposed share of the pooled cost.
    let avgConsumed: Amount;
    if (!isPositive(this.avgQty)) avgConsumed = ZERO;
    else if (compare(qty, this.avgQty) >= 0) avgConsumed = this.avgCost;
    else avgConsumed = quotient(times(this.avgCost, qty), this.avgQty);
    const remaining = minus(this.avgQty, qty);
    this.avgQty = isPositive(remaining) ? remaining : ZERO;
    this.avgCost = isZero(this.avgQty) ? ZERO : minus(this.avgCost, avgConsumed);
    this.avgRealised = plus(this.avgRealised, minus(proceeds, avgConsumed));
  }
}

