import { sql } from "drizzle-orm";
import { check, date, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { createdAt, money } from "./columns";

/**
 * One daily close per (asset, quote, source, day): the history reconstruction's prices
 * (lib/history/daily-prices.ts). Public market data — a venue's candles, the ECB's reference
 * rates — the same for every workspace, so it is kept once and not scoped to an owner
 * (nothing here is any workspace's). Stored as the source published it, in its quote
 * (BTC in USDT, EUR in USD): conversion to a workspace's base currency happens on read.
 * Append-only in practice: a re-read starts the day after the last stored close.
 */
export const dailyPrices = pgTable(
  "daily_prices",
  {
    asset: text("asset").notNull(),
    quote: text("quote").notNull(),
    /** "binance" (its public 1d candles), "ecb" (eurofxref-hist). */
    source: text("source").notNull(),
    /** The UTC day the close ends. */
    day: date("day", { mode: "string" }).notNull(),
    close: money("close").notNull(),
    recordedAt: createdAt(),
  },
  (t) => [
    // Also serves: the last stored day of one series, and a series over a range.
    primaryKey({ columns: [t.asset, t.quote, t.source, t.day] }),
    check("daily_prices_close_positive", sql`${t.close} > 0`),
  ],
);

export type DailyPriceRow = typeof dailyPrices.$inferSelect;

/**
 * The days of one price series already asked of its source, whatever it answered: a source
 * publishes nothing on some days (the ECB on weekends, a venue before a coin's listing or
 * after its delisting), so the stored closes alone cannot tell a day read-and-empty from a
 * day never read. A re-read asks only outside [fromDay, toDay]. Only completed UTC days are
 * ever covered (today's candle is still moving).
 */
export const dailyPriceCoverage = pgTable(
  "daily_price_coverage",
  {
    asset: text("asset").notNull(),
    quote: text("quote").notNull(),
    source: text("source").notNull(),
    fromDay: date("from_day", { mode: "string" }).notNull(),
    toDay: date("to_day", { mode: "string" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.asset, t.quote, t.source] }), check("daily_price_coverage_order", sql`${t.fromDay} <= ${t.toDay}`)],
);
