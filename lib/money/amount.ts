import { D, type Dec } from "./decimal";
import { addFixed, cmpFixed, divFixed, Fixed, fixedFromDecimal, fixedToDecimal, fixedToNumber, fixedToString, mulFixed, parseFixed, subFixed } from "./fixed";

/**
 * A decimal for hot loops: a Fixed (bigint) whenever the value allows, a decimal.js value
 * otherwise (NaN, ±Infinity, negative zero, extreme exponents). Every function gives what
 * the same decimal.js method gives, value for value and down to the sign of a zero: Fixed
 * where both operands are Fixed, decimal.js on exactly the same values where not, and
 * always for division.
 */
export type Amount = Fixed | Dec;

export const ZERO_AMOUNT: Amount = new Fixed(0n, 0);
const NEGATIVE_ZERO = new D(0).negated();

/** Reads a decimal literal; throws on invalid text exactly as new D(text) does. */
export function amount(text: string): Amount {
  return parseFixed(text) ?? fromDecimal(new D(text));
}

export function fromDecimal(d: Dec): Amount {
  return fixedFromDecimal(d) ?? d;
}

export function toDecimal(a: Amount): Dec {
  return a instanceof Fixed ? fixedToDecimal(a) : a;
}

export function plus(a: Amount, b: Amount): Amount {
  return a instanceof Fixed && b instanceof Fixed ? addFixed(a, b) : fromDecimal(toDecimal(a).plus(toDecimal(b)));
}

export function minus(a: Amount, b: Amount): Amount {
  return a instanceof Fixed && b instanceof Fixed ? subFixed(a, b) : fromDecimal(toDecimal(a).minus(toDecimal(b)));
}

export function times(a: Amount, b: Amount): Amount {
  if (!(a instanceof Fixed && b instanceof Fixed)) return fromDecimal(toDecimal(a).times(toDecimal(b)));
  const product = mulFixed(a, b);
  // decimal.js signs a zero product: 0 × −x is −0, which only decimal.js can hold.
  return product.coef === 0n && (a.coef < 0n || b.coef < 0n) ? NEGATIVE_ZERO : product;
}

export function div(a: Amount, b: Amount | number): Amount {
  return fromDecimal(toDecimal(a).div(typeof b === "number" ? b : toDecimal(b)));
}

/** Decimal#comparedTo: -1, 0, 1, or NaN when either is NaN. */
export function compare(a: Amount, b: Amount): number {
  return a instanceof Fixed && b instanceof Fixed ? cmpFixed(a, b) : toDecimal(a).comparedTo(toDecimal(b));
}

export function isZero(a: Amount): boolean {
  return a instanceof Fixed ? a.coef === 0n : a.isZero();
}

/** Decimal#isNeg: true for negative zero too. */
export function isNeg(a: Amount): boolean {
  return a instanceof Fixed ? a.coef < 0n : a.isNeg();
}

/** Strictly above / below zero; false for NaN. */
export function isPositive(a: Amount): boolean {
  return a instanceof Fixed ? a.coef > 0n : a.greaterThan(0);
}

export function isNegative(a: Amount): boolean {
  return a instanceof Fixed ? a.coef < 0n : a.lessThan(0);
}

export function negated(a: Amount): Amount {
  if (!(a instanceof Fixed)) return fromDecimal(a.negated());
  return a.coef === 0n ? NEGATIVE_ZERO : new Fixed(-a.coef, a.scale);
}

export function abs(a: Amount): Amount {
  if (!(a instanceof Fixed)) return fromDecimal(a.abs());
  return a.coef < 0n ? new Fixed(-a.coef, a.scale) : a;
}

/** toDecimalString: no exponent, no trailing zeros, "0" for zero. */
export function amountToString(a: Amount): string {
  if (a instanceof Fixed) return fixedToString(a);
  return a.isZero() ? "0" : a.toFixed();
}

export function amountToNumber(a: Amount): number {
  return a instanceof Fixed ? fixedToNumber(a) : a.toNumber();
}

/**
 * a ÷ b, the same value as div (decimal.js, 40 significant digits, half to even) but with
 * bigint arithmetic when both are Fixed: for hot loops that divide (average cost, NAV per unit).
 */
export function quotient(a: Amount, b: Amount): Amount {
  if (a instanceof Fixed && b instanceof Fixed) {
    const q = divFixed(a, b);
    if (q) return q;
  }
  return div(a, b);
}
