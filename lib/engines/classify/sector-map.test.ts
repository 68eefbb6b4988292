import { describe, expect, it } from "vitest";
import { assetClassOfBalance, assetClassOfPosition, isCashLike, SECTORS, sectorOf } from "@/lib/engines/classify";
import sectors from "@/lib/engines/data/sectors.json";

describe("sector map: BTC → Store of value, USDC → Stablecoin, unknown → Unclassified", () => {
  it("maps the listed tokens", () => {
    expect(sectorOf("BTC")).toBe("Store of value");
    expect(sectorOf("eth")).toBe("Smart contract platform");
    expect(sectorOf("USDC")).toBe("Stablecoin");
    expect(sectorOf("ARB")).toBe("Layer 2");
    expect(sectorOf("POL")).toBe("Layer 2");
    expect(sectorOf("MATIC")).toBe("Layer 2");
    expect(sectorOf("AAVE")).toBe("DeFi");
    expect(sectorOf("LINK")).toBe("Oracle");
    expect(sectorOf("DOGE")).toBe("Meme");
    expect(sectorOf("XRP")).toBe("Payments");
    expect(sectorOf("BNB")).toBe("Exchange token");
    expect(sectorOf("INR")).toBe("Cash");
  });

  it("falls back to Unclassified, or Equity for a stock it does not know", () => {
    expect(sectorOf("NOTATOKEN")).toBe("Unclassified");
    expect(sectorOf("ZOMATO", "equity")).toBe("Equity");
  });

  it("uses only sectors the code knows", () => {
    for (const sector of Object.values(sectors)) expect(SECTORS).toContain(sector);
  });

  it("treats the base currency, fiat and stablecoins as cash-like, BTC not", () => {
    expect(isCashLike("USD", "USD")).toBe(true);
    expect(isCashLike("EUR", "USD")).toBe(true);
    expect(isCashLike("USDT", "USD")).toBe(true);
    expect(isCashLike("BTC", "USD")).toBe(false);
    expect(isCashLike("BTC", "BTC")).toBe(true);
  });

  it("classes balances and positions", () => {
    expect(assetClassOfBalance("USD", "USD")).toBe("cash");
    expect(assetClassOfBalance("DAI", "USD")).toBe("stablecoin");
    expect(assetClassOfBalance("SOL", "USD")).toBe("crypto");
    expect(assetClassOfPosition("perpetual")).toBe("derivatives");
    expect(assetClassOfPosition("equity")).toBe("equity");
  });
});
