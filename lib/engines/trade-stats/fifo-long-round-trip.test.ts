import { describe, expect, it } from "vitest";
import { calculateTradeStats, type TradeFill } from "@/lib/engines/trade-stats";

const fill = (side: "buy" | "sell", quantity: string, price: string, fee: string, at: string): TradeFill => ({
  symbol: "BTC/USD",
  side,
  quantity,
  price,
  fee,
  feeCurrency: "USD",
  executedAt: at,
});

describe("buy 1 @ 100 + buy 1 @ 110, sell 2 @ 120: 240 − 210 − fees 0.45 = 29.55", () => {
  const result = calculateTradeStats({
    fills: [
      fill("buy", "1", "100", "0.1", "2024-05-01T10:00:00Z"),
      fill("buy", "1", "110", "0.11", "2024-05-01T11:00:00Z"),
      fill("sell", "2", "120", "0.24", "2024-05-01T12:00:00Z"),
    ],
  });

  it("makes one long round trip from flat to flat", () => {
    expect(result.roundTrips).toEqual([
      {
        symbol: "BTC/USD",
        strategy: null,
        accountUid: null,
        side: "long",
        kind: "linear",
        quantity: "2",
        entryPrice: "105",
        exitPrice: "120",
        priceCurrency: "USD",
        openedAt: "2024-05-01T10:00:00.000Z",
        closedAt: "2024-05-01T12:00:00.000Z",
        holdingMs: 7_200_000,
        grossPnl: "30",
        fees: "0.45",
        netPnl: "29.55",
        currency: "USD",
        netPnlBase: "29.55",
        fills: 3,
      },
    ]);
  });

  it("summarises: one winner, win rate 1, profit factor ∞, holding 2 h", () => {
    expect(result.overall).toMatchObject({
      currency: "USD",
      trades: 1,
      winners: 1,
      losers: 0,
      winRate: 1,
      grossProfit: "29.55",
      grossLoss: "0",
      netPnl: "29.55",
      fees: "0.45",
      profitFactor: Infinity,
      averageWin: "29.55",
      averageLoss: null,
      expectancy: "29.55",
      averageHoldingMs: 7_200_000,
      realizedPnl: "29.55",
    });
    expect(result.openPositions).toEqual([]);
  });

  it("sorts fills by time first: the same fills given out of order give the same trip", () => {
    const shuffled = calculateTradeStats({
      fills: [
        fill("sell", "2", "120", "0.24", "2024-05-01T12:00:00Z"),
        fill("buy", "1", "100", "0.1", "2024-05-01T10:00:00Z"),
        fill("buy", "1", "110", "0.11", "2024-05-01T11:00:00Z"),
      ],
    });
    expect(shuffled.roundTrips).toEqual(result.roundTrips);
  });
});
