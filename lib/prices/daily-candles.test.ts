import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createBinanceClient } from "@/lib/connectors/binance/client";
import { BINANCE_EXAMPLE_CREDENTIALS, defaultBinanceState, FakeBinance } from "@/lib/connectors/binance/fake-binance";
import { readDailyCloses } from "@/lib/prices/daily-candles";

const DAY = 86_400_000;
const FIRST = Date.UTC(2023, 0, 1);
let fake: FakeBinance;

/** 1,200 daily BTCUSDT candles from 2023-01-01, closes 20000.01 + day. */
const klines = Array.from({ length: 1200 }, (_, d) => {
  const t = FIRST + d * DAY;
  const close = (20000.01 + d).toFixed(8);
  return [t, close, close, close, close, "1.00000000", t + DAY - 1, close, 10, "0.5", close, "0"];
});

beforeAll(async () => {
  fake = await FakeBinance.start({ weightClock: () => Date.UTC(2026, 10, 20, 10, 0, 42, 500) });
});
afterAll(async () => fake.close());
beforeEach(() => {
  fake.state = { ...defaultBinanceState(), klines: { BTCUSDT: klines } };
  fake.clearRequests();
  fake.resetWeight();
});

const client = () =>
  createBinanceClient({ credentials: BINANCE_EXAMPLE_CREDENTIALS, environment: "live", timeoutMs: 5000, weightBudgetShare: 0.8, fetchImplementation: fake.fetch, enableRateLimit: false }).exchange;

describe("readDailyCloses over Binance /api/v3/klines (ccxt fetchOHLCV, fake Binance over HTTP)", () => {
  it("731 days from 2023-01-01 in pages of 500: 2 candle requests, every close exact (20000.01 + day)", async () => {
    const closes = await readDailyCloses(client(), "BTC/USDT", { fromMs: FIRST, toMs: FIRST + 730 * DAY, pageLimit: 500 });
    expect(closes).toHaveLength(731);
    expect(closes[0]).toEqual({ date: "2023-01-01", close: "20000.01" });
    expect(closes[730]).toEqual({ date: "2024-12-31", close: "20730.01" });
    const candleRequests = fake.requests.filter((r) => r.path === "/api/v3/klines");
    expect(candleRequests.map((r) => [r.params.symbol, r.params.interval, r.params.limit, r.params.startTime])).toEqual([
      ["BTCUSDT", "1d", "500", String(FIRST)],
      ["BTCUSDT", "1d", "500", String(FIRST + 500 * DAY)],
    ]);
  });

  it("incremental: from the day after the last stored close, only the new days are read (one request)", async () => {
    const closes = await readDailyCloses(client(), "BTC/USDT", { fromMs: FIRST + 1190 * DAY + 5000, toMs: FIRST + 1199 * DAY });
    expect(closes.map((c) => c.date)).toEqual(Array.from({ length: 10 }, (_, d) => new Date(FIRST + (1190 + d) * DAY).toISOString().slice(0, 10)));
    expect(fake.requests.filter((r) => r.path === "/api/v3/klines")).toHaveLength(1);
  });

  it("a day with no candle is simply absent (the engine carries the previous close and marks it)", async () => {
    fake.state.klines.BTCUSDT = klines.filter((_, d) => d !== 3);
    const closes = await readDailyCloses(client(), "BTC/USDT", { fromMs: FIRST, toMs: FIRST + 5 * DAY });
    expect(closes.map((c) => c.date)).toEqual(["2023-01-01", "2023-01-02", "2023-01-03", "2023-01-05", "2023-01-06"]);
  });
});

describe("readDailyCloses refuses what it cannot carry exactly", () => {
  const source = (rows: number[][]) => ({ fetchOHLCV: async () => rows as never });
  it("a close of 17 significant digits (0.12345678901234568) is refused, not rounded; a candle not at 00:00 UTC is refused", async () => {
    await expect(readDailyCloses(source([[FIRST, 1, 1, 1, 0.12345678901234568, 1]]), "X/USDT", { fromMs: FIRST, toMs: FIRST })).rejects.toThrow(/beyond what a float carries exactly/);
    await expect(readDailyCloses(source([[FIRST + 3_600_000, 1, 1, 1, 2, 1]]), "X/USDT", { fromMs: FIRST, toMs: FIRST + DAY })).rejects.toThrow(/not 00:00 UTC/);
  });
});
