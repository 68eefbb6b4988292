import { describe, expect, it } from "vitest";
import { calculateTradeStats, type TradeFill } from "@/lib/engines/trade-stats";

let t = Date.UTC(2024, 0, 1);
const trip = (symbol: string, strategy: string, open: "buy" | "sell", qty: string, entry: string, exit: string, hours: number): TradeFill[] => {
  const opened = t;
  t += hours * 3_600_000;
  const closed = t;
  t += 3_600_000;
  const base = { symbol, strategy, quantity: qty, fee: "0", feeCurrency: "USD" };
  return [
    { ...base, side: open, price: entry, executedAt: new Date(opened) },
    { ...base, side: open === "buy" ? "sell" : "buy", price: exit, executedAt: new Date(closed) },
  ];
};

// Round trips: +30, −10 (A, trend); +20, 0 (B, carry); −5 (B short, trend).
// 5 trades: 2 winners, 2 losers, 1 breakeven. Gross profit 50, gross loss 15.
// Win rate 0.4, profit factor 50 / 15 = 3.33…, average win 25, average loss 7.5,
// expectancy 0.4 × 25 − 0.4 × 7.5 = 7 = (50 − 15) / 5.
describe("trips +30, −10, +20, 0, −5: win rate 0.4, profit factor 50 / 15, expectancy 7", () => {
  const r = calculateTradeStats({
    fills: [
      ...trip("A/USD", "trend", "buy", "1", "100", "130", 2),
      ...trip("A/USD", "trend", "buy", "1", "100", "90", 4),
      ...trip("B/USD", "carry", "buy", "2", "50", "60", 6),
      ...trip("B/USD", "carry", "buy", "1", "10", "10", 8),
      ...trip("B/USD", "trend", "sell", "1", "20", "25", 10),
    ],
  });

  it("overall", () => {
    expect(r.overall).toMatchObject({
      trades: 5,
      winners: 2,
      losers: 2,
      breakeven: 1,
      winRate: 0.4,
      lossRate: 0.4,
      grossProfit: "50",
      grossLoss: "15",
      netPnl: "35",
      averageWin: "25",
      averageLoss: "7.5",
      expectancy: "7",
      averageHoldingMs: ((2 + 4 + 6 + 8 + 10) / 5) * 3_600_000,
    });
    expect(r.overall.profitFactor).toBeCloseTo(50 / 15, 14);
  });

  it("per symbol: A 30 − 10 = 20 (PF 3), B 20 + 0 − 5 = 15 (PF 4)", () => {
    expect(r.bySymbol["A/USD"]).toMatchObject({ trades: 2, netPnl: "20", profitFactor: 3 });
    expect(r.bySymbol["B/USD"]).toMatchObject({ trades: 3, netPnl: "15", profitFactor: 4 });
  });

  it("per strategy: trend 30 − 10 − 5 = 15, carry 20 + 0 = 20 with no loss (PF ∞)", () => {
    expect(r.byStrategy.trend).toMatchObject({ trades: 3, winners: 1, losers: 2, netPnl: "15", profitFactor: 2 });
    expect(r.byStrategy.carry).toMatchObject({ trades: 2, winners: 1, breakeven: 1, netPnl: "20", profitFactor: Infinity });
  });
});

describe("degenerate statistics: no trades → NaN, only breakeven → profit factor NaN", () => {
  it("no fills at all", () => {
    const r = calculateTradeStats({ fills: [] });
    expect(r.overall.trades).toBe(0);
    expect(r.overall.winRate).toBeNaN();
    expect(r.overall.profitFactor).toBeNaN();
    expect(r.overall.averageHoldingMs).toBeNaN();
    expect(r.overall.expectancy).toBeNull();
    expect(r.overall.averageWin).toBeNull();
  });

  it("one trip at exactly 0: a trade, neither win nor loss, 0 / 0 → NaN", () => {
    const r = calculateTradeStats({ fills: trip("C/USD", "x", "buy", "1", "5", "5", 1) });
    expect(r.overall).toMatchObject({ trades: 1, winners: 0, losers: 0, breakeven: 1, winRate: 0, expectancy: "0" });
    expect(r.overall.profitFactor).toBeNaN();
  });
});
