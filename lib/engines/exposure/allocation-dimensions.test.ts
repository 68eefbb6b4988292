import { describe, expect, it } from "vitest";
import { D, sum } from "@/lib/money/decimal";
import { type Allocation, calculateExposure } from "@/lib/engines/exposure";

const dimensions = (a: Allocation) => [a.byAsset, a.byVenue, a.byAccount, a.byAssetClass, a.byCurrency, a.bySector];

// binance: BTC 0.1 × 60000 = 6000 and USDC 1000; okx: ETH 1 × 3000; ibkr: RELIANCE 10 × 2800 INR × 0.012 = 336.
// Σ = 6000 + 1000 + 3000 + 336 = 10336.
describe("allocation of 10336: by venue 7000 / 3000 / 336, by sector and class and currency", () => {
  const result = calculateExposure({
    equity: "10336",
    balances: [
      { asset: "BTC", quantity: "0.1", venue: "binance", accountUid: "b1" },
      { asset: "USDC", quantity: "1000", venue: "binance", accountUid: "b1" },
      { asset: "ETH", quantity: "1", venue: "okx", accountUid: "o1" },
    ],
    positions: [
      {
        symbol: "RELIANCE",
        underlying: "RELIANCE",
        quoteCurrency: "INR",
        quantity: "10",
        notional: "28000",
        instrumentType: "equity",
        venue: "ibkr",
        accountUid: "i1",
      },
    ],
    prices: { BTC: "60000", ETH: "3000", USDC: "1" },
    fxRates: { INR: "0.012" },
  });
  const share = (x: number) => new D(x).div(10336).toFixed();

  it("by venue: binance 7000, okx 3000, ibkr 336", () => {
    expect(result.allocation.byVenue.map((b) => [b.key, b.value])).toEqual([
      ["binance", "7000"],
      ["okx", "3000"],
      ["ibkr", "336"],
    ]);
    expect(result.allocation.byVenue.map((b) => b.weight)).toEqual([share(7000), share(3000), share(336)]);
  });

  it("by sector: Store of value, Smart contract platform, Stablecoin, Equity", () => {
    expect(result.allocation.bySector.map((b) => [b.key, b.value])).toEqual([
      ["Store of value", "6000"],
      ["Smart contract platform", "3000"],
      ["Stablecoin", "1000"],
      ["Equity", "336"],
    ]);
  });

  it("by asset class: crypto 9000, stablecoin 1000, equity 336", () => {
    expect(result.allocation.byAssetClass.map((b) => [b.key, b.value])).toEqual([
      ["crypto", "9000"],
      ["stablecoin", "1000"],
      ["equity", "336"],
    ]);
  });

  it("by currency: the stock counts in INR, its quote", () => {
    expect(result.allocation.byCurrency.map((b) => b.key)).toEqual(["BTC", "ETH", "USDC", "INR"]);
  });

  it("weights of one dimension sum to 1", () => {
    for (const dimension of dimensions(result.allocation)) {
      const total = sum(dimension.map((b) => b.weight));
      expect(total.minus(1).abs().lessThan("1e-35")).toBe(true);
    }
  });
});
