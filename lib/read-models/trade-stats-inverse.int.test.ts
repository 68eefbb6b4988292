import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { ensurePersonalWorkspace } from "@/db/queries/workspaces";
import { fills } from "@/db/schema";
import { openTestDb } from "@/db/testing";
import { addConnection } from "@/lib/connections/add-connection";
import type { ConnectorBuilder } from "@/lib/connections/input";
import { BINANCE_EXAMPLE_CREDENTIALS, binanceFixture, FakeBinance } from "@/lib/connectors/binance/fake-binance";
import { binanceConfigSchema, binanceCredentialsSchema } from "@/lib/connectors/binance/config";
import { BinanceConnector } from "@/lib/connectors/binance";
import { MarketCache } from "@/lib/connectors/ccxt/markets";
import { openCredentials } from "@/lib/connectors/http/credentials";
import { parseSettings } from "@/lib/connectors/settings";
import { D } from "@/lib/money/decimal";
import { syncConnection } from "@/lib/sync/sync-connection";
import { resolvePerformanceRange } from "./performance-range";
import { loadRangeTradeStats } from "./trade-stats-range-data";

/**
 * An inverse round trip read from the fake Binance's COIN-M account (signed requests, real
 * routes), stored by a sync, and priced by /performance's trade statistics with the contract
 * size the connector stored on the fills (exchangeInfo BTCUSD_PERP contractSize 100 USD).
 */
const NOW = new Date("2026-11-20T10:00:00Z");
const key = randomBytes(32);
let h: DbHandle;
let fake: FakeBinance;
let ownerId: string;

beforeAll(async () => {
  h = await openTestDb();
  fake = await FakeBinance.start();
  ownerId = (await ensurePersonalWorkspace(h.db)).id;
});
afterAll(async () => {
  await fake?.close();
  await h?.close();
});

describe("trade statistics of an inverse contract (Binance COIN-M)", () => {
  it("short 10 BTCUSD_PERP × 100 USD from 61000, bought back at 60000: 10 × 100 × (1/60000 − 1/61000) = 0.000273224043715847 BTC, less 2 × 0.00000819 BTC fees", async () => {
    const [opening] = binanceFixture("trades-coinm.json") as Array<Record<string, unknown>>;
    const [sell] = binanceFixture("orders-coinm.json") as Array<Record<string, unknown>>;
    const later = (opening!.time as number) + 86_400_000;
    // The fixture's sell of 10 contracts at 61000 (strategy "perp"), and the buy of the same strategy that closes it a day later.
    fake.state.orders.coinm = [
      sell!,
      { ...sell!, orderId: 2101, clientOrderId: "perp:btc-hedge-close", side: "BUY", price: "60000", avgPrice: "60000", cumBase: "0.01666666", time: later, updateTime: later },
    ];
    fake.state.trades.coinm = [
      opening!,
      { ...opening!, id: 77002, orderId: 2101, side: "BUY", buyer: true, maker: false, price: "60000", baseQty: "0.01666666", time: later },
    ];
    const markets = new MarketCache();
    const build: ConnectorBuilder = (conn, ctx) =>
      new BinanceConnector({
        credentials: openCredentials("binance", binanceCredentialsSchema, conn.credentialsEncrypted, key),
        config: parseSettings("binance", binanceConfigSchema, conn.config),
        now: ctx.now,
        fetchImplementation: fake.fetch,
        enableRateLimit: false,
        marketCache: markets,
      });
    const added = await addConnection(
      h.db,
      { ownerId, provider: "binance", label: "Binance", credentials: { ...BINANCE_EXAMPLE_CREDENTIALS }, config: {} },
      { buildConnector: build, credentialsKey: key, now: () => NOW },
    );
    const [conn] = await h.db.query.connections.findMany({ where: (c, { eq: is }) => is(c.id, added.id) });
    await syncConnection(h.db, { ownerId, connectionId: added.id, trigger: "manual", now: () => NOW, connector: build(conn!, { now: () => NOW }) });

    const stored = await h.db.select({ symbol: fills.symbol, contractSize: fills.contractSize }).from(fills).where(eq(fills.symbol, "BTC/USD:BTC"));
    expect(stored).toEqual([
      { symbol: "BTC/USD:BTC", contractSize: "100" },
      { symbol: "BTC/USD:BTC", contractSize: "100" },
    ]);

    const range = resolvePerformanceRange({ range: "all" }, { now: NOW, timeZone: "UTC" });
    const stats = await loadRangeTradeStats(h.db, { ownerId, baseCurrency: "USD", range });
    expect(stats.unpricedSymbols.map((u) => u.symbol)).not.toContain("BTC/USD:BTC");
    const row = stats.bySymbol.find((r) => r.key === "BTC/USD:BTC");
    const gross = new D(10).times(100).times(new D(1).div(60000).minus(new D(1).div(61000)));
    expect(gross.toDecimalPlaces(18).toFixed()).toBe("0.000273224043715847");
    const fees = new D("0.00000819").times(2);
    expect(row).toMatchObject({ currency: "BTC", trades: 1, winners: 1, fees: fees.toFixed() });
    expect(new D(row!.realizedPnl).minus(gross.minus(fees)).abs().lt("1e-15")).toBe(true);
    const btc = stats.bySettlement.find((r) => r.key === "BTC");
    expect(btc?.inverse).toBe(true);
  });
});
