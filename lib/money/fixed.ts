import { D, type Dec } from "./decimal";

/**
 * An exact decimal as a bigint coefficient and a scale: value = coef × 10^-scale. It gives
 * the same results as D (lib/money/decimal.ts) for +, − and ×: those are exact in both
 * until a result passes 40 significant digits, and past that it rounds the exact result
 * the way decimal.js does (to 40 significant digits, half to even). Division is not here:
 * it stays with decimal.js. Much cheaper than decimal.js on the short amounts of fills and
 * positions, where parsing and one allocation per operation dominate.
 *
 * No negative zero, NaN or ±Infinity: what cannot be held is left to decimal.js by the
 * caller (parseFixed and fixedFromDecimal return null).
 */
export class Fixed {
  constructor(
    readonly coef: bigint,
    readonly scale: number,
  ) {}
}

const PRECISION = 40;
/**
 * Longer literals and larger exponents stay in decimal.js: they only come from odd input,
 * and would make bigints of thousands of digits here.
 */
const MAX_DIGITS = 400;

const POW10: bigint[] = [1n];
while (POW10.length < 128) POW10.push(POW10[POW10.length - 1]! * 10n);
function pow10(k: number): bigint {
  return k < POW10.length ? POW10[k]! : 10n ** BigInt(k);
}
const LIMIT = pow10(PRECISION);

/** Rounds the exact coef × 10^-scale to 40 significant digits, half to even, as decimal.js does. */
function rounded(coef: bigint, scale: number): Fixed {
  const negative = coef < 0n;
  const abs = negative ? -coef : coef;
  if (abs < LIMIT) return new Fixed(coef, scale);
  // A sum of two amounts 40 digits apart in scale has ~80 digits: stepping one power of ten
  // at a time cost 40 comparisons; digitCount bisects.
  const digits = digitCount(abs);
  const drop = digits - PRECISION;
  const unit = pow10(drop);
  let kept = abs / unit;
  const rest = abs - kept * unit;
  const half = unit / 2n;
  if (rest > half || (rest === half && (kept & 1n) === 1n)) kept++;
  return new Fixed(negative ? -kept : kept, scale - drop);
}

export function addFixed(a: Fixed, b: Fixed): Fixed {
  if (a.scale === b.scale) return rounded(a.coef + b.coef, a.scale);
  return a.scale > b.scale
    ? rounded(a.coef + b.coef * pow10(a.scale - b.scale), a.scale)
    : rounded(a.coef * pow10(b.scale - a.scale) + b.coef, b.scale);
}

export function subFixed(a: Fixed, b: Fixed): Fixed {
  return addFixed(a, new Fixed(-b.coef, b.scale));
}

export function mulFixed(a: Fixed, b: Fixed): Fixed {
  return rounded(a.coef * b.coef, a.scale + b.scale);
}

export function cmpFixed(a: Fixed, b: Fixed): -1 | 0 | 1 {
  let x = a.coef;
  let y = b.coef;
  if (a.scale > b.scale) y *= pow10(a.scale - b.scale);
  else if (a.scale < b.scale) x *= pow10(b.scale - a.scale);
  return x < y ? -1 : x > y ? 1 : 0;
}

const MAX_SAFE_DIGITS = 15;

/**
 * A plain literal as decimal.js reads it ("-12.50", ".5", "5."); null for anything else
 * (exponents, hex, NaN, Infinity, negative zero, invalid text), which the caller hands to
 * decimal.js. Up to 15 digits are summed as a float, exactly, which beats BigInt(string).
 */
export function parseFixed(text: string): Fixed | null {
  const len = text.length;
  let i = 0;
  let negative = false;
  const first = text.charCodeAt(0);
  if (first === 45 || first === 43) {
    negative = first === 45;
    i = 1;
  }
  const start = i;
  let dot = -1;
  let small = 0;
  for (; i < len; i++) {
    const ch = text.charCodeAt(i);
    if (ch >= 48 && ch <= 57) small = small * 10 + (ch - 48);
    else if (ch === 46 && dot < 0) dot = i;
    else return null;
  }
  const digits = len - start - (dot < 0 ? 0 : 1);
  if (digits === 0 || digits > MAX_DIGITS) return null;
  const scale = dot < 0 ? 0 : len - dot - 1;
  let coef: bigint;
  if (digits <= MAX_SAFE_DIGITS) coef = BigInt(small);
  else coef = BigInt(dot < 0 ? text.slice(start) : text.slice(start, dot) + text.slice(dot + 1));
  if (coef === 0n) return negative ? null : new Fixed(0n, 0);
  return new Fixed(negative ? -coef : coef, scale);
}

