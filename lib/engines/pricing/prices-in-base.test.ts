import { describe, expect, it } from "vitest";
import { pricesInBase } from "@/lib/engines/pricing";

// The one pricing rule snapshots and reference prices now share (lib/money/prices.ts,
// which followed one hop forward only, is gone).
describe("pricesInBase: every quoted asset valued in the base by the price book's rule", () => {
  it("keeps a direct quote and multiplies one hop (BTC/USDT × USDT/USD)", () => {
    const prices = pricesInBase(
      [
        { base: "BTC", quote: "USDT", price: "60000" },
        { base: "USDT", quote: "USD", price: "0.9995" },
        { base: "ETH", quote: "USD", price: "3000.50" },
      ],
      "USD",
    );
    expect(prices).toEqual({ BTC: "59970", USDT: "0.9995", ETH: "3000.5" });
  });

  it("follows a chain of two hops, which the old one-hop rule left unpriced", () => {
    const prices = pricesInBase(
      [
        { base: "ETH", quote: "BTC", price: "0.05" },
        { base: "BTC", quote: "USDT", price: "60000" },
        { base: "USDT", quote: "USD", price: "0.999" },
      ],
      "USD",
    );
    expect(prices.ETH).toBe("2997");
  });

  it("reads a quote backwards (USD/INR gives INR) and leaves an unreachable asset out", () => {
    const prices = pricesInBase(
      [
        { base: "USD", quote: "INR", price: "80" },
        { base: "INR", quote: "JPY", price: "2" },
        { base: "DOGE", quote: "SHIB", price: "3" },
      ],
      "USD",
    );
    expect(prices).toEqual({ INR: "0.0125" });
  });

  it("never prices a stablecoin at 1 without a quote", () => {
    expect(pricesInBase([{ base: "BTC", quote: "USDC", price: "60000" }], "USD")).toEqual({});
  });
});
