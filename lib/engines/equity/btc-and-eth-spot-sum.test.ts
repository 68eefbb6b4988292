import { describe, expect, it } from "vitest";
import { calculateEquity } from "@/lib/engines/equity";

describe("BTC 0.5 @ 60000 + ETH 2 @ 3000 = 36000", () => {
  const result = calculateEquity({
    balances: [
      { asset: "BTC", wallet: "spot", quantity: "0.5" },
      { asset: "ETH", wallet: "spot", quantity: "2" },
    ],
    positions: [],
    prices: { BTC: "60000", ETH: "3000" },
  });

  it("totals 30000 + 6000 = 36000 USD, all of it spot", () => {
    expect(result.baseCurrency).toBe("USD");
    expect(result.total).toBe("36000");
    expect(result.spotValue).toBe("36000");
    expect(result.fundingValue).toBe("0");
    expect(result.marginDebt).toBe("0");
    expect(result.complete).toBe(true);
  });

  it("lists each holding, largest first", () => {
    expect(result.assets).toEqual([
      { asset: "BTC", quantity: "0.5", price: "60000", value: "30000" },
      { asset: "ETH", quantity: "2", price: "3000", value: "6000" },
    ]);
  });

  it("breaks the 36000 down by currency: BTC 30000 (5/6), ETH 6000 (1/6)", () => {
    const byCurrency = result.breakdown.byCurrency.map((b) => [b.key, b.total]);
    expect(byCurrency).toEqual([
      ["BTC", "30000"],
      ["ETH", "6000"],
    ]);
    expect(result.breakdown.byAssetClass).toEqual([expect.objectContaining({ key: "crypto", total: "36000", weight: "1" })]);
  });
});
