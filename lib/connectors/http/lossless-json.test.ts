import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { JsonSyntaxError, parseLosslessJson, stringifyJson } from "./lossless-json";

describe("parseLosslessJson", () => {
  it("keeps nanosecond timestamps and long decimals digit for digit", () => {
    const parsed = parseLosslessJson('{"snapshot_time":1700000000123456789,"net_assets":12345678901234567890.123456789012}');
    expect(parsed).toEqual({ snapshot_time: "1700000000123456789", net_assets: "12345678901234567890.123456789012" });
    expect(BigInt((parsed as Record<string, string>).snapshot_time!)).toBe(1700000000123456789n);
  });

  it("reads every JSON construct like JSON.parse, numbers aside", () => {
    const text = '{"a":[1,-2.5e-3,true,false,null,"x\\u00e9\\n\\"q\\""],"b":{},"c":[]}';
    expect(parseLosslessJson(text)).toEqual({ a: ["1", "-2.5e-3", true, false, null, 'xé\n"q"'], b: {}, c: [] });
  });

  it("lets the last of duplicate keys win, as JSON.parse does", () => {
    expect(parseLosslessJson('{"a":1,"a":2}')).toEqual({ a: "2" });
  });

  it("treats a __proto__ key as data", () => {
    const parsed = parseLosslessJson('{"__proto__":{"polluted":"yes"}}') as Record<string, unknown>;
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
    expect(Object.keys(parsed)).toEqual(["__proto__"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each([
    ['{"a":1', "Quoted object key or end of object '}' expected but reached end of input at position 6"],
    ['{"a":01}', "Comma ',' expected after value but got '1' at position 6"],
    ["[1,]", "Array item expected but got ']' at position 3"],
    ['{"a":1} x', "Expected end of input but got 'x' at position 8"],
    ["{'a':1}", "Quoted object key expected but got ''' at position 1"],
    ['"tab\there"', "Invalid character '\t' at position 4"],
    ["<html>", "JSON value expected but got '<' at position 0"],
    ["", "JSON value expected but reached end of input at position 0"],
    ["NaN", "JSON value expected but got 'N' at position 0"],
    ["[1e]", "Invalid number '1e', expecting a digit but got ']' at position 3"],
    ["[.5]", "Array item expected but got '.' at position 1"],
    ["[".repeat(100_000), "nesting too deep"],
  ])("rejects %j: %s", (text, message) => {
    expect(() => parseLosslessJson(text)).toThrow(JsonSyntaxError);
    expect(() => parseLosslessJson(text)).toThrow(message);
  });

  it("agrees with JSON.parse on any JSON whose numbers are exact (property)", () => {
    const json = fc.jsonValue().filter((v) => !containsInexactNumber(v));
    fc.assert(
      fc.property(json, (value) => {
        const text = JSON.stringify(value);
        expect(parseLosslessJson(text)).toEqual(JSON.parse(text, (_k, v: unknown) => (typeof v === "number" ? numberText(text, v) : v)));
      }),
      { numRuns: 300 },
    );
  });
});

describe("stringifyJson", () => {
  it("writes bigints as bare integers, byte-compatible with the signed body of the 1Token vector", () => {
    const body = stringifyJson({ fund_name: "fund/abc123", start_time: 1700000000000000000n, end_time: 1700086400000000000n, frequency: "daily" });
    expect(body).toBe('{"fund_name":"fund/abc123","start_time":1700000000000000000,"end_time":1700086400000000000,"frequency":"daily"}');
  });

  it("round-trips through the lossless parser", () => {
    expect(parseLosslessJson(stringifyJson({ n: -123456789012345678901234567890n, s: "x" }))).toEqual({ n: "-123456789012345678901234567890", s: "x" });
  });
});

// fast-check's numbers print via JSON.stringify; our parser returns that printed text.
function numberText(_text: string, v: number): string {
  return JSON.stringify(v);
}

function containsInexactNumber(v: unknown): boolean {
  if (typeof v === "number") return !Number.isFinite(v) || Object.is(v, -0);
  if (Array.isArray(v)) return v.some(containsInexactNumber);
  if (v && typeof v === "object") return Object.values(v).some(containsInexactNumber);
  return false;
}
