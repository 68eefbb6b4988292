import { describe, expect, it } from "vitest";
import { calculateTradeStats, type TradeFill } from "@/lib/engines/trade-stats";

// Short 1 @ 100 (fee 0.1). One buy of 3 @ 90 (fee 0.27) closes the short and opens a long of 2:
// its fee splits 1/3 : 2/3 = 0.09 : 0.18. Short: 100 − 90 − 0.1 − 0.09 = 9.81.
// Long 2 @ 90, sold @ 95 (fee 0.19): (95 − 90) × 2 − 0.18 − 0.19 = 9.63.
describe("short 1 @ 100, buy 3 @ 90 flips to long 2; sell 2 @ 95: trips 9.81 and 9.63", () => {
  const fills: TradeFill[] = [
    { symbol: "BTC/USD", side: "sell", quantity: "1", price: "100", fee: "0.1", feeCurrency: "USD", executedAt: "2024-01-01T00:00:00Z" },
    { symbol: "BTC/USD", side: "buy", quantity: "3", price: "90", fee: "0.27", feeCurrency: "USD", executedAt: "2024-01-02T00:00:00Z" },
    { symbol: "BTC/USD", side: "sell", quantity: "2", price: "95", fee: "0.19", feeCurrency: "USD", executedAt: "2024-01-03T00:00:00Z" },
  ];

  it("closes the short and opens the long in one fill", () => {
    const r = calculateTradeStats({ fills });
    expect(r.roundTrips.map((t) => ({ side: t.side, qty: t.quantity, entry: t.entryPrice, exit: t.exitPrice, gross: t.grossPnl, fees: t.fees, net: t.netPnl }))).toEqual([
      { side: "short", qty: "1", entry: "100", exit: "90", gross: "10", fees: "0.19", net: "9.81" },
      { side: "long", qty: "2", entry: "90", exit: "95", gross: "10", fees: "0.37", net: "9.63" },
    ]);
    expect(r.overall.netPnl).toBe("19.44");
    expect(r.overall.fees).toBe("0.56");
  });

  it("after the flip alone, the long of 2 @ 90 is open with the short's 9.81 realized", () => {
    const r = calculateTradeStats({ fills: fills.slice(0, 2) });
    expect(r.openPositions[0]).toMatchObject({ quantity: "2", averageEntryPrice: "90", realizedPnl: "0" });
    expect(r.overall.realizedPnl).toBe("9.81");
  });
});
