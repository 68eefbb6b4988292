import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { createConnection } from "@/db/queries/connections";
import { ensurePersonalWorkspace } from "@/db/queries/workspaces";
import { accountHoldings, dailyPrices, workspaces, equityRollups, fills, portfolioSnapshots, snapshotHoldings, syncBatches, tradingAccounts } from "@/db/schema";
import { openTestDb } from "@/db/testing";
import { createBinanceClient } from "@/lib/connectors/binance/client";
import { BINANCE_EXAMPLE_CREDENTIALS, defaultBinanceState, FakeBinance } from "@/lib/connectors/binance/fake-binance";
import { D, toDecimalString } from "@/lib/money/decimal";
import { loadEquitySeries } from "@/lib/read-models/dashboard-data";
import { materializeSnapshots } from "@/lib/snapshots/capture";
import { insertTestFlow } from "@/lib/snapshots/test-support";
import { runReconstruction } from "./run-reconstruction";
import { reconstructConnection, type HistorySources } from "./reconstruct-connection";
import { amountToString } from "@/lib/money/amount";

const DAY = 86_400_000;
const NOW = new Date("2026-11-20T12:00:00Z");
const FIRST = Date.UTC(2025, 10, 20); // a year back
const KLINES_FROM = Date.UTC(2025, 0, 1);
const OBSERVED_AT = new Date("2026-11-18T10:00:00Z");

/** BTCUSDT daily candles 2025-01-01 … 2026-11-21, closes 60000.5 + 10 × day. */
const closeOn = (ms: number) => (60000.5 + 10 * Math.round((ms - KLINES_FROM) / DAY)).toFixed(2);
const klines = Array.from({ length: Math.round((Date.UTC(2026, 10, 21) - KLINES_FROM) / DAY) + 1 }, (_, d) => {
  const t = KLINES_FROM + d * DAY;
  const c = closeOn(t);
  return [t, c, c, c, c, "1.0", t + DAY - 1, c, 10, "0.5", c, "0"];
});

let h: DbHandle;
let fake: FakeBinance;
let ownerId: string;
let connectionId: string;
let sources: HistorySources;
let observedId: string;
let observedEquity: string;

beforeAll(async () => {
  fake = await FakeBinance.start({ weightClock: () => NOW.getTime() });
  fake.state = { ...defaultBinanceState(), klines: { BTCUSDT: klines } };
  h = await openTestDb();
  ownerId = (await ensurePersonalWorkspace(h.db)).id;
  connectionId = (await createConnection(h.db, { ownerId, provider: "binance", label: "Binance" })).id;
  const [acct] = await h.db.insert(tradingAccounts).values({ ownerId, connectionId, accountUid: "spot", name: "Spot", venue: "binance", kind: "spot" }).returning();
  const [batch] = await h.db.insert(syncBatches).values({ ownerId, connectionId, trigger: "manual", status: "succeeded", startedAt: NOW }).returning();

  // 100,000 USDT deposited on the first day; 0.01 BTC bought every 7 days at the day's close
  // (fee 0.1 USDT), 0.005 sold every 28 days: a year of fills.
  await insertTestFlow(h.db, { ownerId, id: connectionId, accountId: acct!.id }, { kind: "deposit", at: "2025-11-20T01:00:00Z", amount: "100000", asset: "USDT", value: "100000" });
  let btc = new D(0);
  let usdt = new D(100000);
  const rows = [];
  for (let d = 0, k = 0; d < 362; d += 7, k++) {
    const t = FIRST + d * DAY + 3_600_000 * 12;
    const price = closeOn(FIRST + d * DAY);
    const sell = k % 4 === 3;
    const qty = sell ? "0.005" : "0.01";
    btc = sell ? btc.minus(qty) : btc.plus(qty);
    usdt = sell ? usdt.plus(new D(qty).times(price)).minus("0.1") : usdt.minus(new D(qty).times(price)).minus("0.1");
    rows.push({ ownerId, accountId: acct!.id, venueFillId: `f${k}`, venueOrderId: `o${k}`, symbol: "BTC/USDT", side: sell ? ("sell" as const) : ("buy" as const), price, quantity: qty, fee: "0.1", feeCurrency: "USDT", executedAt: new Date(t), syncBatchId: batch!.id });
  }
  await h.db.insert(fills).values(rows);
  const held = [
    { asset: "BTC", wallet: "spot" as const, free: toDecimalString(btc), locked: "0", total: toDecimalString(btc) },
    { asset: "USDT", wallet: "spot" as const, free: toDecimalString(usdt), locked: "0", total: toDecimalString(usdt) },
  ];
  await h.db.insert(accountHoldings).values({ accountId: acct!.id, ownerId, balances: held, positions: [], syncBatchId: batch!.id, updatedAt: NOW });
  // The connection's first observed snapshot, two days ago.
  await h.db.transaction((tx) =>
    materializeSnapshots(tx, [
      {
        ownerId, connectionId, capturedAt: OBSERVED_AT, batchId: batch!.id, baseCurrency: "USD", positions: [],
        balances: held.map((b) => ({ ...b, accountUid: "spot" })),
        prices: { BTC: "70000", USDT: "1" },
      },
    ]),
  );
  const [obs] = await h.db.select().from(portfolioSnapshots).where(eq(portfolioSnapshots.connectionId, connectionId));
  observedId = obs!.id;
  observedEquity = obs!.equity;

  const exchange = createBinanceClient({ credentials: BINANCE_EXAMPLE_CREDENTIALS, environment: "live", timeoutMs: 5000, weightBudgetShare: 0.8, fetchImplementation: fake.fetch, enableRateLimit: false }).exchange;
  sources = { candles: exchange, candleSource: "binance", candleQuote: "USDT", readEcb: async () => { throw new Error("a USD workspace reads no FX"); } };
}, 60_000);
afterAll(async () => {
  await h?.close();
  await fake?.close();
});

