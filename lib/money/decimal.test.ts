import { describe, expect, it } from "vitest";
import { dec, isDecimalString, sum, toDecimalString } from "./decimal";

describe("exact decimals", () => {
  it("0.1 + 0.2 = 0.3 exactly", () => {
    expect(toDecimalString(sum(["0.1", "0.2"]))).toBe("0.3");
  });

  it("canonical strings: no exponent, no trailing zeros, no negative zero", () => {
    expect(toDecimalString("1e-8")).toBe("0.00000001");
    expect(toDecimalString("100.500")).toBe("100.5");
    expect(toDecimalString(dec("-0"))).toBe("0");
    expect(toDecimalString("123456789012345678901234567890.123456789")).toBe("123456789012345678901234567890.123456789");
  });

  it("isDecimalString accepts decimal literals and refuses anything else", () => {
    for (const ok of ["0", "-12.5", "+3", ".5", "5.", "1e-8", "2E+3"]) expect(isDecimalString(ok)).toBe(true);
    for (const bad of ["", "12,5", "1.2.3", "NaN", "Infinity", "0x10", " 1", "1 ", "1e", "1e99999999999999999"]) expect(isDecimalString(bad)).toBe(false);
  });
});
