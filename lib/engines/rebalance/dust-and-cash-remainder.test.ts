import { describe, expect, it } from "vitest";
import { calculateRebalance } from "@/lib/engines/rebalance";

// BTC 0.1 × 60000 = 6000, USD 4000 → total 10000 (the 0.01 of SHIB is dust, left out).
// Target BTC 50 %, the rest (50 %) in cash: sell 1000 of BTC, cash goes 4000 → 5000.
describe("BTC 60 % + cash 40 % → BTC 50 %, cash the remaining 50 %: sell 1000, SHIB dust ignored", () => {
  const result = calculateRebalance({
    holdings: [
      { asset: "BTC", quantity: "0.1" },
      { asset: "USD", quantity: "4000" },
      { asset: "SHIB", quantity: "1000000" },
    ],
    targets: { BTC: "0.5" },
    prices: { BTC: "60000", SHIB: "0.00000001" },
    dustValue: "1",
  });
  const row = (asset: string) => result.rows.find((r) => r.asset === asset);

  it("leaves dust alone and out of the total", () => {
    expect(result.totalValue).toBe("10000");
    expect(row("SHIB")).toMatchObject({ value: "0.01", action: "hold", reason: "dust", currentWeight: null });
  });

  it("gives the base currency the remaining weight and shows where the cash ends up", () => {
    expect(row("BTC")).toMatchObject({ action: "sell", valueDelta: "-1000", quantityDelta: "-0.01666666666666666666666666666666666666667" });
    expect(row("USD")).toMatchObject({ action: "cash", targetWeight: "0.5", currentWeight: "0.4", valueDelta: "1000" });
    expect(result.netCashNeeded).toBe("-1000");
  });

  it("lists a target it cannot price instead of guessing: NEWCOIN", () => {
    const r = calculateRebalance({ holdings: [{ asset: "USD", quantity: "100" }], targets: { NEWCOIN: "0.5" }, prices: {} });
    expect(r.unpriced).toEqual(["NEWCOIN"]);
    expect(r.rows.find((x) => x.asset === "NEWCOIN")).toMatchObject({ action: "hold", reason: "unpriced", price: null });
  });
});
