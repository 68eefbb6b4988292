import { describe, expect, it } from "vitest";
import { canonicalJson } from "./canonical-json";

describe("canonicalJson", () => {
  it("sorts keys at every depth and drops undefined, so jsonb round trips hash the same", () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 2, y: undefined }], c: "x" } })).toBe('{"a":{"c":"x","d":[1,{"z":2}]},"b":1}');
  });

  it("writes dates as ISO-8601 and null/undefined as null", () => {
    expect(canonicalJson([new Date(Date.UTC(2026, 0, 2)), null, undefined])).toBe('["2026-01-02T00:00:00.000Z",null,null]');
    expect(canonicalJson(undefined)).toBe("null");
  });
});
