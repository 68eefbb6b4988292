import { describe, expect, it } from "vitest";
import { calculateTradeStats, resolveInstruments, type TradeFill } from "@/lib/engines/trade-stats";

const fills: TradeFill[] = [
  { symbol: "BTC/USDT", side: "buy", quantity: "1", price: "50000", fee: "0", feeCurrency: "USDT", executedAt: "2024-03-01T00:00:00Z" },
  { symbol: "BTC/USD:BTC", side: "buy", quantity: "100", price: "40000", fee: "0", feeCurrency: "BTC", executedAt: "2024-03-01T00:00:00Z" },
  { symbol: "BTC/USDT", side: "sell", quantity: "1", price: "51000", fee: "0", feeCurrency: "USDT", executedAt: "2024-03-02T00:00:00Z" },
  { symbol: "BTC/USD:BTC", side: "sell", quantity: "100", price: "50000", fee: "0", feeCurrency: "BTC", executedAt: "2024-03-02T00:00:00Z" },
];
const quotes = [
  { base: "BTC", quote: "USD", price: "50000" },
  { base: "USDT", quote: "USD", price: "1" },
];

describe("a mixed book: BTC/USDT +1,000 USDT and BTC/USD:BTC 100 × $100 from 40,000 to 50,000 = +0.05 BTC", () => {
  const { instruments, refused } = resolveInstruments(
    fills.map((f) => f.symbol),
    { "BTC/USD:BTC": "100" },
  );
  const result = calculateTradeStats({ baseCurrency: "USD", quotes, instruments, fills });

  it("resolves both symbols from the caller's contract sizes", () => {
    expect(refused).toEqual({});
    expect(instruments).toEqual({
      "BTC/USDT": { kind: "linear", contractSize: "1", settleCurrency: "USDT" },
      "BTC/USD:BTC": { kind: "inverse", contractSize: "100", settleCurrency: "BTC" },
    });
  });

  it("keeps totals per settlement currency apart: 0.05 BTC and 1000 USDT, never 1000.05", () => {
    expect(Object.keys(result.bySettlement)).toEqual(["BTC", "USDT"]);
    expect(result.bySettlement.BTC).toMatchObject({ currency: "BTC", trades: 1, netPnl: "0.05", realizedPnl: "0.05" });
    expect(result.bySettlement.USDT).toMatchObject({ currency: "USDT", trades: 1, netPnl: "1000", realizedPnl: "1000" });
    expect(result.bySymbol["BTC/USD:BTC"]).toMatchObject({ currency: "BTC", netPnl: "0.05" });
  });

  it("converts each into the base currency before adding: 0.05 × 50,000 + 1,000 × 1 = 3,500 USD", () => {
    expect(result.roundTrips.map((t) => [t.symbol, t.currency, t.netPnl, t.netPnlBase])).toEqual([
      ["BTC/USDT", "USDT", "1000", "1000"],
      ["BTC/USD:BTC", "BTC", "0.05", "2500"],
    ]);
    expect(result.overall).toMatchObject({ currency: "USD", trades: 2, netPnl: "3500", realizedPnl: "3500" });
  });
});

describe("an inverse symbol without a contract size is refused, never guessed", () => {
  const result = calculateTradeStats({ baseCurrency: "USD", quotes, fills });

  it("lists BTC/USD:BTC with its reason and its 2 fills left out", () => {
    expect(result.unpricedSymbols).toEqual([{ symbol: "BTC/USD:BTC", reason: "BTC/USD:BTC is an inverse contract and its contract size is unknown", fills: 2 }]);
  });

  it("leaves it out of every figure and still computes BTC/USDT: overall 1,000 USD", () => {
    expect(result.roundTrips.map((t) => t.symbol)).toEqual(["BTC/USDT"]);
    expect(result.bySymbol["BTC/USD:BTC"]).toBeUndefined();
    expect(Object.keys(result.bySettlement)).toEqual(["USDT"]);
    expect(result.overall).toMatchObject({ trades: 1, netPnl: "1000" });
  });

  it("refuses a descriptor whose contract size is not positive", () => {
    const bad = calculateTradeStats({ fills, instruments: { "BTC/USD:BTC": { kind: "inverse", contractSize: "0", settleCurrency: "BTC" } } });
    expect(bad.unpricedSymbols).toEqual([{ symbol: "BTC/USD:BTC", reason: "BTC/USD:BTC: contract size 0 is not positive", fills: 2 }]);
  });

  it("refuses a descriptor that does not fit the symbol: inverse settling in USD, linear settling in BTC (a quanto)", () => {
    const inverseInUsd = calculateTradeStats({ fills, instruments: { "BTC/USD:BTC": { kind: "inverse", contractSize: "100", settleCurrency: "USD" } } });
    expect(inverseInUsd.unpricedSymbols.map((u) => u.reason)).toEqual(["BTC/USD:BTC: an inverse contract settles in its base BTC, not USD"]);
    const linearInBtc = calculateTradeStats({ fills, instruments: { "BTC/USD:BTC": { kind: "linear", contractSize: "1", settleCurrency: "BTC" } } });
    expect(linearInBtc.unpricedSymbols.map((u) => u.reason)).toEqual(["BTC/USD:BTC: a linear contract settling in BTC, not in USD, is not modelled"]);
  });
});
