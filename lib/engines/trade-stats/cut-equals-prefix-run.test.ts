import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { calculateTradeStats, type TradeFill } from "@/lib/engines/trade-stats";

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 1);

/** Random books over a few symbols, strategies and fee currencies, in time order. */
const fillsArb = fc
  .array(
    fc.record({
      symbol: fc.constantFrom("BTC/USDT", "ETH/USDT", "SOL/BTC"),
      strategy: fc.constantFrom(null, "mm", "arb"),
      side: fc.constantFrom("buy" as const, "sell" as const),
      price: fc.integer({ min: 1, max: 500 }),
      quantity: fc.integer({ min: 0, max: 5 }),
      fee: fc.integer({ min: 0, max: 3 }),
      feeCurrency: fc.constantFrom("USDT", "BNB"),
      day: fc.integer({ min: 0, max: 30 }),
    }),
    { maxLength: 60 },
  )
  .map((xs) =>
    xs
      .sort((a, b) => a.day - b.day)
      .map((x, i): TradeFill => ({ symbol: x.symbol, strategy: x.strategy, side: x.side, price: String(x.price), quantity: String(x.quantity), fee: String(x.fee / 10), feeCurrency: x.feeCurrency, executedAt: new Date(T0 + x.day * DAY), venueFillId: String(i) })),
  );

const rates = { baseCurrency: "USDT", prices: { BTC: "60000", BNB: "600" } };

describe("cutMs gives, in one pass, what a second run over the fills before the cut gives", () => {
  it("every summary (overall, by symbol, strategy and settlement currency) equals the prefix run's, for any book and cut", () => {
    fc.assert(
      fc.property(fillsArb, fc.integer({ min: 0, max: 31 }), (fills, cutDay) => {
        const cutMs = T0 + cutDay * DAY;
        const one = calculateTradeStats({ ...rates, fills, cutMs });
        const prefix = calculateTradeStats({ ...rates, fills: fills.filter((f) => new Date(f.executedAt).getTime() < cutMs) });
        expect(one.beforeCut).toEqual({ overall: prefix.overall, bySymbol: prefix.bySymbol, byStrategy: prefix.byStrategy, bySettlement: prefix.bySettlement });
        const { beforeCut: _, ...rest } = one;
        expect(rest).toEqual(calculateTradeStats({ ...rates, fills }));
      }),
      { numRuns: 300 },
    );
  });
});
