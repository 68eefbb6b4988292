import { describe, expect, it } from "vitest";
import { calculateTradeStats } from "@/lib/engines/trade-stats";

describe("sell 2 @ 50, buy 2 @ 40: a short making (50 − 40) × 2 − fees 0.09 = 19.91", () => {
  it("profits when the price falls", () => {
    const r = calculateTradeStats({
      fills: [
        { symbol: "XRP/USD", side: "sell", quantity: "2", price: "50", fee: "0.05", feeCurrency: "USD", executedAt: "2024-06-01T00:00:00Z" },
        { symbol: "XRP/USD", side: "buy", quantity: "2", price: "40", fee: "0.04", feeCurrency: "USD", executedAt: "2024-06-02T00:00:00Z" },
      ],
    });
    expect(r.roundTrips[0]).toMatchObject({ side: "short", entryPrice: "50", exitPrice: "40", grossPnl: "20", fees: "0.09", netPnl: "19.91" });
    expect(r.overall.winners).toBe(1);
  });

  it("a short still open shows a negative quantity: sell 3 @ 50 → −3", () => {
    const r = calculateTradeStats({
      fills: [{ symbol: "XRP/USD", side: "sell", quantity: "3", price: "50", fee: "0", feeCurrency: "USD", executedAt: "2024-06-01T00:00:00Z" }],
    });
    expect(r.openPositions[0]).toMatchObject({ quantity: "-3", averageEntryPrice: "50", realizedPnl: "0" });
  });
});
