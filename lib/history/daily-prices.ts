import { and, asc, eq, gte, lte, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { chunk } from "@/db/chunk";
import { dailyPriceCoverage, dailyPrices } from "@/db/schema";
import { readDailyCloses, type CandleSource, type DailyCloseRow } from "@/lib/prices/daily-candles";

/**
 * The daily-prices table (db/schema/daily-prices.ts) as a cache in front of the two readers
 * (lib/prices/daily-candles.ts, lib/prices/ecb-fx-history.ts): a series is read from its
 * source only for days outside what was already asked (daily_price_coverage) — before it
 * when more history is wanted, after it otherwise — so a re-run of a reconstruction asks
 * the venue for the new days only. Only completed UTC days are read: today's candle is
 * still moving, and a close stored once is never replaced.
 */
export interface PriceSeriesKey {
  asset: string;
  quote: string;
  source: string;
}

const DAY = 86_400_000;
const dayMs = (d: string) => Date.parse(`${d}T00:00:00Z`);
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const minDay = (a: string, b: string) => (a < b ? a : b);
const where = (k: PriceSeriesKey) => and(eq(dailyPrices.asset, k.asset), eq(dailyPrices.quote, k.quote), eq(dailyPrices.source, k.source));

export async function coveredRange(db: Db, k: PriceSeriesKey): Promise<{ first: string; last: string } | null> {
  const [row] = await db
    .select({ first: dailyPriceCoverage.fromDay, last: dailyPriceCoverage.toDay })
    .from(dailyPriceCoverage)
    .where(and(eq(dailyPriceCoverage.asset, k.asset), eq(dailyPriceCoverage.quote, k.quote), eq(dailyPriceCoverage.source, k.source)));
  return row ?? null;
}

/** Widens the covered days of a series to include [from, to] (adjacent to what was covered: see missingWindows). */
async function cover(db: Db, k: PriceSeriesKey, from: string, to: string): Promise<void> {
  await db
    .insert(dailyPriceCoverage)
    .values({ ...k, fromDay: from, toDay: to })
    .onConflictDoUpdate({
      target: [dailyPriceCoverage.asset, dailyPriceCoverage.quote, dailyPriceCoverage.source],
      set: { fromDay: sql`least(${dailyPriceCoverage.fromDay}, excluded.from_day)`, toDay: sql`greatest(${dailyPriceCoverage.toDay}, excluded.to_day)` },
    });
}

/** The last completed UTC day at `now`. */
export function lastCompletedDay(now: Date): string {
  return isoDay(Math.floor(now.getTime() / DAY) * DAY - DAY);
}

/** Stores closes; a day already stored keeps its first close (a re-read adds nothing). */
export async function storeCloses(db: Db, k: PriceSeriesKey, rows: readonly DailyCloseRow[]): Promise<number> {
  let n = 0;
  for (const part of chunk([...rows], 1000)) {
    const written = await db
      .insert(dailyPrices)
      .values(part.map((r) => ({ ...k, day: r.date, close: r.close })))
      .onConflictDoNothing()
      .returning({ day: dailyPrices.day });
    n += written.length;
  }
  return n;
}

export async function readStoredCloses(db: Db, k: PriceSeriesKey, from: string, to: string): Promise<DailyCloseRow[]> {
  const rows = await db
    .select({ date: dailyPrices.day, close: dailyPrices.close })
    .from(dailyPrices)
    .where(and(where(k), gte(dailyPrices.day, from), lte(dailyPrices.day, to)))
    .orderBy(asc(dailyPrices.day));
  return rows;
}

/** The day windows of [from, to] outside the covered range: each adjacent to it, so covering them keeps one range. */
export function missingWindows(stored: { first: string; last: string } | null, from: string, to: string): Array<[string, string]> {
  if (from > to) return [];
  if (!stored) return [[from, to]];
  const out: Array<[string, string]> = [];
  if (from < stored.first) out.push([from, isoDay(dayMs(stored.first) - DAY)]);
  if (to > stored.last) out.push([from > stored.last ? from : isoDay(dayMs(stored.last) + DAY), to]);
  return out;
}

/**
 * Daily closes of `asset`/`quote` from a venue's 1d candles over [from, to] (UTC days),
 * reading only the days not yet asked, and only completed ones.
 */
export async function ensureCandleCloses(
  db: Db,
  p: { candles: CandleSource; source: string; asset: string; quote: string; from: string; to: string; now: Date },
): Promise<{ closes: DailyCloseRow[]; fetched: number }> {
  const key = { asset: p.asset, quote: p.quote, source: p.source };
  let fetched = 0;
  for (const [a, b] of missingWindows(await coveredRange(db, key), p.from, minDay(p.to, lastCompletedDay(p.now)))) {
    const rows = await readDailyCloses(p.candles, `${p.asset}/${p.quote}`, { fromMs: dayMs(a), toMs: dayMs(b) });
    fetched += await storeCloses(db, key, rows);
    await cover(db, key, a, b);
  }
  return { closes: await readStoredCloses(db, key, p.from, p.to), fetched };
}

/**
 * The USD price of one fiat currency per ECB working day over [from, to]. The ECB publishes
 * one file of the whole history, so a read costs the same whatever the window: it is read
 * once when days outside the covered ones are wanted, and only the currency asked for is
 * kept (the whole file is ~30 currencies × 7,000 days).
 */
export async function ensureEcbCloses(
  db: Db,
  p: { readEcb: (fromDate: string) => Promise<Record<string, DailyCloseRow[]>>; currency: string; from: string; to: string; now: Date },
): Promise<{ closes: DailyCloseRow[]; fetched: number }> {
  const key = { asset: p.currency, quote: "USD", source: "ecb" };
  const windows = missingWindows(await coveredRange(db, key), p.from, minDay(p.to, lastCompletedDay(p.now)));
  let fetched = 0;
  if (windows.length > 0) {
    const series = (await p.readEcb(windows[0]![0]))[p.currency] ?? [];
    fetched = await storeCloses(db, key, series.filter((r) => windows.some(([a, b]) => r.date >= a && r.date <= b)));
    for (const [a, b] of windows) await cover(db, key, a, b);
  }
  const closes = await readStoredCloses(db, key, p.from, p.to);
  if (closes.length === 0) throw new RangeError(`baseCurrency ${p.currency}: the ECB reference rates publish no history for it`);
  return { closes, fetched };
}
