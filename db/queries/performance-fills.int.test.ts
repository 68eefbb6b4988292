import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { executeRows } from "@/db/execute-rows";
import { createConnection } from "@/db/queries/connections";
import { createWorkspace, ensurePersonalWorkspace } from "@/db/queries/workspaces";
import { fills, tradingAccounts } from "@/db/schema";
import { openTestDb } from "@/db/testing";
import { syncConnection } from "@/lib/sync/sync-connection";
import { listWorkspaceFillsUntilJson, listWorkspaceFillsUntilRows } from "./performance-fills";

/**
 * /performance's fills read as one JSON value (PGlite's, performance-fills.ts) gives
 * exactly what the row read gives, on both drivers: the fills of a real demo sync, plus fills
 * that carry what a JSON number or a string-parsed instant could change (numerics with 24
 * digits and trailing zeros, a contract size, microseconds, a null strategy, ties on the
 * instant), narrowed by account, by an empty account list and by `until`.
 */
let h: DbHandle;
let ownerId: string;
let accountIds: string[];
const SYNCED = new Date("2026-11-20T10:00:00Z");

beforeAll(async () => {
  h = await openTestDb();
  ownerId = (await ensurePersonalWorkspace(h.db)).id;
  const other = (await createWorkspace(h.db, { name: "Other", slug: "other" })).id;
  const c = await createConnection(h.db, { ownerId, provider: "demo", label: "Demo", config: { seed: "fills-json" } });
  await syncConnection(h.db, { ownerId, connectionId: c.id, trigger: "manual", now: () => SYNCED, referencePrices: null });
  const o = await createConnection(h.db, { ownerId: other, provider: "demo", label: "Other demo", config: { seed: "fills-json-other" } });
  await syncConnection(h.db, { ownerId: other, connectionId: o.id, trigger: "manual", now: () => SYNCED, referencePrices: null });
  accountIds = (await h.db.select({ id: tradingAccounts.id }).from(tradingAccounts).where(eq(tradingAccounts.connectionId, c.id))).map((r) => r.id);
  const [synced] = await h.db.select({ batch: fills.syncBatchId }).from(fills).where(eq(fills.ownerId, ownerId)).limit(1);
  const base = { ownerId, accountId: accountIds[0]!, venueOrderId: "json-order", symbol: "BTC/USD:BTC", side: "buy" as const, feeCurrency: "BTC", syncBatchId: synced!.batch };
  // Microseconds the row read's Date truncates, as the JSON read's epoch milliseconds must.
  const at = sql`'2026-11-19T10:00:00.123999Z'::timestamptz`;
  await h.db.insert(fills).values([
    { ...base, venueFillId: "json-1", price: "123456789012345678901234.000000000000000001", quantity: "1.50000", fee: "0.000000000000000001", contractSize: "100", executedAt: at, strategy: null },
    { ...base, venueFillId: "json-0", side: "sell", price: "65000.10", quantity: "2", fee: "-0.10", contractSize: null, executedAt: at, strategy: "mm-btc" },
  ]);
});
afterAll(async () => {
  await h?.close();
});

describe("listWorkspaceFillsUntilJson", () => {
  it("equals the row read for the whole workspace, value for value and in order", async () => {
    const p = { ownerId, until: SYNCED };
    const rows = await listWorkspaceFillsUntilRows(h.db, p);
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.some((r) => r.contractSize === "100")).toBe(true);
    expect(await listWorkspaceFillsUntilJson(h.db, p)).toEqual(rows);
  });

  it("equals it narrowed to one account, to none, and up to an earlier instant", async () => {
    for (const p of [
      { ownerId, until: SYNCED, accountIds: [accountIds[0]!] },
      { ownerId, until: SYNCED, accountIds: [] },
      { ownerId, until: new Date("2026-11-19T10:00:00.123Z") },
    ]) {
      expect(await listWorkspaceFillsUntilJson(h.db, p)).toEqual(await listWorkspaceFillsUntilRows(h.db, p));
    }
    expect(await listWorkspaceFillsUntilJson(h.db, { ownerId, until: SYNCED, accountIds: [] })).toEqual([]);
  });

  it("reads nothing of another workspace", async () => {
    const [all] = await executeRows<{ n: number }>(h.db, sql`select count(*)::int as n from fills`);
    const [own] = await executeRows<{ n: number }>(h.db, sql`select count(*)::int as n from fills where owner_id = ${ownerId}::uuid`);
    expect(own!.n).toBeLessThan(all!.n);
    expect(await listWorkspaceFillsUntilJson(h.db, { ownerId, until: SYNCED })).toHaveLength(own!.n);
  });
});
