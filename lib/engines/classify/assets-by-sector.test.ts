import { describe, expect, it } from "vitest";
import { assetsBySector } from "@/lib/engines/classify";

describe("assetsBySector", () => {
  it("BTC, ETH, SOL, USDT, a BTC perp's underlying again → Store of value [BTC], Smart contract platform [ETH, SOL], Stablecoin [USDT]", () => {
    const groups = assetsBySector([{ asset: "SOL" }, { asset: "BTC" }, { asset: "ETH" }, { asset: "USDT" }, { asset: "BTC", instrumentType: "perpetual" }]);
    expect(Object.fromEntries(groups)).toEqual({
      "Store of value": ["BTC"],
      "Smart contract platform": ["ETH", "SOL"],
      Stablecoin: ["USDT"],
    });
  });

  it("names what is Unclassified instead of guessing: an unknown token and an OKX Web3 look-alike “USDT:0xabc” are listed there", () => {
    const groups = assetsBySector([{ asset: "NOTATOKEN" }, { asset: "USDT:0xabc" }, { asset: "USDT" }]);
    expect(groups.get("Unclassified")).toEqual(["NOTATOKEN", "USDT:0xabc"]);
    expect(groups.get("Stablecoin")).toEqual(["USDT"]);
  });

  it("a stock the map does not know is Equity when held as one, Unclassified when its type is unknown", () => {
    expect(Object.fromEntries(assetsBySector([{ asset: "ZOMATO", instrumentType: "equity" }]))).toEqual({ Equity: ["ZOMATO"] });
    expect(Object.fromEntries(assetsBySector([{ asset: "ZOMATO" }]))).toEqual({ Unclassified: ["ZOMATO"] });
  });
});
