import { type Amount, compare, isNegative, isZero, minus, ZERO_AMOUNT as ZERO } from "@/lib/money/amount";
import type { HistoryEvent } from "@/lib/engines/history/events";
import type { ResidualKind } from "@/lib/engines/history/types";

/**
 * The backward walk: from the venue's balances at the end of the last day (the truth),
 * undo each day's events, newest first, down to the start of the first day. An incomplete
 * history therefore still ends at the right present; what the events cannot explain
 * becomes a residual instead of a wrong today:
 *
 * - undoing an event takes a balance below its floor (zero, or today's balance when that
 *   is negative, as a margin debt): something removed the asset unseen after the event.
 *   The balance is held at the floor and a "negative-balance" residual of the shortfall is
 *   booked at the end of that day;
 * - an observed snapshot disagrees with the walk at the end of a day: the observed
 *   balances win, and the difference is an "unexplained-change" at the start of the next day;
 * - something is still held before the first event: an "opening" residual at the start
 *   of the first day (history older than what was read).
 *
 * Replaying forward from zero with the residuals gives back exactly the walk's balances
 * (./forward-replay.ts asserts it), so the forward pass can carry cost basis, which only
 * runs forwards.
 */
export interface RawResidual {
  kind: ResidualKind;
  day: number;
  asset: number;
  qty: Amount;
  at: "start" | "end";
}

export function walkBackwards(p: {
  dayCount: number;
  assetCount: number;
  events: readonly HistoryEvent[];
  /** Today's balances by asset index (ZERO where none). */
  balances: readonly Amount[];
  /** Observed balances at the end of a day, by day index (ZERO where an asset is absent). */
  observed: ReadonlyMap<number, readonly Amount[]>;
}): RawResidual[] {
  const held = p.balances.slice();
  const floor = p.balances.map((b) => (isNegative(b) ? b : ZERO));
  while (floor.length < p.assetCount) floor.push(ZERO);
  while (held.length < p.assetCount) held.push(ZERO);
  const residuals: RawResidual[] = [];
  let e = p.events.length - 1;
  for (let day = p.dayCount - 1; day >= 0; day--) {
    const seen = day < p.dayCount - 1 ? p.observed.get(day) : undefined;
    if (seen) {
      for (let a = 0; a < p.assetCount; a++) {
        const observed = seen[a] ?? ZERO;
        const diff = minus(held[a]!, observed);
        if (!isZero(diff)) residuals.push({ kind: "unexplained-change", day: day + 1, asset: a, qty: diff, at: "start" });
        held[a] = observed;
      }
    }
    const undo = (asset: number, qty: Amount) => {
      const before = minus(held[asset]!, qty);
      const f = floor[asset]!;
      if (f === ZERO ? isNegative(before) : compare(before, f) < 0) {
        // The forward replay adds back what the clamp removed: −shortfall at the day's end.
        residuals.push({ kind: "negative-balance", day, asset, qty: minus(before, f), at: "end" });
        held[asset] = f;
      } else held[asset] = before;
    };
    for (; e >= 0 && p.events[e]!.day === day; e--) {
      const ev = p.events[e]!;
      undo(ev.a1, ev.q1);
      if (ev.a2 >= 0) undo(ev.a2, ev.q2);
      if (ev.a3 >= 0) undo(ev.a3, ev.q3);
    }
  }
  for (let a = 0; a < p.assetCount; a++) {
    if (!isZero(held[a]!)) residuals.push({ kind: "opening", day: 0, asset: a, qty: held[a]!, at: "start" });
  }
  return residuals;
}
