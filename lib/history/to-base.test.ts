import { describe, expect, it } from "vitest";
import { missingWindows } from "./daily-prices";
import { closesInBase } from "./to-base";

describe("closesInBase", () => {
  const btc = [
    { date: "2026-01-02", close: "100" },
    { date: "2026-01-03", close: "110" },
    { date: "2026-01-05", close: "120" },
  ];
  it("USDT closes in a USD workspace: at par, unchanged", () => {
    expect(closesInBase(btc, { quote: "USDT", baseCurrency: "USD", usdPerBase: null })).toEqual(btc);
  });
  it("into EUR through the ECB's USD price of EUR, carried over the weekend (Saturday 01-03 uses Friday 01-02's rate); nothing before the first ECB day", () => {
    const fx = [
      { date: "2026-01-02", close: "1.25" },
      { date: "2026-01-05", close: "1.2" },
    ];
    expect(closesInBase([{ date: "2026-01-01", close: "90" }, ...btc], { quote: "USDT", baseCurrency: "EUR", usdPerBase: fx })).toEqual([
      { date: "2026-01-02", close: "80" },
      { date: "2026-01-03", close: "88" },
      { date: "2026-01-05", close: "100" },
    ]);
  });
  it("a quote with no FX history is refused, naming it", () => {
    expect(() => closesInBase(btc, { quote: "TRY", baseCurrency: "USD", usdPerBase: null })).toThrow(/quote TRY/);
  });
});

describe("missingWindows (the incremental read)", () => {
  it("nothing stored: the whole window; stored inside: only before the first and after the last day", () => {
    expect(missingWindows(null, "2026-01-01", "2026-01-31")).toEqual([["2026-01-01", "2026-01-31"]]);
    expect(missingWindows({ first: "2026-01-10", last: "2026-01-20" }, "2026-01-01", "2026-01-31")).toEqual([
      ["2026-01-01", "2026-01-09"],
      ["2026-01-21", "2026-01-31"],
    ]);
    expect(missingWindows({ first: "2026-01-01", last: "2026-01-31" }, "2026-01-05", "2026-01-20")).toEqual([]);
    expect(missingWindows({ first: "2026-01-01", last: "2026-01-10" }, "2026-01-15", "2026-01-20")).toEqual([["2026-01-15", "2026-01-20"]]);
  });
});
