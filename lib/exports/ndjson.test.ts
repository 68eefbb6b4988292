import { describe, expect, it } from "vitest";
import { ndjsonErrorLine, ndjsonLine } from "./ndjson";

describe("ndjsonLine", () => {
  it("is one JSON object per line, keys in the columns' order, money as strings", () => {
    const line = ndjsonLine(["id", "price", "note"], ["o-1", "12345678901234567890.123456789", null]);
    expect(line).toBe('{"id":"o-1","price":"12345678901234567890.123456789","note":null}\n');
    expect(JSON.parse(line)).toEqual({ id: "o-1", price: "12345678901234567890.123456789", note: null });
  });
  it("escapes line breaks, quotes and keeps unicode, so a value never breaks its line", () => {
    const line = ndjsonLine(["note"], ['a "b"\nc\r\nd, ₹ 🚀 \u2028']);
    expect(line.indexOf("\n")).toBe(line.length - 1);
    expect(JSON.parse(line)).toEqual({ note: 'a "b"\nc\r\nd, ₹ 🚀 \u2028' });
  });
  it("ends a failed export with a line that has only an error key", () => {
    expect(JSON.parse(ndjsonErrorLine("failed"))).toEqual({ error: "failed" });
  });
});
