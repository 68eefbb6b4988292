import { brent, newton } from "@/lib/engines/performance/root-finding";

/**
 * Money-weighted return (Excel XIRR / pyxirr): the annual rate r with
 *   Σ amountᵢ · (1 + r)^(−tᵢ) = 0,   tᵢ = (dateᵢ − earliest date) / 365   (ACT/365F).
 * Money invested is negative, money received (including the final value) positive.
 */
export interface DatedFlow {
  /** "YYYY-MM-DD" (read as UTC midnight), an ISO timestamp, or a Date. */
  date: string | Date;
  amount: number;
}

const MS_PER_DAY = 86_400_000;
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOWER = -0.999999999;
const UPPER = 100;
const GUESS = 0.1;
// Ascending, so the first bracket with a sign change holds the lowest root. Dense near −1,
// where (1 + r)^(−t) changes fastest and two roots can hide inside one wide bracket.
const GRID = [
  LOWER, -0.99999999, -0.9999999, -0.999999, -0.99999, -0.9999, -0.999, -0.995, -0.99, -0.98, -0.95, -0.9, -0.8, -0.7,
  -0.6, -0.5, -0.4, -0.3, -0.2, -0.1, 0, 0.1, 0.2, 0.35, 0.5, 0.75, 1, 1.5, 2, 3, 5, 7.5, 10, 15, 25, 50, 75, UPPER,
];

function toMs(date: string | Date): number {
  if (date instanceof Date) return date.getTime();
  const m = DATE_ONLY.exec(date);
  const ms = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : Date.parse(date);
  if (Number.isNaN(ms)) throw new RangeError(`invalid date: ${date}`);
  return ms;
}

interface Prepared {
  amounts: Float64Array;
  years: Float64Array;
}

function prepare(flows: DatedFlow[]): Prepared {
  const ms = flows.map((f) => toMs(f.date));
  let first = Infinity;
  for (const t of ms) if (t < first) first = t;
  return {
    amounts: Float64Array.from(flows, (f) => f.amount),
    years: Float64Array.from(ms, (t) => (t - first) / MS_PER_DAY / 365),
  };
}

function npv(p: Prepared, rate: number): number {
  let total = 0;
  for (let i = 0; i < p.amounts.length; i++) total += p.amounts[i]! * Math.pow(1 + rate, -p.years[i]!);
  return total;
}

function npvDerivative(p: Prepared, rate: number): number {
  let total = 0;
  for (let i = 0; i < p.amounts.length; i++) {
    const t = p.years[i]!;
    total -= t * p.amounts[i]! * Math.pow(1 + rate, -t - 1);
  }
  return total;
}

/** Σ amountᵢ · (1 + rate)^(−tᵢ); NaN for rate ≤ −1. */
export function xnpv(rate: number, flows: DatedFlow[]): number {
  if (!(rate > -1) || flows.length === 0) return NaN;
  return npv(prepare(flows), rate);
}

/** A root is accepted when the XNPV it leaves is negligible next to the discounted flows. */
function isRoot(p: Prepared, rate: number): boolean {
  if (!Number.isFinite(rate) || rate <= -1) return false;
  let scale = 0;
  for (let i = 0; i < p.amounts.length; i++) scale += Math.abs(p.amounts[i]! * Math.pow(1 + rate, -p.years[i]!));
  return Math.abs(npv(p, rate)) <= 1e-8 * scale;
}

function polish(p: Prepared, rate: number): number {
  const polished = newton((r) => npv(p, r), (r) => npvDerivative(p, r), rate, {
    lowerBound: -1,
    tolerance: 1e-12,
    maxIterations: 20,
  });
  return Number.isFinite(polished) && Math.abs(polished - rate) < 1e-6 ? polished : rate;
}

/**
 * Two flows: closed form. Otherwise Newton from 10 %; if it does not converge to a genuine
 * root inside (−0.999999999, 100), Brent on a grid of brackets over that interval, lowest
 * bracket first. The root is polished until a Newton step is below 1e-12. Flows that change
 * sign more than once can have several roots: the one Newton reaches from 10 % is returned,
 * otherwise the lowest one found (pyxirr's "pessimistic" choice).
 * No positive or no negative flow, or no root → NaN.
 */
export function xirr(flows: DatedFlow[]): number {
  if (flows.length < 2) return NaN;
  let hasPositive = false;
  let hasNegative = false;
  for (const f of flows) {
    if (!Number.isFinite(f.amount)) return NaN;
    if (f.amount > 0) hasPositive = true;
    if (f.amount < 0) hasNegative = true;
  }
  if (!hasPositive || !hasNegative) return NaN;
  const p = prepare(flows);

  if (flows.length === 2) {
    const [a0, a1] = [p.amounts[0]!, p.amounts[1]!];
    const dt = p.years[1]! - p.years[0]!;
    if (dt === 0) return NaN;
    // a_early + a_late·(1 + r)^(−|dt|) = 0
    const [early, late] = dt > 0 ? [a0, a1] : [a1, a0];
    const rate = Math.pow(-late / early, 1 / Math.abs(dt)) - 1;
    // A rate beyond double range is no answer: 7× in one day is 7^365.
    return Number.isFinite(rate) ? rate : NaN;
  }

  const f = (r: number) => npv(p, r);
  const fromNewton = newton(f, (r) => npvDerivative(p, r), GUESS, { lowerBound: LOWER, tolerance: 1e-12, maxIterations: 100 });
  if (fromNewton < UPPER && isRoot(p, fromNewton)) return fromNewton;

  for (let i = 1; i < GRID.length; i++) {
    const root = brent(f, GRID[i - 1]!, GRID[i]!);
    if (Number.isNaN(root)) continue;
    const polished = polish(p, root);
    if (isRoot(p, polished)) return polished;
  }
  return NaN;
}
