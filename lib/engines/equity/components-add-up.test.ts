import { describe, expect, it } from "vitest";
import { D } from "@/lib/money/decimal";
import { calculateEquity } from "@/lib/engines/equity";

// spot 0.5 BTC × 60000 = 30000; funding 5000 USDC × 1 = 5000; futures wallet 10000 USDT × 1 = 10000;
// unrealized PnL +1500 − 300 = 1200 USDT; margin debt −2000 USDT.
describe("spot 30000 + funding 5000 + futures 10000 + uPnL 1200 + debt −2000 = 44200", () => {
  const result = calculateEquity({
    balances: [
      { asset: "BTC", wallet: "spot", quantity: "0.5", venue: "binance", accountUid: "spot-1" },
      { asset: "USDC", wallet: "funding", quantity: "5000", venue: "binance", accountUid: "earn-1" },
      { asset: "USDT", wallet: "futures", quantity: "10000", venue: "okx", accountUid: "fut-1" },
      { asset: "USDT", wallet: "margin", quantity: "-2000", venue: "binance", accountUid: "spot-1" },
    ],
    positions: [
      { symbol: "BTC/USDT:USDT", settleCurrency: "USDT", unrealizedPnl: "1500", venue: "okx", accountUid: "fut-1" },
      { symbol: "ETH/USDT:USDT", settleCurrency: "USDT", unrealizedPnl: "-300", venue: "okx", accountUid: "fut-1" },
    ],
    prices: { BTC: "60000", USDT: "1", USDC: "1" },
  });

  it("reports each component and their sum", () => {
    expect(result).toMatchObject({
      spotValue: "30000",
      fundingValue: "5000",
      futuresWalletBalance: "10000",
      unrealizedPnl: "1200",
      marginDebt: "-2000",
      total: "44200",
    });
  });

  it("splits by venue: binance 30000 + 5000 − 2000 = 33000, okx 10000 + 1200 = 11200", () => {
    expect(result.breakdown.byVenue.map((b) => [b.key, b.total])).toEqual([
      ["binance", "33000"],
      ["okx", "11200"],
    ]);
    const okx = result.breakdown.byVenue.find((b) => b.key === "okx");
    expect(okx).toMatchObject({ futuresWalletBalance: "10000", unrealizedPnl: "1200", spotValue: "0" });
  });

  it("splits by account: spot-1 30000 − 2000 = 28000, fut-1 11200, earn-1 5000", () => {
    expect(result.breakdown.byAccount.map((b) => [b.key, b.total])).toEqual([
      ["spot-1", "28000"],
      ["fut-1", "11200"],
      ["earn-1", "5000"],
    ]);
  });

  it("splits by asset class: crypto 30000, stablecoin 5000 + 10000 − 2000 = 13000, derivatives 1200", () => {
    expect(result.breakdown.byAssetClass.map((b) => [b.key, b.total])).toEqual([
      ["crypto", "30000"],
      ["stablecoin", "13000"],
      ["derivatives", "1200"],
    ]);
  });

  it("gives each bucket its weight of the total: okx 11200 / 44200", () => {
    const okx = result.breakdown.byVenue.find((b) => b.key === "okx");
    expect(okx?.weight).toBe(new D(11200).div(44200).toFixed());
    expect(okx?.weight?.startsWith("0.25339366515837104072")).toBe(true);
  });
});
