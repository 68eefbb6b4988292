import type { Db } from "@/db/client";
import { getWorkspaceSettings } from "@/db/queries/workspaces";
import { reconstructHistory, type DailyClose, type HistoryResult } from "@/lib/engines/history";
import { FIAT_BASE_CURRENCIES } from "@/lib/prices/base-currencies";
import type { CandleSource, DailyCloseRow } from "@/lib/prices/daily-candles";
import { isoDate, localDate } from "@/lib/time/zoned";
import { ensureCandleCloses, ensureEcbCloses } from "./daily-prices";
import { loadConnectionInputs } from "./load-inputs";
import { closesInBase, USD_PAR } from "./to-base";

/** Where past prices come from: the venue's public candles, and the ECB's history for a fiat base. */
export interface HistorySources {
  candles: CandleSource;
  /** The name stored with the closes ("binance"). */
  candleSource: string;
  /** The quote the venue's markets are read in. */
  candleQuote: string;
  readEcb: (fromDate: string) => Promise<Record<string, DailyCloseRow[]>>;
}

export interface ConnectionHistory {
  result: HistoryResult;
  /** Closes read from the sources in this run (0 when the table already held them). */
  fetchedCloses: number;
}

const DAY = 86_400_000;

/**
 * One connection's past, day by day (lib/engines/history): its fills, flows and today's
 * balances from the database, the daily closes of every asset it held or traded (stored,
 * read incrementally), converted into the workspace's base currency.
 */
export async function reconstructConnection(db: Db, p: { ownerId: string; connectionId: string; now: Date; sources: HistorySources }): Promise<ConnectionHistory | null> {
  const { baseCurrency, timeZone } = await getWorkspaceSettings(db, { ownerId: p.ownerId });
  // A crypto base (BTC, ETH) needs its own candles as the FX leg: not wired yet, refused before any read.
  if (!USD_PAR.has(baseCurrency) && !(FIAT_BASE_CURRENCIES as readonly string[]).includes(baseCurrency)) {
    throw new RangeError(`baseCurrency ${baseCurrency}: history reconstruction converts to USD, its stablecoins or an ECB currency only`);
  }
  const inputs = await loadConnectionInputs(db, p);
  const times = [...inputs.fills, ...inputs.flows, ...inputs.income].map((f) => (f.at as Date).getTime());
  if (times.length === 0) return null;
  const to = isoDate(localDate(p.now.getTime(), timeZone));
  // One UTC day of margin each side: a local day's close is the candle of the same date.
  const fromDay = new Date(Math.min(...times) - DAY).toISOString().slice(0, 10);
  const toDay = new Date(p.now.getTime() + DAY).toISOString().slice(0, 10);

  const assets = new Set<string>([...Object.keys(inputs.balances)]);
  for (const f of inputs.fills) assets.add(f.base).add(f.quote);
  for (const f of [...inputs.flows, ...inputs.income]) assets.add(f.asset);
  assets.delete(baseCurrency);

  let fetched = 0;
  let usdPerBase: DailyClose[] | null = null;
  if (!USD_PAR.has(baseCurrency)) {
    // A week earlier: the first days may follow a weekend or a TARGET holiday (Easter is 4 days), carried from before.
    const fxFrom = new Date(Date.parse(`${fromDay}T00:00:00Z`) - 7 * DAY).toISOString().slice(0, 10);
    const fx = await ensureEcbCloses(db, { readEcb: p.sources.readEcb, currency: baseCurrency, from: fxFrom, to: toDay, now: p.now });
    usdPerBase = fx.closes;
    fetched += fx.fetched;
  }
  const quote = p.sources.candleQuote;
  const prices: Record<string, DailyClose[]> = {};
  for (const asset of [...assets].sort()) {
    if (USD_PAR.has(asset)) {
      // A USD stablecoin at par (./to-base.ts): its close in the quote is 1 every day.
      const par = dayList(fromDay, toDay).map((date) => ({ date, close: "1" }));
      prices[asset] = closesInBase(par, { quote: "USD", baseCurrency, usdPerBase });
      continue;
    }
    const c = await ensureCandleCloses(db, { candles: p.sources.candles, source: p.sources.candleSource, asset, quote, from: fromDay, to: toDay, now: p.now });
    fetched += c.fetched;
    prices[asset] = closesInBase(c.closes, { quote, baseCurrency, usdPerBase });
  }
  const result = reconstructHistory({ baseCurrency, timeZone, to, balances: inputs.balances, fills: inputs.fills, flows: inputs.flows, income: inputs.income, prices });
  return { result, fetchedCloses: fetched };
}

function dayList(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += DAY) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}
