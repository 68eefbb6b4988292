import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { csvField, csvRecord, parseCsv } from "./csv";

describe("csvField (RFC 4180)", () => {
  it("leaves a plain value as it is, and null as the empty field", () => {
    expect(csvField("BTC/USDT")).toBe("BTC/USDT");
    expect(csvField("-0.000000012345678901")).toBe("-0.000000012345678901");
    expect(csvField(null)).toBe("");
    expect(csvField("")).toBe("");
  });
  it("quotes a field holding a comma, a quote (doubled), CR or LF", () => {
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("line 1\nline 2")).toBe('"line 1\nline 2"');
    expect(csvField("a\r\nb")).toBe('"a\r\nb"');
    expect(csvField('"')).toBe('""""');
  });
  it("keeps unicode as it is, unquoted", () => {
    expect(csvField("Ünïcødé ₹ 中文 🚀")).toBe("Ünïcødé ₹ 中文 🚀");
  });
});

describe("csvRecord", () => {
  it("joins fields with commas and ends in CRLF", () => {
    expect(csvRecord(["1", null, "a,b", 'q"'])).toBe('1,,"a,b","q"""\r\n');
  });
});

describe("parseCsv", () => {
  it("reads back quoted fields with commas, quotes and line breaks inside", () => {
    const text = csvRecord(["id", "note"]) + csvRecord(["1", 'he said "buy", then\r\nsold']) + csvRecord(["2", ""]);
    expect(parseCsv(text)).toEqual([["id", "note"], ["1", 'he said "buy", then\r\nsold'], ["2", ""]]);
  });
  it("reads back any records written by csvRecord, whatever their text", () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string({ unit: "binary" }), { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 10 }), (records) => {
        expect(parseCsv(records.map(csvRecord).join(""))).toEqual(records);
      }),
    );
  });
});
