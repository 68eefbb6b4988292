// Fixtures for tests of lib/history: a Binance connection whose story needs no candle.
import type { Db } from "@/db/client";
import { createConnection } from "@/db/queries/connections";
import { accountHoldings, syncBatches, tradingAccounts } from "@/db/schema";
import { insertTestFlow } from "@/lib/snapshots/test-support";
import type { HistorySources } from "./reconstruct-connection";

let reads = 0;
/** How many candle reads `noCandles` was asked for (each one also failed its caller). */
export const candleReads = () => reads;

/** A price source that refuses every candle read: for a USD workspace holding USDT (at par), none is needed. */
export const noCandles: HistorySources = {
  candles: {
    fetchOHLCV: async () => {
      reads++;
      throw new Error("no candle should be read for USDT in a USD workspace");
    },
  } as unknown as HistorySources["candles"],
  candleSource: "binance",
  candleQuote: "USDT",
  readEcb: async () => {
    throw new Error("a USD workspace reads no FX");
  },
};

/**
 * A Binance connection with one saved run, 1,000 USDT deposited on 1 Nov 2026 and 500 on
 * 10 Nov, holding the 1,500: reconstructed from its flows alone in a USD workspace. `extra`
 * balances are held with nothing in the history to explain them (residuals).
 */
export async function binanceWithDeposits(db: Db, owner: string, label: string, now: Date, extra: Array<{ asset: string; total: string }> = []): Promise<string> {
  const { id } = await createConnection(db, { ownerId: owner, provider: "binance", label });
  const [acct] = await db.insert(tradingAccounts).values({ ownerId: owner, connectionId: id, accountUid: "spot", name: "Spot", venue: "binance", kind: "spot" }).returning();
  const [batch] = await db.insert(syncBatches).values({ ownerId: owner, connectionId: id, trigger: "manual", status: "succeeded", startedAt: now }).returning();
  await insertTestFlow(db, { ownerId: owner, id, accountId: acct!.id }, { kind: "deposit", at: "2026-11-01T09:00:00Z", amount: "1000", asset: "USDT", value: "1000" });
  await insertTestFlow(db, { ownerId: owner, id, accountId: acct!.id }, { kind: "deposit", at: "2026-11-10T09:00:00Z", amount: "500", asset: "USDT", value: "500" });
  await db.insert(accountHoldings).values({ accountId: acct!.id, ownerId: owner, balances: [{ asset: "USDT", wallet: "spot", free: "1500", locked: "0", total: "1500" }, ...extra.map((b) => ({ asset: b.asset, wallet: "spot" as const, free: b.total, locked: "0", total: b.total }))], positions: [], syncBatchId: batch!.id, updatedAt: now });
  return id;
}

