/**
 * Returns of an equity series with external deposits and withdrawals, so that money moved
 * in or out never counts as performance (GIPS true time-weighted return).
 *
 * `valuations[i]` is the value at point i measured before the flow at that point;
 * `flows[i]` (+ deposit, − withdrawal) happens right after it. Sub-period i runs from
 * valuations[i−1] + flows[i−1] to valuations[i].
 */

function checkLengths(valuations: number[], flows: number[]): void {
  if (valuations.length !== flows.length) {
    throw new RangeError(`valuations (${valuations.length}) and flows (${flows.length}) must have one entry per point`);
  }
}

/**
 * One return per sub-period (length n − 1): rᵢ = Vᵢ / (Vᵢ₋₁ + Fᵢ₋₁) − 1. A sub-period that
 * starts and ends at zero (fully withdrawn, nothing yet re-deposited) is a 0 return; one
 * that starts at or below zero and ends elsewhere is NaN (no return is defined).
 */
export function flowAdjustedReturns(valuations: number[], flows: number[]): number[] {
  checkLengths(valuations, flows);
  const out = new Array<number>(Math.max(0, valuations.length - 1));
  for (let i = 1; i < valuations.length; i++) {
    const start = valuations[i - 1]! + flows[i - 1]!;
    const end = valuations[i]!;
    if (start === 0 && end === 0) out[i - 1] = 0;
    else if (start <= 0) out[i - 1] = NaN;
    else out[i - 1] = end / start - 1;
  }
  return out;
}

/**
 * TWR = Π(1 + rᵢ) − 1 over the sub-periods above. The last flow never matters. Fewer than
 * two valuations → NaN; a sub-period starting at or below zero with a non-zero end → NaN.
 */
export function timeWeightedReturn(valuations: number[], flows: number[]): number {
  checkLengths(valuations, flows);
  if (valuations.length < 2) return NaN;
  let growth = 1;
  for (let i = 1; i < valuations.length; i++) {
    const start = valuations[i - 1]! + flows[i - 1]!;
    const end = valuations[i]!;
    if (start === 0 && end === 0) continue;
    if (!(start > 0)) return NaN;
    growth *= end / start;
  }
  return growth - 1;
}
