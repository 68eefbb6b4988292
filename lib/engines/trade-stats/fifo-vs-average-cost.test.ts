import { describe, expect, it } from "vitest";
import { calculateTradeStats, type TradeFill } from "@/lib/engines/trade-stats";

const fills: TradeFill[] = [
  { symbol: "ETH/USD", side: "buy", quantity: "1", price: "100", fee: "1", feeCurrency: "USD", executedAt: "2024-01-01T00:00:00Z" },
  { symbol: "ETH/USD", side: "buy", quantity: "1", price: "200", fee: "2", feeCurrency: "USD", executedAt: "2024-01-02T00:00:00Z" },
  { symbol: "ETH/USD", side: "sell", quantity: "1", price: "180", fee: "1.8", feeCurrency: "USD", executedAt: "2024-01-03T00:00:00Z" },
];

describe("buy 1 @ 100, buy 1 @ 200, sell 1 @ 180: FIFO realizes 180 − 100 − 1 − 1.8 = 77.2; average 180 − 150 − 1.5 − 1.8 = 26.7", () => {
  it("FIFO closes the oldest lot and keeps 1 @ 200 open", () => {
    const r = calculateTradeStats({ fills, method: "fifo" });
    expect(r.roundTrips).toEqual([]);
    expect(r.openPositions).toEqual([
      {
        symbol: "ETH/USD",
        strategy: null,
        accountUid: null,
        kind: "linear",
        quantity: "1",
        averageEntryPrice: "200",
        priceCurrency: "USD",
        currency: "USD",
        openedAt: "2024-01-01T00:00:00.000Z",
        realizedPnl: "77.2",
      },
    ]);
    expect(r.overall.realizedPnl).toBe("77.2");
  });

  it("average cost closes at 150 and keeps 1 @ 150 open", () => {
    const r = calculateTradeStats({ fills, method: "average" });
    expect(r.openPositions[0]).toMatchObject({ quantity: "1", averageEntryPrice: "150", realizedPnl: "26.7" });
    expect(r.bySymbol["ETH/USD"]?.realizedPnl).toBe("26.7");
  });

  it("once flat both agree: sell 1 more @ 190 → 370 − 300 − 4.8 − 1.9 = 63.3", () => {
    const closing: TradeFill = { symbol: "ETH/USD", side: "sell", quantity: "1", price: "190", fee: "1.9", feeCurrency: "USD", executedAt: "2024-01-04T00:00:00Z" };
    for (const method of ["fifo", "average"] as const) {
      const r = calculateTradeStats({ fills: [...fills, closing], method });
      expect(r.roundTrips.map((t) => [t.grossPnl, t.fees, t.netPnl])).toEqual([["70", "6.7", "63.3"]]);
      expect(r.overall.realizedPnl).toBe("63.3");
      expect(r.openPositions).toEqual([]);
    }
  });
});
