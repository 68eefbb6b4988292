import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { D, toDecimalString } from "./decimal";
import { addFixed, cmpFixed, type Fixed, fixedFromDecimal, fixedToNumber, fixedToString, mulFixed, parseFixed, subFixed } from "./fixed";

const fixed = (text: string): Fixed => {
  const f = parseFixed(text);
  if (!f) throw new Error(`not a plain literal: ${text}`);
  return f;
};
const add = (a: string, b: string) => fixedToString(addFixed(fixed(a), fixed(b)));
const sub = (a: string, b: string) => fixedToString(subFixed(fixed(a), fixed(b)));
const mul = (a: string, b: string) => fixedToString(mulFixed(fixed(a), fixed(b)));

const FORTY_NINES = "9".repeat(40);

/** Decimal literals from short to past 40 digits, signed, with runs of 0 and 9 to hit ties and carries. */
const digitRun = (max: number) => fc.string({ unit: fc.constantFrom("0", "9", "5", "1", "4", "6", "7"), maxLength: max });
const literal = fc
  .tuple(fc.boolean(), digitRun(45), digitRun(45))
  .map(([negative, int, frac]) => `${negative ? "-" : ""}${int || "0"}${frac ? `.${frac}` : ""}`)
  .filter((s) => !(s.startsWith("-") && new D(s).isZero()));

describe("bigint fixed-point +, −, × give decimal.js's results (precision 40, half to even)", () => {
  it("exact on short amounts, negatives and zero", () => {
    expect(add("0.1", "0.2")).toBe("0.3");
    expect(add("-1.25", "1.25")).toBe("0");
    expect(sub("0", "0.000001")).toBe("-0.000001");
    expect(mul("-523.17", "1.234")).toBe("-645.59178");
    expect(mul("0", "-5")).toBe("0");
    expect(add("100.500", "0")).toBe("100.5");
  });

  it("keeps a 40-digit result exact and rounds a 41-digit one half to even", () => {
    expect(add(`${"1".repeat(39)}0`, "1")).toBe(`${"1".repeat(39)}1`);
    // Exactly half of the last unit: to the even neighbour, up or down.
    expect(add(`${"1".repeat(39)}0`, "0.5")).toBe(`${"1".repeat(39)}0`);
    expect(add(`${"1".repeat(39)}1`, "0.5")).toBe(`${"1".repeat(39)}2`);
    expect(add(`-${"1".repeat(39)}1`, "-0.5")).toBe(`-${"1".repeat(39)}2`);
    // Just above or below half.
    expect(add(`${"1".repeat(39)}0`, "0.5000000000001")).toBe(`${"1".repeat(39)}1`);
    expect(add(`${"1".repeat(39)}1`, "0.4999999999999")).toBe(`${"1".repeat(39)}1`);
    // A carry that adds a digit.
    expect(add(FORTY_NINES, "0.5")).toBe(`1${"0".repeat(40)}`);
    expect(mul(`0.${FORTY_NINES}`, "0.3")).toBe("0.3");
    for (const [a, b] of [
      [FORTY_NINES, "0.5"],
      [`0.${FORTY_NINES}`, "0.3"],
      ["1234567890.1234567890123456789012345678901", "0.000000000000000000000000000000000000000049"],
      ["-0.00000000000000000000000000000000000001", "12345678901234567890123456789012345678901234"],
    ] as const) {
      expect(add(a, b)).toBe(toDecimalString(new D(a).plus(b)));
      expect(sub(a, b)).toBe(toDecimalString(new D(a).minus(b)));
      expect(mul(a, b)).toBe(toDecimalString(new D(a).times(b)));
    }
  });

  it("matches decimal.js on any pair of literals, many decimals and past 40 digits included", () => {
    fc.assert(
      fc.property(literal, literal, (a, b) => {
        const x = new D(a);
        expect(add(a, b)).toBe(toDecimalString(x.plus(b)));
        expect(sub(a, b)).toBe(toDecimalString(x.minus(b)));
        expect(mul(a, b)).toBe(toDecimalString(x.times(b)));
        expect(cmpFixed(fixed(a), fixed(b))).toBe(x.comparedTo(b));
      }),
      { numRuns: 2000 },
    );
  });
});

describe("bigint fixed-point parsing and output as decimal.js reads and prints", () => {
  it("reads plain literals exactly and leaves any other form to decimal.js", () => {
    expect(fixedToString(fixed("+007.50"))).toBe("7.5");
    expect(fixedToString(fixed(".5"))).toBe("0.5");
    expect(fixedToString(fixed("5."))).toBe("5");
    expect(fixedToString(fixed("-0.000000000000000000000000000000000000000000012"))).toBe("-0.000000000000000000000000000000000000000000012");
    expect(fixedToString(fixed("123456789012345678901234567890.123456789"))).toBe("123456789012345678901234567890.123456789");
    for (const other of ["1e-8", "0x10", "NaN", "Infinity", "-0", "-0.00", "", "-", ".", "1.2.3", " 1", "-+1", "9".repeat(401)]) {
      expect(parseFixed(other)).toBeNull();
    }
  });

  it("round-trips decimal.js values, but not negative zero, NaN or ±Infinity", () => {
    expect(fixedToString(fixedFromDecimal(new D("1e-8"))!)).toBe("0.00000001");
    expect(fixedToString(fixedFromDecimal(new D("2E+3"))!)).toBe("2000");
    expect(fixedFromDecimal(new D("-0"))).toBeNull();
    expect(fixedFromDecimal(new D(NaN))).toBeNull();
    expect(fixedFromDecimal(new D(Infinity))).toBeNull();
    expect(fixedFromDecimal(new D("1e500"))).toBeNull();
  });

  it("toNumber is Decimal#toNumber, float for float", () => {
    for (const text of ["0", "0.1", "-523.17", "9007199254740993", "0.0000000000000000000001", "1.7976931348623157", `0.${FORTY_NINES}`, `1${"0".repeat(45)}`]) {
      expect(Object.is(fixedToNumber(fixed(text)), new D(text).toNumber())).toBe(true);
    }
    fc.assert(
      fc.property(literal, (a) => {
        expect(Object.is(fixedToNumber(fixed(a)), new D(a).toNumber())).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
