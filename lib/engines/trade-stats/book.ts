import { D, type Dec } from "@/lib/money/decimal";

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
 * Prices and fees may stay the fill's decimal strings: decimal.js reads them where they are
 * used, which spares a copy of each per fill.
 */
export type CostMethod = "fifo" | "average";

/** A decimal, or an exact decimal string that decimal.js reads in place. */
export type Amount = Dec | string;

export interface Lot {
  /** Remaining size, > 0. */
  qty: Dec;
  price: Amount;
  /** Size and entry fee when the lot was opened (or last merged, for average cost). */
  openedQty: Dec;
  fee: Amount;
}

export interface OpenTrip {
  side: 1 | -1;
  openedMs: number;
  entryNotional: Dec;
  exitQty: Dec;
  exitNotional: Dec;
  /** Every fee paid so far in this round trip, entry and exit, in the quote currency. */
  fees: Dec;
  fills: number;
}

export interface ClosedTrip extends OpenTrip {
  closedMs: number;
  /** Everything entered equals everything exited once flat. */
  entryQty: Dec;
  grossPnl: Dec;
}

export interface PositionBook {
  side: 0 | 1 | -1;
  lots: Lot[];
  /** Index of the oldest live lot: shifting an array per close would be quadratic. */
  head: number;
  trip: OpenTrip | null;
  /** Net PnL of the round trips this book has closed. */
  closedNet: Dec;
}

const ZERO = new D(0);

export function newBook(): PositionBook {
  return { side: 0, lots: [], head: 0, trip: null, closedNet: ZERO };
}

/**
 * Takes up to `qty` off the oldest lots and returns what is left once they run out: zero
 * unless the fill crosses zero. The queue itself tells whether the position is flat, so no
 * running open quantity has to be kept per fill.
 */
function consumeLots(book: PositionBook, qty: Dec): Dec {
  let toClose = qty;
  while (book.head < book.lots.length) {
    const lot = book.lots[book.head]!;
    const c = lot.qty.comparedTo(toClose);
    if (c > 0) {
      lot.qty = lot.qty.minus(toClose);
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
    toClose = toClose.minus(lot.qty);
  }
  return toClose;
}

function addLot(book: PositionBook, method: CostMethod, qty: Dec, price: Amount, fee: Amount): void {
  const current = book.lots[book.head];
  if (method === "fifo" || !current) {
    book.lots.push({ qty, price, openedQty: qty, fee });
    return;
  }
  const merged = current.qty.plus(qty);
  current.price = current.qty.times(current.price).plus(qty.times(price)).div(merged);
  current.fee = unrealizedFee(current).plus(fee);
  current.qty = merged;
  current.openedQty = merged;
}

/** The part of a lot's entry fee that belongs to its remaining size. */
function unrealizedFee(lot: Lot): Dec {
  return lot.qty.equals(lot.openedQty) ? ZERO.plus(lot.fee) : lot.qty.times(lot.fee).div(lot.openedQty);
}

/**
 * Applies one fill (size > 0, direction ±1, fee already in the quote currency) and returns
 * the round trip it completed, if any.
 */
export function applyFill(
  book: PositionBook,
  method: CostMethod,
  direction: 1 | -1,
  size: Dec,
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
    const crosses = !left.isZero();
    const closing = crosses ? size.minus(left) : size;
    const exitFee = crosses ? closing.times(fee).div(size) : fee;
    trip.exitQty = trip.exitQty.plus(closing);
    trip.exitNotional = trip.exitNotional.plus(closing.times(price));
    trip.fees = trip.fees.plus(exitFee);
    trip.fills++;
    opening = left;
    openingFee = crosses ? ZERO.plus(fee).minus(exitFee) : ZERO;
    if (book.head >= book.lots.length) {
      const grossPnl = trip.side === 1 ? trip.exitNotional.minus(trip.entryNotional) : trip.entryNotional.minus(trip.exitNotional);
      closed = { ...trip, closedMs: ms, entryQty: trip.exitQty, grossPnl };
      book.closedNet = book.closedNet.plus(grossPnl).minus(trip.fees);
      book.side = 0;
      book.trip = null;
      book.lots = [];
      book.head = 0;
    }
  }

  if (opening.isZero()) return closed;
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
  open.entryNotional = open.entryNotional.plus(opening.times(price));
  open.fees = open.fees.plus(openingFee);
  open.fills++;
  addLot(book, method, opening, price, openingFee);
  return closed;
}

export interface OpenState {
  /** Signed open size. */
  quantity: Dec;
  averageEntryPrice: Dec;
  /** Net PnL already realized by partial closes of the open position. */
  realized: Dec;
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
    openQty = openQty.plus(lot.qty);
    remainingCost = remainingCost.plus(lot.qty.times(lot.price));
    remainingFee = remainingFee.plus(unrealizedFee(lot));
  }
  const exitedCost = trip.entryNotional.minus(remainingCost);
  const gross = trip.side === 1 ? trip.exitNotional.minus(exitedCost) : exitedCost.minus(trip.exitNotional);
  return {
    quantity: trip.side === 1 ? openQty : openQty.negated(),
    averageEntryPrice: remainingCost.div(openQty),
    realized: gross.minus(trip.fees.minus(remainingFee)),
    openedMs: trip.openedMs,
  };
}
