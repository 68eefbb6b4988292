import { type Amount, compare, div, isZero, minus, negated, plus, times, ZERO_AMOUNT as ZERO } from "@/lib/money/amount";

/**
 * The open position of one (account, symbol, strategy), as lots, and the round trip it
 * belongs to. A round trip runs from flat to flat; a fill that crosses zero closes one
 * round trip and opens the next, its quantity and fee split between them.
 *
 * FIFO keeps one lot per opening fill and closes the oldest first; average cost keeps a
 * single lot whose price is the quantity-weighted mean. Once a round trip is flat its PnL
 * is the same under both; they differ in what is realized while a position is still open.
 *
 * Hot path: a fill costs a handful of decimal additions. Gross PnL is not accumulated per
 * fill but derived from notionals (a flat round trip made exit − entry notional), and the
 * share of entry fees realized by a partial close is only worked out when asked for.
 * Amounts are lib/money/amount: bigint arithmetic that gives decimal.js's results, each
 * amount parsed once per fill.
 */
export type CostMethod = "fifo" | "average";

export interface Lot {
  /** Remaining size, > 0. */
  qty: Amount;
  price: Amount;
  /** Size and entry fee when the lot was opened (or last merged, for average cost). */
  openedQty: Amount;
  fee: Amount;
}

export interface OpenTrip {
  side: 1 | -1;
  openedMs: number;
  entryNotional: Amount;
  exitQty: Amount;
  exitNotional: Amount;
  /** Every fee paid so far in this round trip, entry and exit, in the quote currency. */
  fees: Amount;
  fills: number;
}

export interface ClosedTrip extends OpenTrip {
  closedMs: number;
  /** Everything entered equals everything exited once flat. */
  entryQty: Amount;
  grossPnl: Amount;
}

export interface PositionBook {
  side: 0 | 1 | -1;
  lots: Lot[];
  /** Index of the oldest live lot: shifting an array per close would be quadratic. */
  head: number;
  trip: OpenTrip | null;
  /** Net PnL of the round trips this book has closed. */
  closedNet: Amount;
}

export function newBook(): PositionBook {
  return { side: 0, lots: [], head: 0, trip: null, closedNet: ZERO };
}

/**
 * Takes up to `qty` off the oldest lots and returns what is left once they run out: zero
 * unless the fill crosses zero. The queue itself tells whether the position is flat, so no
 * running open quantity has to be kept per fill.
 */
function consumeLots(book: PositionBook, qty: Amount): Amount {
  let toClose = qty;
  while (book.head < book.lots.length) {
    const lot = book.lots[book.head]!;
    const c = compare(lot.qty, toClose);
    if (c > 0) {
      lot.qty = minus(lot.qty, toClose);
      return ZERO;
    }
    book.head++;
    // Drop closed lots once they are half the queue: a position that rarely returns to flat
    // would otherwise keep every lot it ever had alive, and the GC pays for it.
    if (book.head >= 64 && book.head * 2 >= book.lots.length) {
      book.lots = book.lots.slice(book.head);
      book.head = 0;
    }
    if (c === 0) return ZERO;
    toClose = minus(toClose, lot.qty);
  }
  return toClose;
}

function addLot(book: PositionBook, method: CostMethod, qty: Amount, price: Amount, fee: Amount): void {
  const current = book.lots[book.head];
  if (method === "fifo" || !current) {
    book.lots.push({ qty, price, openedQty: qty, fee });
    return;
  }
  const merged = plus(current.qty, qty);
  current.price = div(plus(times(current.qty, current.price), times(qty, price)), merged);
  current.fee = plus(unrealizedFee(current), fee);
  current.qty = merged;
  current.openedQty = merged;
}

/** The part of a lot's entry fee that belongs to its remaining size. */
function unrealizedFee(lot: Lot): Amount {
  return compare(lot.qty, lot.openedQty) === 0 ? plus(ZERO, lot.fee) : div(times(lot.qty, lot.fee), lot.openedQty);
}

/**
 * Applies one fill (size > 0, direction ±1, fee already in the quote currency) and returns
 * the round trip it completed, if any.
 */
export function applyFill(
  book: PositionBook,
  method: CostMethod,
  direction: 1 | -1,
  size: Amount,
  price: Amount,
  fee: Amount,
  ms: number,
): ClosedTrip | null {
  let opening = size;
  let openingFee = fee;
  let closed: ClosedTrip | null = null;

  const trip = book.trip;
  if (trip && book.side !== direction) {
    const left = consumeLots(book, size);
    const crosses = !isZero(left);
    const closing = crosses ? minus(size, left) : size;
    const exitFee = crosses ? div(times(closing, fee), size) : fee;
    trip.exitQty = plus(trip.exitQty, closing);
    trip.exitNotional = plus(trip.exitNotional, times(closing, price));
    trip.fees = plus(trip.fees, exitFee);
    trip.fills++;
    opening = left;
    openingFee = crosses ? minus(plus(ZERO, fee), exitFee) : ZERO;
    if (book.head >= book.lots.length) {
      const grossPnl = trip.side === 1 ? minus(trip.exitNotional, trip.entryNotional) : minus(trip.entryNotional, trip.exitNotional);
      closed = { ...trip, closedMs: ms, entryQty: trip.exitQty, grossPnl };
      book.closedNet = minus(plus(book.closedNet, grossPnl), trip.fees);
      book.side = 0;
      book.trip = null;
      book.lots = [];
      book.head = 0;
    }
  }

  if (isZero(opening)) return closed;
  let open = book.trip;
  if (!open) {
    book.side = direction;
    open = {
      side: direction,
      openedMs: ms,
      entryNotional: ZERO,
      exitQty: ZERO,
      exitNotional: ZERO,
      fees: ZERO,
      fills: 0,
    };
    book.trip = open;
  }
  open.entryNotional = plus(open.entryNotional, times(opening, price));
  open.fees = plus(open.fees, openingFee);
  open.fills++;
  addLot(book, method, opening, price, openingFee);
  return closed;
}

export interface OpenState {
  /** Signed open size. */
  quantity: Amount;
  averageEntryPrice: Amount;
  /** Net PnL already realized by partial closes of the open position. */
  realized: Amount;
  openedMs: number;
}

/** What is still open, and what its partial closes realized; null when flat. */
export function openState(book: PositionBook): OpenState | null {
  const trip = book.trip;
  if (!trip || book.head >= book.lots.length) return null;
  let openQty = ZERO;
  let remainingCost = ZERO;
  let remainingFee = ZERO;
  for (let i = book.head; i < book.lots.length; i++) {
    const lot = book.lots[i]!;
    openQty = plus(openQty, lot.qty);
    remainingCost = plus(remainingCost, times(lot.qty, lot.price));
    remainingFee = plus(remainingFee, unrealizedFee(lot));
  }
  const exitedCost = minus(trip.entryNotional, remainingCost);
  const gross = trip.side === 1 ? minus(trip.exitNotional, exitedCost) : minus(exitedCost, trip.exitNotional);
  return {
    quantity: trip.side === 1 ? openQty : negated(openQty),
    averageEntryPrice: div(remainingCost, openQty),
    realized: minus(gross, minus(trip.fees, remainingFee)),
    openedMs: trip.openedMs,
  };
}
