import Decimal from "decimal.js";

/**
 * One configured Decimal for the whole app. 40 significant digits hold any amount a
 * portfolio can reach (18 decimals of a token times 1e20 units) without rounding.
 */
export const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -40, toExpPos: 40 });
export type Dec = InstanceType<typeof D>;

export type DecimalInput = string | number | Dec;

export function dec(value: DecimalInput): Dec {
  return new D(value);
}

export function sum(values: Iterable<DecimalInput>): Dec {
  let total = new D(0);
  for (const v of values) total = total.plus(v);
  return total;
}

/** Canonical string for storage and transit: no exponent, no trailing zeros, "-0" → "0". */
export function toDecimalString(value: DecimalInput): string {
  // Decimals are immutable: one already built needs no copy (this sits on hot loops).
  const d = value instanceof D ? value : new D(value);
  if (d.isZero()) return "0";
  return d.toFixed();
}

const DECIMAL_LITERAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * True for a finite decimal literal such as "12", "-0.5", "1e-8". Cheap on the common
 * plain form (it validates every amount of every API response); only an exponent needs
 * the Decimal range check.
 */
export function isDecimalString(value: string): boolean {
  if (!DECIMAL_LITERAL.test(value)) return false;
  return !/[eE]/.test(value) || new D(value).isFinite();
}
