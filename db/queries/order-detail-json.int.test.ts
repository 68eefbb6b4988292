import { randomBytes } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { driverOf, type DbHandle } from "@/db/client";
import { createConnection } from "@/db/queries/connections";
import { NotFoundError } from "@/db/queries/not-found";
import { createWorkspace, ensurePersonalWorkspace } from "@/db/queries/workspaces";
import { orders } from "@/db/schema";
import { executeRows } from "@/db/execute-rows";
import { openTestDb } from "@/db/testing";
import { syncConnection } from "@/lib/sync/sync-connection";
import { readOrderDetailRows } from "./order-detail";
import { readOrderDetailJson } from "./order-detail-json";
import { readOrderDetail } from "./order-detail-read";

/**
 * The order page's JSON read (PGlite's, order-detail-json.ts) gives exactly what the row read
 * gives, on both drivers: an order of a real sync with events and fills written beside it that
 * carry what a JSON number or a string-parsed instant could change — numerics with 18 and 24
 * digits, trailing zeros, negatives, nulls; instants with microseconds (kept to the
 * millisecond, truncated, by both); raw payloads with nested values.
 */
let h: DbHandle;
let ownerId: string;
let otherOwnerId: string;
let order: typeof orders.$inferSelect;

const hex = () => randomBytes(32).toString("hex");
const events: Array<[at: string, before: string | null, after: string, filledBefore: string | null, filledAfter: string, raw: unknown]> = [
  ["2026-11-20T10:00:00.123999Z", null, "0.123456789012345678", null, "0", { a: [1, "x", null], nested: { price: "65000.1" } }],
  ["2026-11-20T10:00:00.123001Z", "0.123456789012345678", "123456789012345678901234.000000000000000001", "0", "0.000000000000000001", null],
  ["2026-11-20T10:00:01.999999Z", "123456789012345678901234.000000000000000001", "1.50000", "0.000000000000000001", "-0.10", { n: 12.5 }],
  ["1969-12-31T23:59:59.999999Z", "1.50000", "2", "-0.10", "2", {}],
];

beforeAll(async () => {
  h = await openTestDb();
  ownerId = (await ensurePersonalWorkspace(h.db)).id;
  otherOwnerId = (await createWorkspace(h.db, { name: "Other", slug: "other" })).id;
  const c = await createConnection(h.db, { ownerId, provider: "demo", label: "Demo", config: { seed: "json" } });
  await syncConnection(h.db, { ownerId, connectionId: c.id, trigger: "manual", now: () => new Date("2026-11-20T10:00:00Z") });
  const [first] = await h.db.select().from(orders).where(eq(orders.ownerId, ownerId)).orderBy(orders.id).limit(1);
  order = first!;
  const o = order;
  for (const [at, before, after, fb, fa, raw] of events) {
    await h.db.execute(sql`insert into order_events (owner_id, account_id, order_id, venue_order_id, symbol, type, status_before, status_after,
        quantity_before, quantity_after, filled_before, filled_after, occurred_at, sync_batch_id, raw, prev_hash, hash)
      values (${o.ownerId}::uuid, ${o.accountId}::uuid, ${o.id}::uuid, ${o.venueOrderId}, ${o.symbol}, 'QUANTITY_ADDED', 'open', 'open',
        ${before}::numeric, ${after}::numeric, ${fb}::numeric, ${fa}::numeric, ${at}::timestamptz, ${o.lastSyncBatchId}::uuid,
        ${raw === null ? null : JSON.stringify(raw)}::jsonb, ${hex()}, ${hex()})`);
  }
  for (const [i, [at, , after, , fa, raw]] of events.entries()) {
    await h.db.execute(sql`insert into fills (owner_id, account_id, venue_fill_id, venue_order_id, client_order_id, strategy, symbol, side,
        price, quantity, fee, fee_currency, liquidity, executed_at, sync_batch_id, raw)
      values (${o.ownerId}::uuid, ${o.accountId}::uuid, ${`json-${i}`}, ${o.venueOrderId}, null, ${i % 2 ? "arb" : null}, ${o.symbol}, 'buy',
        ${after}::numeric, ${fa}::numeric, ${"0.000000000000000001"}::numeric, 'USDT', ${i % 2 ? "maker" : null}, ${at}::timestamptz,
        ${o.lastSyncBatchId}::uuid, ${raw === null ? null : JSON.stringify(raw)}::jsonb)`);
  }
});
afterAll(async () => h?.close());

