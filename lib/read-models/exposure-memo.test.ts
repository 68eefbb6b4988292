import { beforeEach, describe, expect, it } from "vitest";
import { calculateExposure, type ExposureInput } from "@/lib/engines/exposure";
import { forgetExposureAnswers, memoizedExposure } from "./exposure-memo";

const input = (btc: string): ExposureInput => ({
  baseCurrency: "USD",
  equity: "100000",
  prices: { BTC: btc, USDT: "1" },
  fxRates: {},
  balances: [{ asset: "BTC", quantity: "1", wallet: "spot", venue: "c1", accountUid: "a1" }],
  positions: [{ symbol: "BTC/USDT:USDT", underlying: "BTC", quoteCurrency: "USDT", quantity: "-0.5", notional: "-30000", instrumentType: "perpetual", venue: "c1", accountUid: "a2" }],
});

beforeEach(() => forgetExposureAnswers());

describe("memoizedExposure", () => {
  it("answers as the engine does, and the same input twice is answered once", () => {
    const first = memoizedExposure(input("60000"));
    expect(first).toEqual({ result: calculateExposure(input("60000")), reused: false });
    const again = memoizedExposure(input("60000"));
    expect(again.reused).toBe(true);
    expect(again.result).toBe(first.result);
  });

  it("a changed price is a different question: BTC at 61000 nets 61000 − 30000 = 31000, not the remembered 30000", () => {
    expect(memoizedExposure(input("60000")).result.rows[0]!.net).toBe("30000");
    const moved = memoizedExposure(input("61000"));
    expect(moved.reused).toBe(false);
    expect(moved.result.rows[0]!.net).toBe("31000");
  });

  it("keeps the 16 most recently used answers: the 17th new input evicts the least recently used", () => {
    for (let i = 0; i < 16; i++) memoizedExposure(input(String(50000 + i)));
    expect(memoizedExposure(input("50000")).reused).toBe(true); // now the most recent
    memoizedExposure(input("70000"));
    expect(memoizedExposure(input("50001")).reused).toBe(false);
    expect(memoizedExposure(input("50000")).reused).toBe(true);
  });
});
