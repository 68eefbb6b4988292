import { describe, expect, it } from "vitest";
import { calculateRebalance } from "@/lib/engines/rebalance";

const holdings = [
  { asset: "BTC", quantity: "0.1" },
  { asset: "ETH", quantity: "1" },
];
const prices = { BTC: "70000", ETH: "3000" };

describe("BTC 70 % vs target 68 %: drift 0.02 ≤ tolerance 0.05 → hold", () => {
  it("trades nothing inside the band", () => {
    const r = calculateRebalance({ holdings, prices, targets: { BTC: "0.68", ETH: "0.32" }, tolerance: "0.05" });
    expect(r.rows.filter((x) => x.asset !== "USD").map((x) => [x.asset, x.drift, x.action, x.reason])).toEqual([
      ["BTC", "0.02", "hold", "within-tolerance"],
      ["ETH", "-0.02", "hold", "within-tolerance"],
    ]);
    expect(r.buyValue).toBe("0");
    expect(r.sellValue).toBe("0");
  });
});

describe("BTC 70 % vs target 67 %: drift 0.03 > 0.01, but the trade (300) is under the 500 minimum → hold", () => {
  it("skips trades below the minimum size", () => {
    const r = calculateRebalance({ holdings, prices, targets: { BTC: "0.67", ETH: "0.33" }, tolerance: "0.01", minTradeValue: "500" });
    expect(r.rows.find((x) => x.asset === "BTC")).toMatchObject({ drift: "0.03", action: "hold", reason: "below-minimum", valueDelta: "0" });
  });

  it("trades once the minimum is 300: sell 300 of BTC, buy 300 of ETH", () => {
    const r = calculateRebalance({ holdings, prices, targets: { BTC: "0.67", ETH: "0.33" }, tolerance: "0.01", minTradeValue: "300" });
    expect(r.rows.filter((x) => x.asset !== "USD").map((x) => [x.asset, x.action, x.valueDelta])).toEqual([
      ["BTC", "sell", "-300"],
      ["ETH", "buy", "300"],
    ]);
  });
});

describe("targets are validated: each in [0, 1], Σ ≤ 1", () => {
  it("rejects 0.7 + 0.5 = 1.2 and a negative weight", () => {
    expect(() => calculateRebalance({ holdings, prices, targets: { BTC: "0.7", ETH: "0.5" } })).toThrow(RangeError);
    expect(() => calculateRebalance({ holdings, prices, targets: { BTC: "-0.1" } })).toThrow(RangeError);
  });
});

describe("a band per asset: BTC 70 % vs 67 % (drift 0.03) within its own band 0.05 → hold; ETH 30 % vs 33 % outside its band 0.01 → buy 300", () => {
  it("uses each asset's band over the default tolerance", () => {
    const r = calculateRebalance({ holdings, prices, targets: { BTC: "0.67", ETH: "0.33" }, tolerance: "0", tolerances: { BTC: "0.05", ETH: "0.01" } });
    expect(r.rows.filter((x) => x.asset !== "USD").map((x) => [x.asset, x.action, x.reason, x.valueDelta])).toEqual([
      ["BTC", "hold", "within-tolerance", "0"],
      ["ETH", "buy", "rebalance", "300"],
    ]);
    expect(r.netCashNeeded).toBe("300");
  });
});
