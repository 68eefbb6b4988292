import { describe, expect, it } from "vitest";
import { shortHash, symbolParts } from "./order-words";

describe("order words", () => {
  it("reads BTC/USDT as base BTC, quote USDT; BTC/USDT:USDT (a perpetual) as quote USDT; AAPL as base only", () => {
    expect(symbolParts("BTC/USDT")).toEqual({ base: "BTC", quote: "USDT" });
    expect(symbolParts("BTC/USDT:USDT")).toEqual({ base: "BTC", quote: "USDT" });
    expect(symbolParts("AAPL")).toEqual({ base: "AAPL", quote: null });
  });
  it("shortens a 64-character hash to 10 + … + 4 characters, and leaves a short one whole", () => {
    expect(shortHash("a".repeat(60) + "bcde")).toBe("aaaaaaaaaa…bcde");
    expect(shortHash("abc")).toBe("abc");
  });
});
