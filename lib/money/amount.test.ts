import { describe, expect, it } from "vitest";
import { D, type Dec, toDecimalString } from "./decimal";
import * as A from "./amount";

const ODD = ["NaN", "Infinity", "-Infinity", "-0", "0", "-0.000", "1e500", "-1e-500", "1e-45", "3", "-2.5", "0x1f", "1e5"];
const PLAIN = ["0", "1", "-1", "0.5", "-523.17", "1.234", "12345678901234567890123456789012345678901234567890", "-7.000000000000000000000000000000000000000000001"];
const VALUES = [...ODD, ...PLAIN];

/** Value and sign of zero: what a later toNumber or isNeg could tell apart. */
const exact = (d: Dec) => `${d.valueOf()} neg=${d.isNeg()}`;
const of = (a: A.Amount) => exact(A.toDecimal(a));

describe("amount arithmetic (bigint or decimal.js) = decimal.js arithmetic, sign of zero included", () => {
  it("+, −, ×, ÷ and comparison over plain, zero, negative zero, NaN, ±Infinity and huge exponents", () => {
    for (const x of VALUES) {
      for (const y of VALUES) {
        const [ax, ay, dx, dy] = [A.amount(x), A.amount(y), new D(x), new D(y)];
        expect(of(A.plus(ax, ay)), `${x} + ${y}`).toBe(exact(dx.plus(dy)));
        expect(of(A.minus(ax, ay)), `${x} − ${y}`).toBe(exact(dx.minus(dy)));
        expect(of(A.times(ax, ay)), `${x} × ${y}`).toBe(exact(dx.times(dy)));
        expect(of(A.div(ax, ay)), `${x} ÷ ${y}`).toBe(exact(dx.div(dy)));
        expect(of(A.quotient(ax, ay)), `quotient ${x} ÷ ${y}`).toBe(exact(dx.div(dy)));
        expect(A.compare(ax, ay), `${x} vs ${y}`).toBe(dx.comparedTo(dy));
      }
    }
  });

  it("quotient (bigint division, rounded half-even at 40 digits) = decimal.js div on 5,000 random pairs, ties and long operands included", () => {
    let seed = 12345;
    const rand = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32);
    const literal = () => {
      const digits = 1 + Math.floor(rand() * 45);
      let s = "";
      for (let i = 0; i < digits; i++) s += Math.floor(rand() * 10);
      const point = Math.floor(rand() * (digits + 1));
      const text = `${rand() < 0.3 ? "-" : ""}${s.slice(0, point) || "0"}.${s.slice(point) || "0"}`;
      return text;
    };
    // Ties at the 41st digit: x / 2 and x / 8 for a 41-digit odd x land exactly half-way.
    const cases: [string, string][] = [["12345678901234567890123456789012345678901", "2"], ["12345678901234567890123456789012345678905", "10"], ["-98765432109876543210987654321098765432103", "8"]];
    for (let i = 0; i < 5_000; i++) cases.push([literal(), literal()]);
    for (const [x, y] of cases) {
      if (new D(y).isZero()) continue;
      expect(of(A.quotient(A.amount(x), A.amount(y))), `${x} ÷ ${y}`).toBe(exact(new D(x).div(new D(y))));
    }
  });

  it("sign tests, negation, abs, string and number as decimal.js gives them", () => {
    for (const x of VALUES) {
      const [a, d] = [A.amount(x), new D(x)];
      expect([A.isZero(a), A.isNeg(a), A.isPositive(a), A.isNegative(a)], x).toEqual([d.isZero(), d.isNeg(), d.greaterThan(0), d.lessThan(0)]);
      expect(of(A.negated(a)), `−${x}`).toBe(exact(d.negated()));
      expect(of(A.abs(a)), `|${x}|`).toBe(exact(d.abs()));
      expect(A.amountToString(a), x).toBe(toDecimalString(d));
      expect(Object.is(A.amountToNumber(a), d.toNumber()), x).toBe(true);
    }
  });

  it("throws on invalid text exactly as decimal.js does", () => {
    for (const bad of ["abc", "", "-+1", "1.2.3"]) expect(() => A.amount(bad)).toThrow(`[DecimalError] Invalid argument: ${bad.replace(/^-/, "")}`);
  });
});
