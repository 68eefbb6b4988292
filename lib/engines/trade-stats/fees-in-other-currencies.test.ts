import { describe, expect, it } from "vitest";
import { calculateTradeStats } from "@/lib/engines/trade-stats";

// Buy 1 BTC @ 50000 paying 0.001 BNB (× 600 USDT = 0.6); sell @ 51000 paying 0.0001 BTC (× 51000 = 5.1).
// Net 1000 − 0.6 − 5.1 = 994.3 USDT; in USD at 0.9998: 994.10114.
describe("BTC/USDT 50000 → 51000 with fees 0.001 BNB (0.6) and 0.0001 BTC (5.1): 1000 − 5.7 = 994.3 USDT", () => {
  const result = calculateTradeStats({
    baseCurrency: "USD",
    quotes: [
      { base: "BNB", quote: "USDT", price: "600" },
      { base: "USDT", quote: "USD", price: "0.9998" },
    ],
    fills: [
      { symbol: "BTC/USDT", side: "buy", quantity: "1", price: "50000", fee: "0.001", feeCurrency: "BNB", executedAt: "2024-01-01T00:00:00Z" },
      { symbol: "BTC/USDT", side: "sell", quantity: "1", price: "51000", fee: "0.0001", feeCurrency: "BTC", executedAt: "2024-01-02T00:00:00Z" },
    ],
  });

  it("converts both fees into USDT", () => {
    expect(result.roundTrips[0]).toMatchObject({ currency: "USDT", grossPnl: "1000", fees: "5.7", netPnl: "994.3" });
  });

  it("reports the overall figures in the base currency: 994.3 × 0.9998 = 994.10114 USD", () => {
    expect(result.roundTrips[0]?.netPnlBase).toBe("994.10114");
    expect(result.overall).toMatchObject({ currency: "USD", netPnl: "994.10114" });
    expect(result.bySymbol["BTC/USDT"]).toMatchObject({ currency: "USDT", netPnl: "994.3" });
  });
});

describe("a fee in a currency with no rate is listed and left out, never guessed", () => {
  it("lists 3 XYZ unconverted and books the trade without it", () => {
    const r = calculateTradeStats({
      fills: [
        { symbol: "ETH/USD", side: "buy", quantity: "1", price: "3000", fee: "3", feeCurrency: "XYZ", executedAt: "2024-01-01T00:00:00Z", venueFillId: "f1" },
        { symbol: "ETH/USD", side: "sell", quantity: "1", price: "3100", fee: "0", feeCurrency: "USD", executedAt: "2024-01-02T00:00:00Z" },
      ],
    });
    expect(r.unconvertedFees).toEqual([{ symbol: "ETH/USD", venueFillId: "f1", currency: "XYZ", amount: "3" }]);
    expect(r.roundTrips[0]?.netPnl).toBe("100");
  });

  it("a quote currency without a base rate keeps the trip out of overall and byStrategy", () => {
    const r = calculateTradeStats({
      fills: [
        { symbol: "RELIANCE", quoteCurrency: "INR", side: "buy", quantity: "10", price: "2800", fee: "20", feeCurrency: "INR", executedAt: "2024-01-01T00:00:00Z" },
        { symbol: "RELIANCE", quoteCurrency: "INR", side: "sell", quantity: "10", price: "2900", fee: "20", feeCurrency: "INR", executedAt: "2024-01-05T00:00:00Z" },
      ],
    });
    expect(r.bySymbol.RELIANCE).toMatchObject({ currency: "INR", netPnl: "960" });
    expect(r.roundTrips[0]?.netPnlBase).toBeNull();
    expect(r.overall.trades).toBe(0);
    expect(r.unpricedCurrencies).toEqual(["INR"]);
  });
});
