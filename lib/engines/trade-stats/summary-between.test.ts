import { describe, expect, it } from "vitest";
import { calculateTradeStats, summaryBetween, type TradeFill } from "@/lib/engines/trade-stats";

const at = (day: number) => new Date(Date.UTC(2026, 0, day));
const fill = (side: "buy" | "sell", price: string, day: number, fee = "0"): TradeFill => ({ symbol: "A/USD", side, price, quantity: "1", fee, feeCurrency: "USD", executedAt: at(day) });

// Trips: +10 (days 1–2, before the cut), −4 − fee 1 = −5 (days 3–4) and +20 (days 5–6) after it.
// After the cut: 2 trades, 1 winner 20, 1 loser 5; win rate 0.5, profit factor 20 / 5 = 4,
// expectancy (20 − 5) / 2 = 7.5, fees 1, realized 15.
const fills = [fill("buy", "100", 1), fill("sell", "110", 2), fill("buy", "100", 3), fill("sell", "96", 4, "1"), fill("buy", "100", 5), fill("sell", "120", 6)];

describe("summaryBetween: the trips closed after a cut, as later run − earlier run", () => {
  it("+10 before the cut; −5 and +20 after: 2 trades, win rate 0.5, profit factor 4, expectancy 7.5, realized 15, fees 1", () => {
    const later = calculateTradeStats({ fills }).overall;
    const earlier = calculateTradeStats({ fills: fills.slice(0, 2) }).overall;
    const s = summaryBetween(later, earlier);
    expect(s).toMatchObject({ trades: 2, winners: 1, losers: 1, breakeven: 0, winRate: 0.5, profitFactor: 4, grossProfit: "20", grossLoss: "5", netPnl: "15", fees: "1", averageWin: "20", averageLoss: "5", expectancy: "7.5", realizedPnl: "15" });
    expect(s.averageHoldingMs).toBe(86_400_000);
  });

  it("no earlier run: the later summary itself", () => {
    const later = calculateTradeStats({ fills }).overall;
    expect(summaryBetween(later, undefined)).toEqual(later);
  });

  it("a partial close after the cut counts in realized PnL but is no trade: buy 2 @ 100 before, sell 1 @ 130 after → realized 30, 0 trades", () => {
    const two = [{ ...fill("buy", "100", 1), quantity: "2" }, fill("sell", "130", 3)];
    const s = summaryBetween(calculateTradeStats({ fills: two }).overall, calculateTradeStats({ fills: two.slice(0, 1) }).overall);
    expect(s).toMatchObject({ trades: 0, realizedPnl: "30", expectancy: null });
    expect(s.winRate).toBeNaN();
  });
});

describe("cutMs: the run before a cut, from the same single pass", () => {
  it("+10 before the cut (day 3); −5 and +20 after: beforeCut holds 1 trade and realized 10, and the range is the same as two runs", () => {
    const one = calculateTradeStats({ fills, cutMs: at(3).getTime() });
    expect(one.beforeCut!.overall).toEqual(calculateTradeStats({ fills: fills.slice(0, 2) }).overall);
    expect(one.beforeCut!.overall).toMatchObject({ trades: 1, realizedPnl: "10" });
    expect(summaryBetween(one.overall, one.beforeCut!.overall)).toMatchObject({ trades: 2, realizedPnl: "15", expectancy: "7.5" });
  });

  it("buy 2 @ 100 before the cut, sell 1 @ 130 after: realized at the cut is 0, after it 30", () => {
    const two = [{ ...fill("buy", "100", 1), quantity: "2" }, fill("sell", "130", 3)];
    const one = calculateTradeStats({ fills: two, cutMs: at(2).getTime() });
    expect(one.beforeCut!.overall.realizedPnl).toBe("0");
    expect(summaryBetween(one.overall, one.beforeCut!.overall).realizedPnl).toBe("30");
  });
});
