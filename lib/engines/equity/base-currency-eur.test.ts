import { describe, expect, it } from "vitest";
import { calculateEquity } from "@/lib/engines/equity";

describe("base EUR: BTC 1 × 60000 USDT × 1 USD/USDT ÷ 1.25 USD/EUR = 48000 EUR", () => {
  it("converts through quotes and inverts the EUR/USD quote", () => {
    const result = calculateEquity({
      baseCurrency: "EUR",
      balances: [
        { asset: "BTC", wallet: "spot", quantity: "1" },
        { asset: "EUR", wallet: "spot", quantity: "500" },
      ],
      positions: [],
      prices: {},
      quotes: [
        { base: "BTC", quote: "USDT", price: "60000" },
        { base: "USDT", quote: "USD", price: "1" },
        { base: "EUR", quote: "USD", price: "1.25" },
      ],
    });
    expect(result.baseCurrency).toBe("EUR");
    expect(result.rates.BTC).toBe("48000");
    expect(result.total).toBe("48500");
  });

  it("prefers an explicit FX rate: USD 1000 × 0.8 EUR/USD = 800 EUR", () => {
    const result = calculateEquity({
      baseCurrency: "EUR",
      balances: [{ asset: "USD", wallet: "spot", quantity: "1000" }],
      positions: [],
      prices: {},
      fxRates: { USD: "0.8" },
      quotes: [{ base: "EUR", quote: "USD", price: "1.3" }],
    });
    expect(result.total).toBe("800");
  });
});

describe("base BTC: USDT 30000 ÷ 60000 + BTC 0.5 = 1 BTC", () => {
  it("values a crypto base the same way", () => {
    const result = calculateEquity({
      baseCurrency: "BTC",
      balances: [
        { asset: "USDT", wallet: "spot", quantity: "30000" },
        { asset: "BTC", wallet: "spot", quantity: "0.5" },
      ],
      positions: [],
      prices: {},
      quotes: [{ base: "BTC", quote: "USDT", price: "60000" }],
    });
    expect(result.total).toBe("1");
    expect(result.rates.USDT).toBe("0.00001666666666666666666666666666666666666667");
  });
});
