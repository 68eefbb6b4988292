import { describe, expect, it } from "vitest";
import { calculateExposure } from "@/lib/engines/exposure";

// Equity 45000. Long 1 BTC @ 60000; short ETH perp −10 @ 3000 = −30000 USDT at 1 USD.
describe("BTC +60000, ETH −30000 on equity 45000: gross 90000 (2×), net 30000 (0.666…×)", () => {
  const result = calculateExposure({
    equity: "45000",
    balances: [
      { asset: "BTC", quantity: "1" },
      { asset: "USDT", quantity: "15000", wallet: "futures" },
    ],
    positions: [{ symbol: "ETH/USDT:USDT", underlying: "ETH", quoteCurrency: "USDT", quantity: "-10", notional: "-30000", instrumentType: "perpetual" }],
    prices: { BTC: "60000", USDT: "1" },
  });

  it("sums long 60000 and short −30000", () => {
    expect(result.totals).toMatchObject({ long: "60000", short: "-30000", net: "30000", gross: "90000", grossUnnetted: "90000" });
  });

  it("states each as a fraction of equity: gross 90000 / 45000 = leverage 2", () => {
    expect(result.totals.leverage).toBe("2");
    expect(result.totals.grossWeight).toBe("2");
    expect(result.totals.longWeight).toBe("1.333333333333333333333333333333333333333");
    expect(result.totals.shortWeight).toBe("-0.6666666666666666666666666666666666666667");
  });

  it("orders rows by |net|: BTC 60000, then ETH −30000", () => {
    expect(result.rows.map((r) => [r.underlying, r.net])).toEqual([
      ["BTC", "60000"],
      ["ETH", "-30000"],
    ]);
  });

  it("counts a negative spot balance (margin debt) as a short: BTC −0.5 × 60000 = −30000", () => {
    const r = calculateExposure({
      equity: "10000",
      balances: [{ asset: "BTC", quantity: "-0.5" }],
      positions: [],
      prices: { BTC: "60000" },
    });
    expect(r.rows[0]).toMatchObject({ underlying: "BTC", long: "0", short: "-30000", net: "-30000" });
    expect(r.totals.leverage).toBe("3");
  });

  it("gives no weights or leverage when equity is 0", () => {
    const r = calculateExposure({ equity: "0", balances: [{ asset: "BTC", quantity: "1" }], positions: [], prices: { BTC: "60000" } });
    expect(r.totals.leverage).toBeNull();
    expect(r.rows[0]?.netWeight).toBeNull();
  });
});
