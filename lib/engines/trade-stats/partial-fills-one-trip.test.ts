import { describe, expect, it } from "vitest";
import { calculateTradeStats, type TradeFill } from "@/lib/engines/trade-stats";

const at = (minute: number) => new Date(Date.UTC(2024, 2, 1, 9, minute));
const f = (side: "buy" | "sell", quantity: string, price: string, minute: number): TradeFill => ({
  symbol: "SOL/USDT",
  side,
  quantity,
  price,
  fee: "0",
  feeCurrency: "USDT",
  executedAt: at(minute),
  strategy: "grid",
});

// Entry 0.2 × 100 + 0.3 × 101 + 0.5 × 102 = 20 + 30.3 + 51 = 101.3; exit 1 × 110; PnL 110 − 101.3 = 8.7.
describe("partial fills 0.2 @ 100 + 0.3 @ 101 + 0.5 @ 102, then 0.4 + 0.6 @ 110: one trip, 110 − 101.3 = 8.7", () => {
  const r = calculateTradeStats({
    fills: [f("buy", "0.2", "100", 0), f("buy", "0.3", "101", 1), f("buy", "0.5", "102", 2), f("sell", "0.4", "110", 30), f("sell", "0.6", "110", 31)],
    quotes: [{ base: "USDT", quote: "USD", price: "1" }],
  });

  it("builds a single round trip of five fills", () => {
    expect(r.roundTrips).toHaveLength(1);
    expect(r.roundTrips[0]).toMatchObject({
      strategy: "grid",
      quantity: "1",
      entryPrice: "101.3",
      exitPrice: "110",
      grossPnl: "8.7",
      netPnl: "8.7",
      fills: 5,
      holdingMs: 31 * 60_000,
    });
  });

  it("books it under its strategy and its symbol", () => {
    expect(Object.keys(r.byStrategy)).toEqual(["grid"]);
    expect(r.byStrategy.grid?.netPnl).toBe("8.7");
    expect(r.bySymbol["SOL/USDT"]?.currency).toBe("USDT");
  });

  it("a partial close leaves the rest open: sell only 0.4 → 0.6 open at (0.1 × 101 + 0.5 × 102) / 0.6 = 101.833…", () => {
    const open = calculateTradeStats({ fills: [f("buy", "0.2", "100", 0), f("buy", "0.3", "101", 1), f("buy", "0.5", "102", 2), f("sell", "0.4", "110", 30)] });
    // Closed 0.2 @ 100 and 0.2 @ 101: (110 − 100) × 0.2 + (110 − 101) × 0.2 = 2 + 1.8 = 3.8.
    expect(open.openPositions[0]).toMatchObject({ quantity: "0.6", averageEntryPrice: "101.8333333333333333333333333333333333333", realizedPnl: "3.8" });
  });
});
