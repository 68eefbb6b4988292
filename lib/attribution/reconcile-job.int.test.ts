import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { getReconciliationSummary, listReconciledPositions, listStrategyEquity } from "@/db/queries/attribution";
import { createConnection } from "@/db/queries/connections";
import { createWorkspace, ensurePersonalWorkspace } from "@/db/queries/workspaces";
import { connections, fills, syncBatches } from "@/db/schema";
import { openTestDb } from "@/db/testing";
import type { Balance, Position } from "@/lib/connectors/types";
import { materializeSnapshots } from "@/lib/snapshots/capture";
import { materializeAccounts } from "@/lib/sync/write-accounts";
import { reconcileAll } from "./reconcile-job";
import { strategyFromClientOrderId } from "./strategy-tags";

let h: DbHandle;
let ownerId: string;
let conn: string;
let batchId: string;
let accounts: Map<string, string>;
const snapshotIds: string[] = [];

const at = (hhmm: string) => new Date(`2026-11-20T${hhmm}:00Z`);
const bal = (accountUid: string, asset: string, wallet: Balance["wallet"], total: string): Balance => ({ accountUid, asset, wallet, free: total, locked: "0", total });
// basis is short 0.5 BTC perp from 62000, marked 61000: unrealized (61000 − 62000) × −0.5 = +500.
const perp: Position = {
  accountUid: "futures",
  symbol: "BTC/USDT:USDT",
  underlying: "BTC",
  quoteCurrency: "USDT",
  settleCurrency: "USDT",
  instrumentType: "perpetual",
  side: "short",
  quantity: "-0.5",
  entryPrice: "62000",
  markPrice: "61000",
  notional: "-30500",
  unrealizedPnl: "500",
};

async function snapshot(hhmm: string, btc: string, btcPrice: string, usdt: string) {
  const ids = await h.db.transaction((tx) =>
    materializeSnapshots(tx, [
      {
        ownerId,
        connectionId: conn,
        capturedAt: at(hhmm),
        batchId,
        baseCurrency: "USD",
        balances: [bal("spot", "BTC", "spot", btc), bal("spot", "USDT", "spot", usdt), bal("futures", "USDT", "futures", "30000")],
        positions: [perp],
        prices: { BTC: btcPrice, USDT: "1" },
      },
    ]),
  );
  snapshotIds.push(ids[0]!);
}

let seq = 0;
async function fill(clientOrderId: string | null, account: string, symbol: string, side: "buy" | "sell", quantity: string, price: string, hhmm: string, fee = "0") {
  seq++;
  await h.db.insert(fills).values({
    ownerId,
    accountId: accounts.get(account)!,
    venueFillId: `fill-${seq}`,
    venueOrderId: `order-${seq}`,
    clientOrderId,
    strategy: strategyFromClientOrderId(clientOrderId),
    symbol,
    side,
    price,
    quantity,
    fee,
    feeCurrency: "USDT",
    executedAt: at(hhmm),
    syncBatchId: batchId,
  });
}

beforeAll(async () => {
  h = await openTestDb();
  ownerId = (await ensurePersonalWorkspace(h.db)).id;
  conn = (await createConnection(h.db, { ownerId, provider: "binance", label: "Binance" })).id;
  accounts = await materializeAccounts(h.db, {
    ownerId,
    connectionId: conn,
    accounts: [
      { accountUid: "spot", name: "Spot", venue: "binance", kind: "spot" },
      { accountUid: "futures", name: "USDT-M", venue: "binance", kind: "futures" },
    ],
  });
  batchId = (
    await h.db
      .insert(syncBatches)
      .values({ ownerId, connectionId: conn, trigger: "manual", status: "succeeded", startedAt: at("09:00") })
      .returning({ id: syncBatches.id })
  )[0]!.id;

  // mm-btc: 0.5 @ 58000, 0.3 @ 59000, sells 0.3 @ 61000 paying 1.5 → realized 898.5, open 0.5 @ 58600.
  await fill("mm-btc:1b", "spot", "BTC/USDT", "buy", "0.5", "58000", "10:01");
  await fill("mm-btc:2b", "spot", "BTC/USDT", "buy", "0.3", "59000", "10:02");
  await fill("mm-btc:2s", "spot", "BTC/USDT", "sell", "0.3", "61000", "10:03", "1.5");
  await fill("basis:1", "futures", "BTC/USDT:USDT", "sell", "0.5", "62000", "10:04");
  await fill(null, "spot", "BTC/USDT", "buy", "0.1", "50000", "10:05");
  // 75000 BTC + 42000 USDT + 30000 wallet + 500 unrealized = 147500.
  await snapshot("11:00", "1.25", "60000", "42000");
});
afterAll(async () => h?.close());

