import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { getReconciliationSummary, listReconciledPositions } from "@/db/queries/attribution";
import { createConnection } from "@/db/queries/connections";
import { ensurePersonalWorkspace } from "@/db/queries/workspaces";
import { fills, snapshotHoldings, syncBatches } from "@/db/schema";
import { openTestDb } from "@/db/testing";
import { createDemoConnector } from "@/lib/connectors/demo";
import { D, sum } from "@/lib/money/decimal";
import { backfillSnapshots } from "@/lib/snapshots/backfill";
import { materializeAccounts } from "@/lib/sync/write-accounts";
import { reconcileAll } from "./reconcile-job";
import { strategyFromClientOrderId } from "./strategy-tags";

// The demo venue as it stands on 2026-11-20 10:00, with a week of its bots' fills.
const NOW = new Date("2026-11-20T10:00:00Z");
const SEED = "attribution";

let h: DbHandle;
let ownerId: string;
let snapshotId: string;

beforeAll(async () => {
  h = await openTestDb();
  ownerId = (await ensurePersonalWorkspace(h.db)).id;
  const conn = (await createConnection(h.db, { ownerId, provider: "demo", label: "Demo", config: { seed: SEED } })).id;
  const venue = createDemoConnector({ seed: SEED, now: () => NOW });
  const accounts = await materializeAccounts(h.db, { ownerId, connectionId: conn, accounts: (await venue.fetchAccounts()).items });
  const batchId = (
    await h.db.insert(syncBatches).values({ ownerId, connectionId: conn, trigger: "manual", status: "succeeded", startedAt: NOW }).returning()
  )[0]!.id;
  const demoFills = (await venue.fetchFills({ since: new Date(NOW.getTime() - 7 * 86_400_000) })).items;
  await h.db.insert(fills).values(
    demoFills.map((f) => ({
      ownerId,
      accountId: accounts.get(f.accountUid)!,
      venueFillId: f.venueFillId,
      venueOrderId: f.venueOrderId,
      clientOrderId: f.clientOrderId ?? null,
      strategy: strategyFromClientOrderId(f.clientOrderId),
      symbol: f.symbol,
      side: f.side,
      price: f.price,
      quantity: f.quantity,
      fee: f.fee,
      feeCurrency: f.feeCurrency,
      executedAt: f.executedAt,
      syncBatchId: batchId,
    })),
  );
  await backfillSnapshots(h.db, { ownerId, connectionId: conn, baseCurrency: "USD", from: NOW, to: NOW, stepMs: 60_000, connectorAt: (t) => createDemoConnector({ seed: SEED, now: () => t }) });
  expect(await reconcileAll(h.db, { now: NOW })).toMatchObject({ connections: 1 });
  const rows = await h.db.select({ snapshotId: snapshotHoldings.snapshotId }).from(snapshotHoldings).limit(1);
  snapshotId = rows[0]!.snapshotId;
});
afterAll(async () => h?.close());

describe("the demo venue reconciles", () => {
  it("per symbol, strategy rows + residual = what the snapshot holds", async () => {
    const [doc] = await h.db.select().from(snapshotHoldings).where(eq(snapshotHoldings.snapshotId, snapshotId));
    const venue = doc!.rows;
    expect(venue.map((v) => v.symbol)).toEqual(["BTC", "ETH", "USDT", "SOL", "LINK", "USDC", "BNB", "BTC/USDT:USDT", "ETH/USDT:USDT"]);
    const rows = await listReconciledPositions(h.db, { ownerId, snapshotId });
    for (const v of venue) {
      const attributed = sum(rows.filter((r) => r.symbol === v.symbol).map((r) => r.quantity));
      expect(attributed.equals(v.quantity), `${v.symbol}: ${attributed.toFixed()} vs ${v.quantity}`).toBe(true);
    }
    expect(new Set(rows.map((r) => r.strategy))).toContain(null);
  });

  it("the account summary adds up to the snapshot's equity", async () => {
    const s = (await getReconciliationSummary(h.db, { ownerId, snapshotId }))!;
    const parts = new D(s.cash).plus(s.marketValue).plus(s.futuresWalletBalance).plus(s.unrealizedPnl).plus(s.marginDebt);
    expect(parts.toFixed()).toBe(new D(s.equity).toFixed());
    expect(s.equity).toBe("306291.4381223053576");
    expect(s.fillsUsed).toBe(304);
  });
});
