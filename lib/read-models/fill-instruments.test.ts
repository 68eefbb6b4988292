import { describe, expect, it } from "vitest";
import { instrumentsFromFills } from "./fill-instruments";

describe("instrumentsFromFills", () => {
  it("gives an inverse symbol its stored contract size, and nothing to symbols without one", () => {
    const out = instrumentsFromFills([
      { symbol: "BTC/USD:BTC", contractSize: "100" },
      { symbol: "BTC/USD:BTC", contractSize: "100" },
      { symbol: "BTC/USDT:USDT", contractSize: null },
    ]);
    expect(out).toEqual({ "BTC/USD:BTC": { kind: "inverse", contractSize: "100", settleCurrency: "BTC" } });
  });

  it("leaves out a symbol whose fills disagree on the contract size (two different contracts)", () => {
    const out = instrumentsFromFills([
      { symbol: "ETH/USD:ETH", contractSize: "10" },
      { symbol: "ETH/USD:ETH", contractSize: "100" },
      { symbol: "BTC/USD:BTC", contractSize: "100" },
    ]);
    expect(Object.keys(out)).toEqual(["BTC/USD:BTC"]);
  });
});
