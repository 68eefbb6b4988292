import { describe, expect, it } from "vitest";
import { calculateTradeStats, resolveInstrument } from "@/lib/engines/trade-stats";

describe("resolveInstrument reads a ccxt unified symbol BASE/QUOTE:SETTLE", () => {
  it("is inverse when SETTLE is the base, with the caller's contract size", () => {
    expect(resolveInstrument("ETH/USD:ETH", { contractSize: "10" })).toEqual({ ok: true, instrument: { kind: "inverse", contractSize: "10", settleCurrency: "ETH" } });
    expect(resolveInstrument("BTC/USD:BTC-240628", { contractSize: "100" })).toEqual({ ok: true, instrument: { kind: "inverse", contractSize: "100", settleCurrency: "BTC" } });
  });

  it("refuses an inverse symbol without a contract size", () => {
    expect(resolveInstrument("BTC/USD:BTC")).toEqual({ ok: false, reason: "BTC/USD:BTC is an inverse contract and its contract size is unknown" });
  });

  it("is linear with size 1 in the quote otherwise: spot, USDT-margined swaps, a broker's ticker with its currency", () => {
    expect(resolveInstrument("BTC/USDT")).toEqual({ ok: true, instrument: { kind: "linear", contractSize: "1", settleCurrency: "USDT" } });
    expect(resolveInstrument("BTC/USDT:USDT")).toEqual({ ok: true, instrument: { kind: "linear", contractSize: "1", settleCurrency: "USDT" } });
    expect(resolveInstrument("RELIANCE", { currency: "INR" })).toEqual({ ok: true, instrument: { kind: "linear", contractSize: "1", settleCurrency: "INR" } });
    expect(resolveInstrument("RELIANCE")).toEqual({ ok: false, reason: "RELIANCE has no quote currency" });
  });
});

// OKX's own example: 10 contracts of BTC-USDT-SWAP with ctVal 0.01 BTC.
describe("a linear contract counted in contracts of 0.01 BTC: 10 × 0.01 × (61,500 − 60,000) = 150 USDT", () => {
  const result = calculateTradeStats({
    instruments: { "BTC/USDT:USDT": { kind: "linear", contractSize: "0.01", settleCurrency: "USDT" } },
    fills: [
      { symbol: "BTC/USDT:USDT", side: "buy", quantity: "10", price: "60000", fee: "0.3", feeCurrency: "USDT", executedAt: "2024-03-01T00:00:00Z" },
      { symbol: "BTC/USDT:USDT", side: "sell", quantity: "10", price: "61500", fee: "0.3075", feeCurrency: "USDT", executedAt: "2024-03-02T00:00:00Z" },
    ],
  });

  it("prices stay the venue's, PnL is 150 − 0.6075 = 149.3925 USDT", () => {
    expect(result.roundTrips[0]).toMatchObject({ side: "long", quantity: "10", entryPrice: "60000", exitPrice: "61500", grossPnl: "150", netPnl: "149.3925", currency: "USDT" });
  });
});
