import type { OHLCV } from "ccxt";

/**
 * Daily closes of one market from the venue's public candles (ccxt `fetchOHLCV`, 1d), read
 * forward from a day in pages: the history reconstruction's crypto prices
 * (lib/engines/history). The caller passes the day after the last close it holds, so a
 * re-read fetches only what is new.
 *
 * A candle's open time is 00:00 UTC of its day; its close is the price at the end of that
 * UTC day, keyed by the ISO date. ccxt hands prices over as JS numbers: a close of up to 15
 * significant digits (every Binance and OKX spot close) round-trips exactly through
 * String(number), and a longer one is refused rather than silently rounded.
 */
export interface CandleSource {
  fetchOHLCV(symbol: string, timeframe?: string, since?: number, limit?: number): Promise<OHLCV[]>;
}

export interface DailyCloseRow {
  date: string;
  close: string;
}

const DAY = 86_400_000;

export async function readDailyCloses(
  source: CandleSource,
  symbol: string,
  opts: { fromMs: number; toMs: number; pageLimit?: number },
): Promise<DailyCloseRow[]> {
  const limit = opts.pageLimit ?? 1000;
  const closes: DailyCloseRow[] = [];
  let since = Math.floor(opts.fromMs / DAY) * DAY;
  while (since <= opts.toMs) {
    const page = await source.fetchOHLCV(symbol, "1d", since, limit);
    let last = -Infinity;
    for (const [t, , , , close] of page) {
      if (typeof t !== "number" || t % DAY !== 0) throw new Error(`${symbol} candles: open time ${String(t)} is not 00:00 UTC`);
      if (t <= last) throw new Error(`${symbol} candles: open times are not increasing at ${new Date(t).toISOString()}`);
      last = t;
      if (t < since || t > opts.toMs) continue;
      if (typeof close !== "number" || !(close > 0) || !Number.isFinite(close)) throw new Error(`${symbol} candles: no positive close on ${new Date(t).toISOString().slice(0, 10)}`);
      const text = String(close);
      if (text.includes("e") || text.replace(/^0\.0*|\./g, "").length > 15) throw new Error(`${symbol} candles: close ${text} on ${new Date(t).toISOString().slice(0, 10)} is beyond what a float carries exactly`);
      closes.push({ date: new Date(t).toISOString().slice(0, 10), close: text });
    }
    if (page.length < limit || last === -Infinity) break;
    since = last + DAY;
  }
  return closes;
}
