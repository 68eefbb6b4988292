import { describe, expect, it } from "vitest";
import { MarketCache, MarketIndex } from "./markets";
import { WeightBudget } from "./weight-budget";
import { DAY_MS, timeWindows } from "./windows";

describe("timeWindows", () => {
  it("covers [start, end] with consecutive windows no longer than the cap", () => {
    expect(timeWindows(0, 10, 4)).toEqual([
      { start: 0, end: 4 },
      { start: 5, end: 9 },
      { start: 10, end: 10 },
    ]);
    expect(timeWindows(0, 7 * DAY_MS, DAY_MS)).toHaveLength(7);
    expect(timeWindows(5, 5, DAY_MS)).toEqual([{ start: 5, end: 5 }]);
    expect(timeWindows(6, 5, DAY_MS)).toEqual([]);
  });
});

describe("WeightBudget", () => {
  it("waits for the next minute once the share of a bucket's limit is reported used", async () => {
    let now = Date.UTC(2026, 10, 20, 10, 0, 30, 0);
    const waits: number[] = [];
    const b = new WeightBudget({ share: 0.25, limits: { spot: 6000 }, clock: () => now, sleep: async (ms) => void waits.push(ms) });
    expect(b.budget("spot")).toBe(1500);
    b.observe("spot", 1499);
    await b.reserve("spot");
    expect(waits).toEqual([]);
    b.observe("spot", 1500);
    await b.reserve("spot");
    expect(waits).toEqual([30_250]);
    expect(b.usedWeight("spot")).toBe(0);
    // A report from an earlier minute no longer counts.
    b.observe("spot", 5000);
    now += 60_000;
    await b.reserve("spot");
    expect(waits).toHaveLength(1);
    // Buckets without a limit are never held.
    b.observe("other", 1e9);
    await b.reserve("other");
    expect(waits).toHaveLength(1);
  });

  it("rejects a share outside (0, 1]", () => {
    expect(() => new WeightBudget({ share: 0, limits: {} })).toThrow(RangeError);
    expect(() => new WeightBudget({ share: 1.5, limits: {} })).toThrow(RangeError);
  });
});

describe("MarketCache and MarketIndex", () => {
  const btc = { id: "BTCUSDT", symbol: "BTC/USDT", base: "BTC", quote: "USDT", type: "spot", spot: true, swap: false, future: false, info: {} };
  const perp = { ...btc, symbol: "BTC/USDT:USDT", settle: "USDT", type: "swap", spot: false, swap: true, linear: true, inverse: false };

  it("keeps markets for its TTL on its own clock", () => {
    let now = 0;
    const cache = new MarketCache(1000, () => now);
    cache.set("binance:live", [btc]);
    now = 1000;
    expect(cache.get("binance:live")).toEqual([btc]);
    now = 1001;
    expect(cache.get("binance:live")).toBeUndefined();
  });

  it("tells apart markets sharing an id and skips shapes it cannot read", () => {
    const index = MarketIndex.fromCcxt([btc, perp, { id: 1 }]);
    expect(index.markets).toHaveLength(2);
    expect(index.byId("BTCUSDT", "spot")?.symbol).toBe("BTC/USDT");
    expect(index.byId("BTCUSDT", "linear")?.symbol).toBe("BTC/USDT:USDT");
    expect(index.byId("BTCUSDT", "inverse")).toBeUndefined();
    expect(index.spotPair("BTC", "USDT")?.id).toBe("BTCUSDT");
    expect(index.byAnyId("BTCUSDT", ["linear", "spot"])?.symbol).toBe("BTC/USDT:USDT");
  });
});