describe("reconcileAll", () => {
  it("reconciles the latest snapshot: 4 rows (BTC mm-btc + residual, USDT residual, the perp's basis)", async () => {
    expect(await reconcileAll(h.db, { now: at("11:05") })).toEqual({ connections: 1, rows: 4 });
    const rows = await listReconciledPositions(h.db, { ownerId, snapshotId: snapshotIds[0]! });
    expect(rows.map((r) => [r.symbol, r.strategy, r.quantity, r.valueBase, r.unrealizedPnl])).toEqual([
      ["BTC", "mm-btc", "0.5", "30000", "700"],
      ["BTC", null, "0.75", "45000", "1050"],
      ["BTC/USDT:USDT", "basis", "-0.5", "-30500", "500"],
      ["USDT", null, "42000", "42000", null],
    ]);
  });

  it("writes the account summary: cash 42000 + market 75000 + wallet 30000 + 500 = 147500, pnl 898.5 + 500", async () => {
    expect(await getReconciliationSummary(h.db, { ownerId, snapshotId: snapshotIds[0]! })).toMatchObject({
      equity: "147500",
      cash: "42000",
      marketValue: "75000",
      futuresWalletBalance: "30000",
      unrealizedPnl: "500",
      realizedPnl: "898.5",
      pnl: "1398.5",
      fillsUsed: 5,
      unpriced: [],
      reconciledAt: at("11:05"),
    });
  });

  it("a second run with no new snapshot writes nothing", async () => {
    expect(await reconcileAll(h.db, { now: at("11:30") })).toEqual({ connections: 0, rows: 0 });
  });

  it("mm-btc sells its 0.5 @ 62000: realized 898.5 + 0.2 × 4000 + 0.3 × 3000 = 2598.5, a second point of its series", async () => {
    await fill("mm-btc:3s", "spot", "BTC/USDT", "sell", "0.5", "62000", "11:30");
    await snapshot("12:00", "0.75", "61000", "73000");
    expect(await reconcileAll(h.db, { now: at("12:05") })).toEqual({ connections: 1, rows: 3 });
    const series = await listStrategyEquity(h.db, { ownerId, strategy: "mm-btc" });
    expect(series.map((s) => [s.at.toISOString().slice(11, 16), s.realizedPnl, s.unrealizedPnl, s.pnl, s.openPositions])).toEqual([
      ["11:00", "898.5", "700", "1598.5", 1],
      ["12:00", "2598.5", "0", "2598.5", 0],
    ]);
  });

  it("a paused connection is not reconciled; another owner reads nothing", async () => {
    await h.db.update(connections).set({ status: "paused" }).where(eq(connections.id, conn));
    await snapshot("13:00", "0.75", "61000", "73000");
    expect(await reconcileAll(h.db, { now: at("13:05") })).toEqual({ connections: 0, rows: 0 });
    const stranger = await createWorkspace(h.db, { name: "S", slug: "rec-stranger" });
    expect(await listReconciledPositions(h.db, { ownerId: stranger.id, snapshotId: snapshotIds[0]! })).toEqual([]);
    expect(await listStrategyEquity(h.db, { ownerId: stranger.id })).toEqual([]);
  });
});
