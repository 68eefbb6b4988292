/**
 * Splits [startMs, endMs] into consecutive windows no longer than `maxSpanMs` each
 * (end − start ≤ maxSpanMs, both ends inclusive, as Binance reads startTime/endTime).
 * Venues cap the span of one history query (Binance spot myTrades: 24 h; futures: 7 days).
 */
export function timeWindows(startMs: number, endMs: number, maxSpanMs: number): Array<{ start: number; end: number }> {
  if (maxSpanMs < 1) throw new RangeError("maxSpanMs must be at least 1");
  const out: Array<{ start: number; end: number }> = [];
  for (let s = startMs; s <= endMs; ) {
    const e = Math.min(s + maxSpanMs, endMs);
    out.push({ start: s, end: e });
    s = e + 1;
  }
  return out;
}

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;