/** Canonical string, as toDecimalString gives it: no exponent, no trailing zeros, "0" for zero. */
export function fixedToString(f: Fixed): string {
  const { coef } = f;
  if (coef === 0n) return "0";
  const sign = coef < 0n ? "-" : "";
  let digits = (coef < 0n ? -coef : coef).toString();
  let scale = f.scale;
  if (scale <= 0) return sign + digits + "0".repeat(-scale);
  let end = digits.length;
  while (scale > 0 && digits.charCodeAt(end - 1) === 48) {
    end--;
    scale--;
  }
  if (end < digits.length) digits = digits.slice(0, end);
  if (scale === 0) return sign + digits;
  if (end > scale) return `${sign}${digits.slice(0, end - scale)}.${digits.slice(end - scale)}`;
  return `${sign}0.${"0".repeat(scale - end)}${digits}`;
}

export function fixedToDecimal(f: Fixed): Dec {
  return new D(fixedToString(f));
}

/** The same value as a Fixed; null for NaN, ±Infinity, negative zero and extreme exponents. */
export function fixedFromDecimal(d: Dec): Fixed | null {
  if (!d.isFinite() || Math.abs(d.e) > MAX_DIGITS) return null;
  if (d.isZero()) return d.isNeg() ? null : new Fixed(0n, 0);
  return parseFixed(d.toFixed());
}

/** Powers of ten that are exact doubles. */
const EXACT_POW10 = [1];
while (EXACT_POW10.length <= 22) EXACT_POW10.push(EXACT_POW10[EXACT_POW10.length - 1]! * 10);
const EXACT_INT = 2n ** 53n;

/**
 * Decimal#toNumber, which is Number() of the decimal's string: the double nearest the exact
 * value. When coef and 10^scale are both exact doubles (|coef| ≤ 2^53, scale ≤ 22), one
 * IEEE division gives that same nearest double, with no string. Otherwise Number() of the
 * string decimal.js would make: the canonical one while the exponent is within ±40
 * (toExpNeg/toExpPos), which a canonical string of at most 40 characters guarantees, and
 * decimal.js itself past that.
 */
export function fixedToNumber(f: Fixed): number {
  const { coef, scale } = f;
  if (scale >= 0 && scale < EXACT_POW10.length && coef <= EXACT_INT && coef >= -EXACT_INT) return Number(coef) / EXACT_POW10[scale]!;
  const text = fixedToString(f);
  return text.length <= PRECISION ? Number(text) : fixedToDecimal(f).toNumber();
}

/** Decimal digits of abs ≥ 0: the smallest d with abs < 10^d (1 for zero), by doubling then bisecting over powers of ten. */
function digitCount(abs: bigint): number {
  let hi = 1;
  while (abs >= pow10(hi)) hi *= 2;
  let lo = hi >> 1 || 1;
  if (abs < pow10(lo)) return lo;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (abs >= pow10(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * a ÷ b rounded to 40 significant digits, half to even: what decimal.js's div gives (it
 * rounds the exact quotient correctly), without its parsing and allocation. The quotient
 * is computed to at least 42 digits with bigint division, and the remainder decides the
 * rounding exactly (a remainder makes a "half" a "more than half"). null when b is zero:
 * the caller leaves ±Infinity and NaN to decimal.js.
 */
export function divFixed(a: Fixed, b: Fixed): Fixed | null {
  if (b.coef === 0n) return null;
  if (a.coef === 0n) return (b.coef < 0n) ? null : new Fixed(0n, 0);
  const negative = a.coef < 0n !== b.coef < 0n;
  const A = a.coef < 0n ? -a.coef : a.coef;
  const B = b.coef < 0n ? -b.coef : b.coef;
  const k = Math.max(0, PRECISION + 2 + digitCount(B) - digitCount(A));
  const scaled = A * pow10(k);
  const q = scaled / B;
  const r = scaled - q * B;
  const drop = digitCount(q) - PRECISION;
  const unit = pow10(drop);
  let kept = q / unit;
  const rest = q - kept * unit;
  const half = unit / 2n;
  if (rest > half || (rest === half && (r > 0n || (kept & 1n) === 1n))) kept++;
  // A carry to 10^40 is still exact: 41 digits whose last is 0.
  return new Fixed(negative ? -kept : kept, a.scale - b.scale + k - drop);
}