const snapshotRows = async () =>
  (
    await h.db
      .select({ at: portfolioSnapshots.capturedAt, equity: portfolioSnapshots.equity, reconstructed: portfolioSnapshots.reconstructed, rows: snapshotHoldings.rows })
      .from(portfolioSnapshots)
      .leftJoin(snapshotHoldings, eq(snapshotHoldings.snapshotId, portfolioSnapshots.id))
      .where(eq(portfolioSnapshots.connectionId, connectionId))
      .orderBy(asc(portfolioSnapshots.capturedAt))
  ).map((r) => ({ ...r, at: r.at.toISOString() }));
const rollupRows = async () =>
  (await h.db.select().from(equityRollups).where(and(eq(equityRollups.ownerId, ownerId), eq(equityRollups.bucket, "1d"))).orderBy(asc(equityRollups.bucketStart))).map((r) => ({
    ...r,
    bucketStart: r.bucketStart.toISOString(),
    lastAt: r.lastAt.toISOString(),
  }));

describe("reconstructing a connection's year of fills (fake Binance klines over HTTP)", () => {
  let firstRun: Awaited<ReturnType<typeof snapshotRows>>;
  let firstRollups: Awaited<ReturnType<typeof rollupRows>>;

  it("writes one reconstructed snapshot per day before the first observed one; the observed row is untouched", async () => {
    const out = await runReconstruction(h.db, { ownerId, connectionId, now: NOW, sources: () => sources });
    expect(out).not.toBeNull();
    expect(out!.residuals).toEqual([]);
    expect(out!.fetchedCloses).toBeGreaterThan(360);
    // Only completed UTC days: today's (2026-11-20) candle is still moving and is not stored.
    const btcDays = (await h.db.select({ day: dailyPrices.day }).from(dailyPrices).where(eq(dailyPrices.asset, "BTC"))).map((r) => r.day).sort();
    expect(btcDays.at(-1)).toBe("2026-11-19");
    // 2025-11-20 … 2026-11-17: the day of the observed snapshot (11-18) is the measured one's.
    expect(out!.written).toBe(363);
    expect(out!.lastAt!.toISOString()).toBe("2026-11-17T23:59:59.999Z");
    firstRun = await snapshotRows();
    expect(firstRun).toHaveLength(364);
    expect(firstRun.filter((r) => r.reconstructed)).toHaveLength(363);
    const observed = firstRun.at(-1)!;
    expect(observed).toMatchObject({ at: OBSERVED_AT.toISOString(), equity: observedEquity, reconstructed: false });
    const [still] = await h.db.select().from(portfolioSnapshots).where(eq(portfolioSnapshots.id, observedId));
    expect(still!.equity).toBe(observedEquity);
    // First day: 100,000 USDT in, 0.01 BTC bought at the close for 60000.5 × … + 0.1 fee: equity = 100,000 − 0.1.
    expect(firstRun[0]).toMatchObject({ at: "2025-11-20T23:59:59.999Z", equity: "99999.9", reconstructed: true });
    // Each day is valued at its own close: 0.01 BTC on 2025-11-21 at that day's close.
    const day2 = firstRun[1]!.rows!.find((r) => r.asset === "BTC")!;
    expect(day2).toMatchObject({ quantity: "0.01", price: String(Number(closeOn(FIRST + DAY))) });
    firstRollups = await rollupRows();
  });

  it("the equity chart's series (range all) starts a year back", async () => {
    const series = await loadEquitySeries(h.db, { ownerId, range: "all", now: NOW, baseCurrency: "USD", timeZone: "UTC" });
    expect(series.points[0]!.at).toBe("2025-11-20T00:00:00.000Z");
    expect(series.points[0]!.equity).toBe("99999.9");
    expect(series.points.at(-1)!.at).toBe("2026-11-18T00:00:00.000Z");
    expect(series.points.at(-1)!.equity).toBe(observedEquity);
    // The boundary the chart draws: the end of the last reconstructed day.
    expect(series.reconstructedUntil).toBe("2026-11-17T23:59:59.999Z");
  });

  it("a re-run reads no candle (the table holds them) and leaves the same rows and roll-ups", async () => {
    fake.clearRequests();
    const stored = (await h.db.select().from(dailyPrices)).length;
    const out = await runReconstruction(h.db, { ownerId, connectionId, now: NOW, sources: () => sources });
    expect(out!.fetchedCloses).toBe(0);
    expect(fake.requests.filter((r) => r.path === "/api/v3/klines")).toHaveLength(0);
    expect((await h.db.select().from(dailyPrices)).length).toBe(stored);
    expect(await snapshotRows()).toEqual(firstRun);
    expect(await rollupRows()).toEqual(firstRollups);
  });

  it("a EUR workspace: USDT closes at par with USD, divided by the ECB's USD price of EUR, carried from its last published day; the ECB series is stored once", async () => {
    await h.db.update(workspaces).set({ baseCurrency: "EUR" }).where(eq(workspaces.id, ownerId));
    const asked: string[] = [];
    const published = [{ date: "2025-11-14", close: "1.3" }, { date: "2025-11-19", close: "1.25" }, { date: "2026-06-01", close: "1.2" }];
    const readEcb = async (fromDate: string) => {
      asked.push(fromDate);
      return { EUR: published.filter((r) => r.date >= fromDate) };
    };
    const eur = { ...sources, readEcb };
    const h1 = await reconstructConnection(h.db, { ownerId, connectionId, now: NOW, sources: eur });
    // Day one: 99,999.9 USD of value at 1.25 USD per EUR (2025-11-19's rate, carried over 11-20);
    // the rates are read from a week before the first day, for a first day after a holiday.
    expect(amountToString(h1!.result.portfolio.value[0]!)).toBe("79999.92");
    expect(h1!.result.baseCurrency).toBe("EUR");
    const ecbRows = await h.db.select().from(dailyPrices).where(eq(dailyPrices.source, "ecb"));
    expect(ecbRows.map((r) => [r.asset, r.quote, r.day, r.close])).toEqual([
      ["EUR", "USD", "2025-11-14", "1.3"],
      ["EUR", "USD", "2025-11-19", "1.25"],
      ["EUR", "USD", "2026-06-01", "1.2"],
    ]);
    // The days asked are remembered, published or not (weekends, holidays): a re-run the same
    // day asks nothing; a day later it asks from the day after the last completed one.
    await reconstructConnection(h.db, { ownerId, connectionId, now: NOW, sources: eur });
    expect(asked).toEqual(["2025-11-12"]);
    // (The candles are not what is under test here: the day's BTC close comes from a stub.)
    const nextDay = { ...eur, candles: { fetchOHLCV: async () => [[Date.UTC(2026, 10, 20), 1, 1, 1, 71000, 1]] as never } };
    await reconstructConnection(h.db, { ownerId, connectionId, now: new Date(NOW.getTime() + DAY), sources: nextDay });
    expect(asked).toEqual(["2025-11-12", "2026-11-20"]);
    expect(await h.db.select().from(dailyPrices).where(eq(dailyPrices.source, "ecb"))).toHaveLength(3);
  });

  it("a BTC workspace is refused, naming baseCurrency, before any price is read", async () => {
    await h.db.update(workspaces).set({ baseCurrency: "BTC" }).where(eq(workspaces.id, ownerId));
    fake.clearRequests();
    await expect(reconstructConnection(h.db, { ownerId, connectionId, now: NOW, sources })).rejects.toThrow(/baseCurrency BTC/);
    expect(fake.requests).toHaveLength(0);
    await h.db.update(workspaces).set({ baseCurrency: "USD" }).where(eq(workspaces.id, ownerId));
  });
});
