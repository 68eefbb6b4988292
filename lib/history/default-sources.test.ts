import { afterEach, describe, expect, it } from "vitest";
import { historySourcesFor, NoHistorySourceError } from "./default-sources";

const saved = process.env.VENUE_BASE_URL_BINANCE;
afterEach(() => {
  if (saved === undefined) delete process.env.VENUE_BASE_URL_BINANCE;
  else process.env.VENUE_BASE_URL_BINANCE = saved;
});

describe("historySourcesFor", () => {
  it("a provider with no candle source wired is refused, naming it", () => {
    expect(() => historySourcesFor("okx")).toThrow(NoHistorySourceError);
    expect(() => historySourcesFor("ibkr")).toThrow(/ibkr connections are not supported yet/);
  });
  it("Binance: its public candles on the live venue, in USDT, without the connection's keys", () => {
    delete process.env.VENUE_BASE_URL_BINANCE;
    const s = historySourcesFor("binance");
    expect(s).toMatchObject({ candleSource: "binance", candleQuote: "USDT" });
    const ex = s.candles as unknown as { apiKey: string; secret: string; urls: { api: Record<string, string> } };
    expect([ex.apiKey, ex.secret]).toEqual(["", ""]);
    expect(ex.urls.api.public).toMatch(/^https:\/\/api\.binance\.com\//);
  });
});
