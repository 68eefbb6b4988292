import { describe, expect, it } from "vitest";
import { exactTargets, planRebalance } from "./plan";
import type { VenueBalance } from "./venue-legs";

const account = (id: string, provider: string, label: string) => ({
  accountId: id,
  accountUid: `uid-${id}`,
  accountName: `Account ${id}`,
  connectionId: `conn-${id}`,
  connectionLabel: label,
  provider,
});
const bal = (asset: string, quantity: string, a: ReturnType<typeof account>): VenueBalance => ({ asset, quantity, ...a });

const binance = account("a", "binance", "Binance");
const okx = account("b", "okx", "OKX");
const wallet = account("c", "okx_web3", "Wallet");

// BTC: 0.06 on Binance + 0.04 on OKX = 0.1 × 70000 = 7000; ETH 1 × 3000 = 3000 on the wallet. Total 10000.
const balances = [bal("BTC", "0.06", binance), bal("BTC", "0.04", okx), bal("ETH", "1", wallet)];
const prices = { BTC: "70000", ETH: "3000" };

describe("BTC 70 % / ETH 30 % of 10000 → 50 / 50: sell 0.0285714… BTC (2000), buy 0.666… ETH (2000)", () => {
  const plan = planRebalance({
    baseCurrency: "USD",
    balances,
    prices,
    targets: [
      { asset: "BTC", weight: "0.5", band: "0.01" },
      { asset: "ETH", weight: "0.5", band: "0.01" },
    ],
  });

  it("sells from the largest BTC holding first: all 0.0285714… BTC from Binance's 0.06, none from OKX", () => {
    const sells = plan.legs.filter((l) => l.side === "sell");
    expect(sells.map((l) => [l.connectionLabel, l.quantity, l.value])).toEqual([["Binance", "0.02857142857142857142857142857142857142857", "2000"]]);
  });

  it("buys ETH on the wallet that already holds it; fee 2000 × 0.30 % = 6 (DEX assumption), Binance's 0.10 % of 2000 = 2; 8 in all", () => {
    const buy = plan.legs.find((l) => l.side === "buy")!;
    expect(buy).toMatchObject({ asset: "ETH", connectionLabel: "Wallet", quantity: "0.6666666666666666666666666666666666666667", feeRate: "0.003" });
    expect(buy.fee).toBe("6");
    expect(plan.fees).toBe("8");
    expect(plan.engine.totalValue).toBe("10000");
  });
});

describe("a sell larger than one holding: sell 0.08 BTC of 0.06 + 0.04 → 0.06 from Binance, then 0.02 from OKX", () => {
  it("fills the sell across accounts, largest first, exactly", () => {
    // BTC 7000 + ETH 3000; target BTC 14 % → 1400 → sell 5600 = 0.08 BTC.
    const plan = planRebalance({
      baseCurrency: "USD",
      balances,
      prices,
      targets: [
        { asset: "BTC", weight: "0.14", band: "0" },
        { asset: "ETH", weight: "0.86", band: "0" },
      ],
    });
    expect(plan.legs.filter((l) => l.asset === "BTC").map((l) => [l.connectionLabel, l.quantity, l.value, l.fee])).toEqual([
      ["Binance", "0.06", "4200", "4.2"],
      ["OKX", "0.02", "1400", "1.4"],
    ]);
  });
});

describe("a buy of an asset nobody holds goes to the account with the most base-currency cash", () => {
  it("SOL 10 % of (BTC 7000 + USD 3000 on OKX) → buy 1000 of SOL on OKX", () => {
    const plan = planRebalance({
      baseCurrency: "USD",
      balances: [bal("BTC", "0.1", binance), bal("USD", "3000", okx)],
      prices: { BTC: "70000", SOL: "100" },
      targets: [
        { asset: "BTC", weight: "0.6", band: "0" },
        { asset: "SOL", weight: "0.1", band: "0" },
        { asset: "USD", weight: "0.3", band: "0" },
      ],
    });
    expect(plan.legs.map((l) => [l.asset, l.side, l.connectionLabel, l.quantity, l.value])).toEqual([
      ["BTC", "sell", "Binance", "0.01428571428571428571428571428571428571429", "1000"],
      ["SOL", "buy", "OKX", "10", "1000"],
    ]);
  });
});

describe("targets within ± 0.01 points of 100 % reach the engine summing to exactly 1", () => {
  it("60.005 % + 40 % = 100.005 % → the largest, BTC, gives up 0.00005: 0.6 + 0.4", () => {
    expect(exactTargets([
      { asset: "BTC", weight: "0.60005", band: "0" },
      { asset: "ETH", weight: "0.4", band: "0" },
    ])).toEqual({ BTC: "0.6", ETH: "0.4" });
  });
  it("59.995 % + 40 % = 99.995 % → BTC takes the 0.00005: 0.6 + 0.4", () => {
    expect(exactTargets([
      { asset: "BTC", weight: "0.59995", band: "0" },
      { asset: "ETH", weight: "0.4", band: "0" },
    ])).toEqual({ BTC: "0.6", ETH: "0.4" });
  });
});

describe("no targets saved: current weights only, no legs", () => {
  it("BTC 7000 / ETH 3000 → 70 % / 30 %, nothing to trade", () => {
    const plan = planRebalance({ baseCurrency: "USD", balances, prices, targets: [] });
    expect(plan.legs).toEqual([]);
    expect(plan.engine.rows.filter((r) => r.asset !== "USD").map((r) => [r.asset, r.currentWeight])).toEqual([
      ["BTC", "0.7"],
      ["ETH", "0.3"],
    ]);
  });
});
