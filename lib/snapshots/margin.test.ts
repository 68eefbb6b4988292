import { describe, expect, it } from "vitest";
import { valueMargins } from "./margin";

describe("valueMargins", () => {
  it("nothing published: every figure null, never 0", () => {
    expect(valueMargins(undefined, "USD", {})).toEqual({ used: null, available: null, detail: null });
    expect(valueMargins([], "USD", {})).toEqual({ used: null, available: null, detail: null });
  });

  it("USDT 1895.08 used at 1.0002 + BTC 0.00162602 used at 61500 = 1895.459016 + 100.00023 = 1995.459246 USD; available 7700.2 × 1.0002 + 0.2331 × 61500 = 7701.74004 + 14335.65 = 22037.39004", () => {
    const r = valueMargins(
      [
        { accountUid: "usdm", currency: "USDT", used: "1895.08", maintenance: "76.35", available: "7700.2" },
        { accountUid: "coinm", currency: "BTC", used: "0.00162602", maintenance: "0.0004065", available: "0.2331" },
      ],
      "USD",
      { USDT: "1.0002", BTC: "61500" },
    );
    expect(r.used).toBe("1995.459246");
    expect(r.available).toBe("22037.39004");
    expect(r.detail?.[1]).toEqual({ accountUid: "coinm", currency: "BTC", used: "0.00162602", maintenance: "0.0004065", available: "0.2331", usedBase: "100.00023", availableBase: "14335.65" });
  });

  it("a currency without a price stays in the detail, unvalued, and out of the sums", () => {
    const r = valueMargins(
      [
        { accountUid: "trading", currency: "USD", used: "10", available: "90" },
        { accountUid: "trading", currency: "XYZ", used: "5", available: "1" },
      ],
      "USD",
      {},
    );
    expect(r).toMatchObject({ used: "10", available: "90" });
    expect(r.detail?.[1]).toMatchObject({ currency: "XYZ", maintenance: null, usedBase: null, availableBase: null });
  });
});
