import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { jitterSeconds } from "./jitter";

// FNV-1a 32 of these ids, computed independently: 1965908720 and 1263011082.
const A = "3f1c2b9e-8a41-4d2e-9c7b-5e0a1d2f3b4c";
const B = "9b2e4c1a-7d3f-4e8b-a6c5-1f0e2d3c4b5a";

describe("jitterSeconds", () => {
  it("is the id's hash modulo min(30, interval/10) + 1", () => {
    expect(jitterSeconds(A, 300)).toBe(10); // 1965908720 % 31
    expect(jitterSeconds(B, 300)).toBe(30); // 1263011082 % 31: the top of the range
    expect(jitterSeconds(A, 60)).toBe(6); // % 7
    expect(jitterSeconds(B, 60)).toBe(4);
    expect(jitterSeconds(A, 120)).toBe(9); // % 13
    // 600 s: a tenth would be 60, capped at 30.
    expect(jitterSeconds(B, 600)).toBe(30);
  });

  it("is the same on every call (no randomness, nothing stored)", () => {
    expect(Array.from({ length: 5 }, () => jitterSeconds(A, 300))).toEqual([10, 10, 10, 10, 10]);
  });

  it("stays within 0..min(30, floor(interval / 10)) for any id and interval", () => {
    fc.assert(
      fc.property(fc.uuid(), fc.integer({ min: 1, max: 86_400 }), (id, interval) => {
        const j = jitterSeconds(id, interval);
        return Number.isInteger(j) && j >= 0 && j <= Math.min(30, Math.floor(interval / 10));
      }),
    );
  });

  it("spreads many connections over the whole range", () => {
    const seen = new Set(Array.from({ length: 500 }, (_, i) => jitterSeconds(`00000000-0000-4000-8000-${String(i).padStart(12, "0")}`, 300)));
    expect(seen.size).toBe(31);
  });
});
