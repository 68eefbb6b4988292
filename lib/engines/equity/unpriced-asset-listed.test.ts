import { describe, expect, it } from "vitest";
import { calculateEquity } from "@/lib/engines/equity";

describe("BTC 1 @ 60000 + XYZ 500 (no price) + PnL 20 in ABC (no price) = 60000, both flagged", () => {
  const result = calculateEquity({
    balances: [
      { asset: "BTC", wallet: "spot", quantity: "1", venue: "binance", accountUid: "b-spot" },
      { asset: "XYZ", wallet: "funding", quantity: "500", venue: "binance", accountUid: "b-fund" },
    ],
    positions: [{ symbol: "FOO/ABC:ABC", settleCurrency: "ABC", unrealizedPnl: "20", venue: "okx" }],
    prices: { BTC: "60000" },
  });

  it("leaves the unpriced amounts out of every figure instead of counting them as 0", () => {
    expect(result.total).toBe("60000");
    expect(result.fundingValue).toBe("0");
    expect(result.unrealizedPnl).toBe("0");
  });

  it("lists each unpriced item with where it sits", () => {
    expect(result.unpriced).toEqual(["ABC", "XYZ"]);
    expect(result.unpricedItems).toEqual([
      { asset: "XYZ", source: "balance", amount: "500", wallet: "funding", venue: "binance", accountUid: "b-fund" },
      { asset: "ABC", source: "position", amount: "20", symbol: "FOO/ABC:ABC", venue: "okx", accountUid: undefined },
    ]);
    expect(result.complete).toBe(false);
  });
});