describe("the order detail's JSON read", () => {
  for (const withRaw of [true, false]) {
    it(`returns the rows the row read returns, value for value (raw payloads ${withRaw ? "read" : "not read"})`, async () => {
      const p = { ownerId, orderId: order.id, withRaw };
      const [rows, json] = [await readOrderDetailRows(h.db, p), await readOrderDetailJson(h.db, p)];
      expect(json).toEqual(rows);
      // Not merely equal to each other: exact money and millisecond instants, in sequence.
      const written = json.events.slice(-events.length);
      expect(written.map((e) => [e.quantityBefore, e.quantityAfter, e.filledBefore, e.filledAfter])).toEqual(events.map(([, b, a, fb, fa]) => [b, a, fb, fa]));
      expect(written.map((e) => e.occurredAt.toISOString())).toEqual(events.map(([at]) => `${at.slice(0, 23)}Z`));
      expect(written.map((e) => e.raw)).toEqual(events.map(([, , , , , raw]) => (withRaw ? raw : null)));
      const fills = json.fills.filter((f) => f.venueFillId.startsWith("json-"));
      expect(fills.map((f) => [f.executedAt.toISOString(), f.price, f.quantity, f.fee])).toEqual(
        [...events].sort(([a], [b]) => a.localeCompare(b)).map(([at, , after, , fa]) => [`${at.slice(0, 23)}Z`, after, fa, "0.000000000000000001"]),
      );
      expect(json.order.raw === null || typeof json.order.raw === "object").toBe(true);
      expect(json.events.map((e) => e.seq)).toEqual([...json.events.map((e) => e.seq)].sort((a, b) => a - b));
    });
  }

  it("refuses another workspace's order as not found, as the row read does", async () => {
    const p = { ownerId: otherOwnerId, orderId: order.id, withRaw: true };
    await expect(readOrderDetailRows(h.db, p)).rejects.toBeInstanceOf(NotFoundError);
    await expect(readOrderDetailJson(h.db, p)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("gives an order with no events or fills empty lists", async () => {
    const o = order;
    const [bare] = await executeRows<{ id: string }>(h.db, sql`insert into orders (owner_id, account_id, venue_order_id, symbol, side, type, status, quantity, filled_quantity,
        venue_created_at, venue_updated_at, last_sync_batch_id)
      values (${o.ownerId}::uuid, ${o.accountId}::uuid, 'json-bare', ${o.symbol}, 'buy', 'limit', 'open', '0.5', '0',
        '2026-11-20T10:00:00.5Z', '2026-11-20T10:00:00.5Z', ${o.lastSyncBatchId}::uuid) returning id::text as id`);
    const p = { ownerId, orderId: bare!.id, withRaw: true };
    const json = await readOrderDetailJson(h.db, p);
    expect(json.events).toEqual([]);
    expect(json.fills).toEqual([]);
    expect(json).toEqual(await readOrderDetailRows(h.db, p));
  });

  it("is the read the order page makes on PGlite; PostgreSQL reads rows", async () => {
    const p = { ownerId, orderId: order.id, withRaw: false };
    expect(await readOrderDetail(h.db, p)).toEqual(await readOrderDetailRows(h.db, p));
    expect(driverOf(h.db)).toBe(process.env.TEST_DB_DRIVER === "postgres" ? "postgres" : "pglite");
  });
});
