import { describe, expect, it } from "vitest";
import { calculateExposure } from "@/lib/engines/exposure";

// 1 BTC spot @ 60000 = +60000; BTC-USDT perp −1 BTC, notional −60000 USDT × 1 = −60000.
describe("BTC 1 spot (+60000) + BTC-USDT perp −1 (−60000) = one BTC row, net 0", () => {
  const result = calculateExposure({
    equity: "70000",
    balances: [
      { asset: "BTC", quantity: "1", venue: "binance" },
      { asset: "USDT", quantity: "10000", wallet: "futures", venue: "okx" },
    ],
    positions: [
      {
        symbol: "BTC/USDT:USDT",
        underlying: "BTC",
        quoteCurrency: "USDT",
        quantity: "-1",
        notional: "-60000",
        instrumentType: "perpetual",
        venue: "okx",
      },
    ],
    prices: { BTC: "60000", USDT: "1" },
  });

  it("nets spot and derivatives into one row: long 60000, short −60000, net 0", () => {
    expect(result.rows).toEqual([
      { underlying: "BTC", long: "60000", short: "-60000", net: "0", gross: "120000", netWeight: "0", leverage: "1.714285714285714285714285714285714285714" },
    ]);
  });

  it("has gross 0 after netting, 120000 before; leverage 0 / 70000 = 0", () => {
    expect(result.totals).toMatchObject({ long: "60000", short: "-60000", net: "0", gross: "0", grossUnnetted: "120000", leverage: "0" });
  });

  it("leaves the USDT margin out of the exposure rows: cash is not a bet", () => {
    expect(result.rows.map((r) => r.underlying)).toEqual(["BTC"]);
  });
});
