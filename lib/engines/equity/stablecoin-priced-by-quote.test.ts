import { describe, expect, it } from "vitest";
import { calculateEquity } from "@/lib/engines/equity";

describe("USDT 1000 × 0.9998 USD + BTC 0.1 × 60000 USDT × 0.9998 = 999.8 + 5998.8 = 6998.6 USD", () => {
  const result = calculateEquity({
    balances: [
      { asset: "USDT", wallet: "spot", quantity: "1000" },
      { asset: "BTC", wallet: "spot", quantity: "0.1" },
    ],
    positions: [],
    prices: {},
    quotes: [
      { base: "BTC", quote: "USDT", price: "60000" },
      { base: "USDT", quote: "USD", price: "0.9998" },
    ],
  });

  it("values the stablecoin at its quote, not at 1", () => {
    expect(result.rates.USDT).toBe("0.9998");
    expect(result.total).toBe("6998.6");
  });

  it("prices BTC through the chain BTC/USDT × USDT/USD = 59988", () => {
    expect(result.rates.BTC).toBe("59988");
  });

  it("classes USDT as a stablecoin: 999.8 of 6998.6", () => {
    const stable = result.breakdown.byAssetClass.find((b) => b.key === "stablecoin");
    expect(stable?.total).toBe("999.8");
  });
});

describe("USDT 1000 with no quote at all = unpriced, total 0", () => {
  it("does not assume a stablecoin is worth 1", () => {
    const result = calculateEquity({ balances: [{ asset: "USDT", wallet: "spot", quantity: "1000" }], positions: [], prices: {} });
    expect(result.total).toBe("0");
    expect(result.unpriced).toEqual(["USDT"]);
    expect(result.complete).toBe(false);
  });
});
