import { and, asc, eq, gte, lte, max, min } from "drizzle-orm";
import type { Db } from "@/db/client";
import { chunk } from "@/db/chunk";
import { dailyPrices } from "@/db/schema";
import { readDailyCloses, type CandleSource, type DailyCloseRow } from "@/lib/prices/daily-candles";

/**
 * The daily-prices table (db/schema/daily-prices.ts) as a cache in front of the two readers
 * (lib/prices/daily-candles.ts, lib/prices/ecb-fx-history.ts): a series is read from its
 * source only for days outside what is stored — before the first stored day when more
 * history is asked for, after the last one otherwise — so a re-run of a reconstruction
 * asks the venue for the new days only.
 */
export interface PriceSeriesKey {
  asset: string;
  quote: string;
  source: string;
}

const DAY = 86_400_000;
const dayMs = (d: string) => Date.parse(`${d}T00:00:00Z`);
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const where = (k: PriceSeriesKey) => and(eq(dailyPrices.asset, k.asset), eq(dailyPrices.quote, k.quote), eq(dailyPrices.source, k.source));

export async function storedRange(db: Db, k: PriceSeriesKey): Promise<{ first: string; last: string } | null> {
  const [row] = await db.select({ first: min(dailyPrices.day), last: max(dailyPrices.day) }).from(dailyPrices).where(where(k));
  return row?.first && row.last ? { first: row.first, last: row.last } : null;
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

/** The day windows of [from, to] not covered by the stored range. */
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
 * reading only the missing days. `symbol` is the venue's unified market (BTC/USDT).
 */
export async function ensureCandleCloses(
  db: Db,
  p: { candles: CandleSource; source: string; asset: string; quote: string; from: string; to: string },
): Promise<{ closes: DailyCloseRow[]; fetched: number }> {
  const key = { asset: p.asset, quote: p.quote, source: p.source };
  let fetched = 0;
  for (const [a, b] of missingWindows(await storedRange(db, key), p.from, p.to)) {
    const rows = await readDailyCloses(p.candles, `${p.asset}/${p.quote}`, { fromMs: dayMs(a), toMs: dayMs(b) });
    fetched += await storeCloses(db, key, rows);
  }
  return { closes: await readStoredCloses(db, key, p.from, p.to), fetched };
}

/**
 * The USD price of one fiat currency per ECB working day over [from, to]. The ECB publishes
 * one file of the whole history, so a read costs the same whatever the window: it is read
 * once when days after the last stored one (or before the first) are asked for, and only
 * the currency asked for is kept (the whole file is ~30 currencies × 7,000 days).
 */
export async function ensureEcbCloses(
  db: Db,
  p: { readEcb: (fromDate: string) => Promise<Record<string, DailyCloseRow[]>>; currency: string; from: string; to: string },
): Promise<{ closes: DailyCloseRow[]; fetched: number }> {
  const key = { asset: p.currency, quote: "USD", source: "ecb" };
  const windows = missingWindows(await storedRange(db, key), p.from, p.to);
  let fetched = 0;
  if (windows.length > 0) {
    const all = await p.readEcb(windows[0]![0]);
    const series = all[p.currency];
    if (!series) throw new Error(`baseCurrency ${p.currency}: the ECB reference rates publish no history for it`);
    fetched = await storeCloses(db, key, series.filter((r) => windows.some(([a, b]) => r.date >= a && r.date <= b)));
  }
  return { closes: await readStoredCloses(db, key, p.from, p.to), fetched };
}
