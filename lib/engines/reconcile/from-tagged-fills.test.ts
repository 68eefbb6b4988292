import { describe, expect, it } from "vitest";
import { calculateReconciliation, strategyHoldingsFromTrades } from "@/lib/engines/reconcile";
import { calculateTradeStats, type TradeFill } from "@/lib/engines/trade-stats";

const fill = (side: "buy" | "sell", quantity: string, price: string, strategy: string | null, day: number): TradeFill => ({
  symbol: "ETH/USDT",
  side,
  quantity,
  price,
  fee: "0",
  feeCurrency: "USDT",
  executedAt: new Date(Date.UTC(2024, 0, day)),
  strategy,
});

// Tagged fills: trend buys 3 @ 2000 and 1 @ 2400 (FIFO open 4 @ 2100), basis sells 1 @ 2500.
// Untagged: a manual buy of 0.5. The venue holds 4 − 1 + 0.5 = 3.5 ETH.
describe("fills → strategy positions → reconciliation: trend 4 @ 2100, basis −1 @ 2500, residual 0.5", () => {
  const trades = calculateTradeStats({
    fills: [
      fill("buy", "3", "2000", "trend", 1),
      fill("buy", "1", "2400", "trend", 2),
      fill("sell", "1", "2500", "basis", 3),
      fill("buy", "0.5", "2200", null, 4),
    ],
  });
  const holdings = strategyHoldingsFromTrades(trades.openPositions);

  it("takes the tagged open positions and leaves the untagged one to the residual", () => {
    expect(holdings).toEqual([
      { strategy: "trend", symbol: "ETH/USDT", quantity: "4", averageCost: "2100", quoteCurrency: "USDT" },
      { strategy: "basis", symbol: "ETH/USDT", quantity: "-1", averageCost: "2500", quoteCurrency: "USDT" },
    ]);
  });

  it("reconciles to the venue: 4 − 1 + 0.5 = 3.5, the residual at (4 × 2100 + 1 × 2500) / 5 = 2180", () => {
    const r = calculateReconciliation({
      venuePositions: [{ symbol: "ETH/USDT", quantity: "3.5", markPrice: "2600" }],
      strategyPositions: holdings,
      prices: { USDT: "1" },
      nav: "10000",
    });
    expect(r.rows.map((row) => [row.strategy, row.quantity, row.averageCost, row.marketValue])).toEqual([
      ["trend", "4", "2100", "10400"],
      ["basis", "-1", "2500", "-2600"],
      [null, "0.5", "2180", "1300"],
    ]);
    expect(r.totalValueBase).toBe("9100");
  });
});

describe("an inverse strategy position (100 contracts of BTC/USD:BTC) is not compared with the venue's coin quantity", () => {
  it("is left out of the strategy holdings, in contracts ≠ the venue's BTC", () => {
    const trades = calculateTradeStats({
      instruments: { "BTC/USD:BTC": { kind: "inverse", contractSize: "100", settleCurrency: "BTC" } },
      fills: [{ symbol: "BTC/USD:BTC", side: "buy", quantity: "100", price: "50000", fee: "0", feeCurrency: "BTC", executedAt: new Date(Date.UTC(2024, 0, 1)), strategy: "coin-m" }],
    });
    expect(trades.openPositions).toEqual([expect.objectContaining({ strategy: "coin-m", kind: "inverse", quantity: "100" })]);
    expect(strategyHoldingsFromTrades(trades.openPositions)).toEqual([]);
  });
});
