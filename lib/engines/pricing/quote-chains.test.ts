import { describe, expect, it } from "vitest";
import { createPriceBook } from "@/lib/engines/pricing";

describe("ETH = 0.05 BTC × 60000 USDT × 0.999 USD = 2997 USD, through two quotes", () => {
  const book = createPriceBook({
    baseCurrency: "USD",
    quotes: [
      { base: "ETH", quote: "BTC", price: "0.05" },
      { base: "BTC", quote: "USDT", price: "60000" },
      { base: "USDT", quote: "USD", price: "0.999" },
    ],
  });

  it("follows the chain to a currency with a known base value", () => {
    expect(book.rateOf("ETH")?.toFixed()).toBe("2997");
    expect(book.rateOf("BTC")?.toFixed()).toBe("59940");
  });

  it("prices the base currency at 1 and an unknown asset at nothing", () => {
    expect(book.rateOf("USD")?.toFixed()).toBe("1");
    expect(book.rateOf("DOGE")).toBeUndefined();
  });
});

describe("a direct price beats a chain: BTC 61000 given vs 60000 × 1 quoted", () => {
  it("uses prices first, then FX rates, then quotes", () => {
    const book = createPriceBook({
      prices: { BTC: "61000" },
      fxRates: { BTC: "59000", EUR: "1.1" },
      quotes: [
        { base: "BTC", quote: "USDT", price: "60000" },
        { base: "USDT", quote: "USD", price: "1" },
      ],
    });
    expect(book.rateOf("BTC")?.toFixed()).toBe("61000");
    expect(book.rateOf("EUR")?.toFixed()).toBe("1.1");
  });
});
