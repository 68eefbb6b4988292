import { randomBytes } from "node:crypto";
import { and, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { ensurePersonalWorkspace } from "@/db/queries/workspaces";
import { connections, fills, orders, syncCursors } from "@/db/schema";
import { openTestDb } from "@/db/testing";
import { addConnection } from "@/lib/connections/add-connection";
import type { ConnectorBuilder } from "@/lib/connections/input";
import { parseSettings } from "@/lib/connectors/settings";
import { MarketCache } from "@/lib/connectors/ccxt/markets";
import { openCredentials } from "@/lib/connectors/http/credentials";
import { syncConnection } from "@/lib/sync/sync-connection";
import { binanceConfigSchema, binanceCredentialsSchema } from "./config";
import { BINANCE_EXAMPLE_CREDENTIALS, FakeBinance } from "./fake-binance";
import { BinanceConnector } from "./index";

/**
 * No missed trades (issue 17 part 7), end to end over real HTTP against the fake Binance
 * (signatures checked): a symbol first traded and fully closed between two syncs, which
 * no balance, position, open order or stored fill names, still has its fills and orders
 * recorded — by the sweep of markets containing a held asset, and by the check of a
 * balance that moved with no fill to explain it.
 */
const HOUR = 3_600_000;
const T1 = new Date("2026-11-20T10:00:00Z");
const T2 = new Date(T1.getTime() + 3 * HOUR);
const T3 = new Date(T2.getTime() + 3 * HOUR);
const key = randomBytes(32);

let h: DbHandle;
let fake: FakeBinance;
let ownerId: string;
let connectionId: string;
const markets = new MarketCache();
let last: BinanceConnector | undefined;

const build: ConnectorBuilder = (conn, ctx) =>
  (last = new BinanceConnector({
    credentials: openCredentials("binance", binanceCredentialsSchema, conn.credentialsEncrypted, key),
    config: parseSettings("binance", binanceConfigSchema, conn.config),
    now: ctx.now,
    fetchImplementation: fake.fetch,
    enableRateLimit: false,
    marketCache: markets,
  }));

async function sync(now: Date) {
  const [conn] = await h.db.select().from(connections).where(eq(connections.id, connectionId));
  fake.clearRequests();
  fake.resetWeight();
  return syncConnection(h.db, { ownerId, connectionId, trigger: "manual", now: () => now, connector: build(conn!, { now: () => now }) });
}

type Row = Record<string, unknown>;
/** A spot market listed like the fixture's SOLUSDT. */
function listSpot(symbol: string, base: string) {
  const info = fake.state.exchangeInfo.spot as { symbols: Row[] };
  const sol = info.symbols.find((s) => s.symbol === "SOLUSDT")!;
  info.symbols.push({ ...sol, symbol, baseAsset: base });
}

/** One filled order and its one trade on a spot market. */
function filled(p: { symbol: string; orderId: number; tradeId: number; side: "BUY" | "SELL"; price: string; qty: string; at: Date; fee: string; feeAsset: string }) {
  const time = p.at.getTime();
  const quote = (Number(p.price) * Number(p.qty)).toFixed(8);
  fake.state.orders.spot.push({
    symbol: p.symbol, orderId: p.orderId, orderListId: -1, clientOrderId: `web_${p.orderId}`, price: p.price, origQty: p.qty,
    executedQty: p.qty, cummulativeQuoteQty: quote, status: "FILLED", timeInForce: "GTC", type: "LIMIT", side: p.side,
    stopPrice: "0", icebergQty: "0", time: time - 60_000, updateTime: time, isWorking: true, workingTime: time - 60_000,
    origQuoteOrderQty: "0", selfTradePreventionMode: "EXPIRE_MAKER",
  });
  fake.state.trades.spot.push({
    symbol: p.symbol, id: p.tradeId, orderId: p.orderId, orderListId: -1, price: p.price, qty: p.qty, quoteQty: quote,
    commission: p.fee, commissionAsset: p.feeAsset, time, isBuyer: p.side === "BUY", isMaker: false, isBestMatch: true,
  });
}

function setSpot(asset: string, free: string) {
  const list = fake.state.spotAccount.balances;
  const found = list.find((b) => b.asset === asset);
  if (found) found.free = free;
  else list.push({ asset, free, locked: "0.00000000" });
}

const spotBalance = (asset: string) => String(fake.state.spotAccount.balances.find((b) => b.asset === asset)!.free);
const myTradesOf = (symbol: string) => fake.requests.filter((r) => r.path === "/api/v3/myTrades" && r.params.symbol === symbol);
const fillsOf = (symbol: string) => h.db.select().from(fills).where(eq(fills.symbol, symbol));

beforeAll(async () => {
  h = await openTestDb();
  fake = await FakeBinance.start();
  listSpot("DOGEUSDT", "DOGE");
  listSpot("XRPUSDT", "XRP");
  ownerId = (await ensurePersonalWorkspace(h.db)).id;
  const added = await addConnection(
    h.db,
    { ownerId, provider: "binance", label: "Binance", credentials: { ...BINANCE_EXAMPLE_CREDENTIALS }, config: {} },
    { buildConnector: build, credentialsKey: key, now: () => T1 },
  );
  connectionId = added.id;
});
afterAll(async () => {
  await fake?.close();
  await h?.close();
});

describe("Binance: no missed trades", () => {
  it("the first sync records every asset held, for the sweep", async () => {
    await sync(T1);
    const held = await h.db
      .select({ stream: syncCursors.stream })
      .from(syncCursors)
      .where(and(eq(syncCursors.connectionId, connectionId), like(syncCursors.stream, "held:%")));
    expect(held.map((r) => r.stream).sort()).toEqual(["held:BNB", "held:BTC", "held:ETH", "held:USDC", "held:USDT"]);
  });

  it("DOGE bought and sold back between two syncs, leaving no DOGE: the sweep finds and records its fills and orders", async () => {
    // 10:30 buy 1000 DOGE, 11:30 sell them all: no DOGE before, none after; USDT up by the profit less fees.
    filled({ symbol: "DOGEUSDT", orderId: 900001, tradeId: 7700001, side: "BUY", price: "0.40000000", qty: "1000.00000000", at: new Date(T1.getTime() + HOUR / 2), fee: "0.40000000", feeAsset: "USDT" });
    filled({ symbol: "DOGEUSDT", orderId: 900002, tradeId: 7700002, side: "SELL", price: "0.42000000", qty: "1000.00000000", at: new Date(T1.getTime() + 1.5 * HOUR), fee: "0.42000000", feeAsset: "USDT" });
    setSpot("USDT", (Number(spotBalance("USDT")) + 20 - 0.82).toFixed(8));
    // XRP arrives (a deposit, no trade): held from this sync on.
    setSpot("XRP", "500.00000000");

    const r = await sync(T2);
    expect(r.status).toBe("succeeded");
    const doge = await fillsOf("DOGE/USDT");
    expect(doge.map((f) => [f.venueFillId, f.side, f.price, f.quantity, f.fee]).sort()).toEqual([
      ["DOGEUSDT:7700001", "buy", "0.4", "1000", "0.4"],
      ["DOGEUSDT:7700002", "sell", "0.42", "1000", "0.42"],
    ]);
    const dogeOrders = await h.db.select().from(orders).where(eq(orders.symbol, "DOGE/USDT"));
    expect(dogeOrders.map((o) => [o.venueOrderId, o.status]).sort()).toEqual([["900001", "filled"], ["900002", "filled"]]);
    // Found by the sweep's probe (the latest trades, no time range), not by a planned read.
    expect(myTradesOf("DOGEUSDT")[0]!.params).not.toHaveProperty("startTime");
    const [cursor] = await h.db.select().from(syncCursors).where(and(eq(syncCursors.connectionId, connectionId), eq(syncCursors.stream, "sweep:DOGEUSDT")));
    expect(cursor!.cursorAt).toEqual(T2);
  });

  it("an asset sold out between syncs on a market nothing names: its balance moved with no fill, so its markets are read that run", async () => {
    // XRP (held at T2, never traded before) is sold out at 14:00; no stored fill or order names XRP/USDT.
    filled({ symbol: "XRPUSDT", orderId: 900010, tradeId: 7700010, side: "SELL", price: "0.60000000", qty: "500.00000000", at: new Date(T2.getTime() + HOUR), fee: "0.30000000", feeAsset: "USDT" });
    fake.state.spotAccount.balances = fake.state.spotAccount.balances.filter((b) => b.asset !== "XRP");
    setSpot("USDT", (Number(spotBalance("USDT")) + 300 - 0.3).toFixed(8));

    const r = await sync(T3);
    expect(r.status).toBe("succeeded");
    expect(last!.explained).toContain("XRP/USDT");
    // A windowed read from the run's start, not a sweep probe: the sweep is not due for 24 h.
    expect(myTradesOf("XRPUSDT").every((q) => q.params.startTime !== undefined)).toBe(true);
    // Every market swept at T2 is current for 24 h: no probe this run.
    expect(fake.requests.filter((q) => q.path === "/api/v3/myTrades" && q.params.startTime === undefined && q.params.fromId === undefined)).toEqual([]);
    expect((await fillsOf("XRP/USDT")).map((f) => [f.venueFillId, f.side, f.quantity])).toEqual([["XRPUSDT:7700010", "sell", "500"]]);
    const [xrp] = await h.db.select().from(orders).where(eq(orders.venueOrderId, "900010"));
    expect(xrp).toMatchObject({ symbol: "XRP/USDT", status: "filled" });
  });

  it("a replay adds nothing and no cursor moves back", async () => {
    const before = await h.db.select().from(fills);
    const r = await sync(T3);
    expect(r.counts.fills).toBe(0);
    expect((await h.db.select().from(fills)).length).toBe(before.length);
  });
});
