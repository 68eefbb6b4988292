import { randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { createConnection } from "@/db/queries/connections";
import { createWorkspace, ensurePersonalWorkspace } from "@/db/queries/workspaces";
import { orderEvents, orders } from "@/db/schema";
import { openTestDb } from "@/db/testing";
import { D, toDecimalString } from "@/lib/money/decimal";
import { syncConnection } from "@/lib/sync/sync-connection";
import { loadOrderSymbols, loadQuantityChanges, parseQuantityChangeQuery } from "./quantity-change-data";
import type { QuantityChangeView } from "./quantity-change-schemas";

/**
 * The demo venue amends an order only minutes after placing it, so a sync rarely sees both
 * sides; the changes here are written as the sync writes them (rows of order_events on real
 * orders and sync runs), at chosen times: across two accounts, two at one instant, additions
 * and removals, other symbols' and another workspace's changes that must never show.
 */
let h: DbHandle;
let ownerId: string;
let otherOwnerId: string;
/** The changes of BTC/USDT in the workspace, as written, in the order the list must give. */
const expected: Array<{ seq: number; occurredAt: string; delta: string }> = [];

type OrderRow = typeof orders.$inferSelect;
async function write(order: OrderRow, at: string, before: string, after: string): Promise<number> {
  const [row] = await h.db
    .insert(orderEvents)
    .values({
      ownerId: order.ownerId,
      accountId: order.accountId,
      orderId: order.id,
      venueOrderId: order.venueOrderId,
      symbol: order.symbol,
      type: new D(after).gt(before) ? "QUANTITY_ADDED" : "QUANTITY_REMOVED",
      statusBefore: "open",
      statusAfter: "open",
      quantityBefore: before,
      quantityAfter: after,
      filledBefore: "0",
      filledAfter: "0",
      occurredAt: new Date(at),
      syncBatchId: order.lastSyncBatchId,
      prevHash: randomBytes(32).toString("hex"),
      hash: randomBytes(32).toString("hex"),
    })
    .returning({ seq: orderEvents.seq });
  return row!.seq;
}

const firstOrder = async (owner: string, symbol: string, skip = 0) =>
  (await h.db.select().from(orders).where(and(eq(orders.ownerId, owner), eq(orders.symbol, symbol))).orderBy(orders.accountId, orders.id))[skip]!;

beforeAll(async () => {
  h = await openTestDb();
  ownerId = (await ensurePersonalWorkspace(h.db)).id;
  otherOwnerId = (await createWorkspace(h.db, { name: "Other", slug: "other" })).id;
  const now = () => new Date("2026-11-20T10:00:00Z");
  for (const seed of ["a", "b"]) {
    const c = await createConnection(h.db, { ownerId, provider: "demo", label: `Demo ${seed}`, config: { seed } });
    await syncConnection(h.db, { ownerId, connectionId: c.id, trigger: "manual", now });
  }
  const theirs = await createConnection(h.db, { ownerId: otherOwnerId, provider: "demo", label: "Theirs", config: { seed: "theirs" } });
  await syncConnection(h.db, { ownerId: otherOwnerId, connectionId: theirs.id, trigger: "manual", now });

  const a = await firstOrder(ownerId, "BTC/USDT");
  const all = await h.db.select().from(orders).where(and(eq(orders.ownerId, ownerId), eq(orders.symbol, "BTC/USDT")));
  const b = all.find((o) => o.accountId !== a.accountId)!;
  expect(b).toBeDefined();
  // Written out of time order, so the list's order is the times', not the rows'.
  const rows: Array<[OrderRow, string, string, string]> = [
    [b, "2026-11-20T09:00:00.000Z", "0.5", "0.75"],
    [a, "2026-11-20T08:00:00.000Z", "0.1", "0.15"],
    [a, "2026-11-20T09:00:00.000Z", "0.15", "0.1234"], // the same instant as b's: recorded later, listed after
    [b, "2026-11-20T09:30:00.123Z", "0.75", "0.0000001"],
  ];
  for (const [order, at, before, after] of rows) {
    const seq = await write(order, at, before, after);
    expected.push({ seq, occurredAt: at, delta: toDecimalString(new D(after).minus(before)) });
  }
  for (let i = 0; i < 23; i++) {
    const at = new Date(Date.parse("2026-11-21T00:00:00Z") + i * 60_000).toISOString();
    const seq = await write(i % 2 ? a : b, at, "1", i % 3 ? "2" : "0.5");
    expected.push({ seq, occurredAt: at, delta: i % 3 ? "1" : "-0.5" });
  }
  expected.sort((x, y) => x.occurredAt.localeCompare(y.occurredAt) || x.seq - y.seq);
  // Never listed: another symbol's change, and the other workspace's change of the same symbol.
  await write(await firstOrder(ownerId, "ETH/USDT"), "2026-11-20T08:30:00Z", "1", "2");
  await write(await firstOrder(otherOwnerId, "BTC/USDT"), "2026-11-20T08:30:00Z", "1", "2");
});
afterAll(async () => h?.close());

async function walk(limit: number, owner = ownerId, symbol = "BTC/USDT"): Promise<QuantityChangeView[]> {
  const rows: QuantityChangeView[] = [];
  let cursor: string | null = null;
  do {
    const page = await loadQuantityChanges(h.db, { ownerId: owner, symbol, request: { cursor, limit } });
    rows.push(...page.rows);
    cursor = page.nextCursor;
  } while (cursor);
  return rows;
}

describe("quantity changes by symbol", () => {
  it("lists every addition and removal of the symbol across the accounts in time order, then recording order, each once in pages of 5", async () => {
    const rows = await walk(5);
    expect(rows.map((r) => r.seq)).toEqual(expected.map((e) => e.seq));
    expect(rows.map((r) => r.occurredAt)).toEqual(expected.map((e) => e.occurredAt));
    expect(new Set(rows.map((r) => r.accountId)).size).toBe(2);
    // The two changes of 09:00 in their recording order.
    const tie = rows.filter((r) => r.occurredAt === "2026-11-20T09:00:00.000Z");
    expect(tie).toHaveLength(2);
    expect(tie[0]!.seq).toBeLessThan(tie[1]!.seq);
  });

  it("gives each change's quantities and its exact delta, its type, status, order and sync run", async () => {
    const [first, second, third, fourth] = await walk(50);
    expect(first).toMatchObject({ type: "QUANTITY_ADDED", delta: "0.05", statusAfter: "open" });
    expect(toDecimalString(first!.quantityBefore!)).toBe("0.1");
    expect(toDecimalString(first!.quantityAfter)).toBe("0.15");
    expect([second!.delta, third!.delta]).toEqual(["0.25", "-0.0266"]);
    expect(third!.type).toBe("QUANTITY_REMOVED");
    expect(fourth!.delta).toBe("-0.7499999");
    const [order] = await h.db.select().from(orders).where(eq(orders.id, first!.orderId));
    expect(order).toMatchObject({ symbol: "BTC/USDT", ownerId, venueOrderId: first!.venueOrderId, accountId: first!.accountId, lastSyncBatchId: first!.syncBatchId });
  });

  it("walks back by Previous from the last page to the same pages", async () => {
    let page = await loadQuantityChanges(h.db, { ownerId, symbol: "BTC/USDT", request: { cursor: null, limit: 4 } });
    const forward = [page.rows.map((r) => r.seq)];
    while (page.nextCursor) {
      page = await loadQuantityChanges(h.db, { ownerId, symbol: "BTC/USDT", request: { cursor: page.nextCursor, limit: 4 } });
      forward.push(page.rows.map((r) => r.seq));
    }
    const backward = [page.rows.map((r) => r.seq)];
    while (page.prevCursor) {
      page = await loadQuantityChanges(h.db, { ownerId, symbol: "BTC/USDT", request: { cursor: page.prevCursor, limit: 4 } });
      backward.unshift(page.rows.map((r) => r.seq));
    }
    expect(forward.length).toBe(Math.ceil(expected.length / 4));
    expect(backward).toEqual(forward);
  });

  it("shows another workspace only its own change of the symbol, and a symbol without changes as an empty list", async () => {
    const theirs = await walk(10, otherOwnerId);
    expect(theirs).toHaveLength(1);
    expect(theirs[0]!.occurredAt).toBe("2026-11-20T08:30:00.000Z");
    expect(await walk(10, ownerId, "SOL/USDT")).toEqual([]);
    expect(await walk(10, ownerId, "NOPE/USDT")).toEqual([]);
  });

  it("reads a cursor that is not one of ours (a uuid one, garbage) as the first page", async () => {
    const first = await loadQuantityChanges(h.db, { ownerId, symbol: "BTC/USDT", request: { cursor: null, limit: 3 } });
    const uuidCursor = Buffer.from(JSON.stringify({ at: "2026-11-20 09:00:00+00", id: "0e2c4a6e-3333-4a4a-8a8a-000000000001", dir: "after" })).toString("base64url");
    for (const cursor of [uuidCursor, "garbage"]) {
      expect((await loadQuantityChanges(h.db, { ownerId, symbol: "BTC/USDT", request: { cursor, limit: 3 } })).rows).toEqual(first.rows);
    }
  });

  it("offers the workspace's order symbols, and refuses a missing symbol or one in no symbol's format, naming symbol", async () => {
    expect(await loadOrderSymbols(h.db, { ownerId })).toEqual(["BTC/USDT", "ETH/USDT", "SOL/USDT"]);
    const fields = (q: string) => {
      const r = parseQuantityChangeQuery(new URLSearchParams(q));
      return r.success ? [] : r.error.issues.map((i) => i.path.join("."));
    };
    expect(fields("")).toEqual(["symbol"]);
    expect(fields("symbol=%3Cscript%3E")).toEqual(["symbol"]);
    expect(fields(`symbol=${"A".repeat(65)}`)).toEqual(["symbol"]);
    for (const ok of ["BTC/USDT", "BTC/USDT:USDT", "BRK B", "M&M", "AAPL"]) expect(fields(`symbol=${encodeURIComponent(ok)}&cursor=x&limit=25`)).toEqual([]);
  });
});
