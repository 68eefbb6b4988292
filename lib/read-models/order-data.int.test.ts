import { and, asc, desc, eq, gt, lte, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { createConnection } from "@/db/queries/connections";
import { readCheckpoint, saveCheckpoint } from "@/db/queries/audit-checkpoints";
import { NotFoundError } from "@/db/queries/not-found";
import { createWorkspace, ensurePersonalWorkspace } from "@/db/queries/workspaces";
import { connections, orderEvents, orders, syncBatches, tradingAccounts } from "@/db/schema";
import { openTestDb } from "@/db/testing";
import { strategyFromClientOrderId } from "@/lib/attribution/strategy-tags";
import { rewalkAccount } from "@/lib/audit/checkpoint";
import { verifyThroughEvent } from "@/lib/audit/verify-through";
import { sum, toDecimalString } from "@/lib/money/decimal";
import { syncConnection } from "@/lib/sync/sync-connection";
import type { KeysetPageRequest } from "./keyset-page";
import { loadOrderDetail, loadOrderPage, parseOrderFilters, type OrderFilters } from "./order-data";
import type { OrderView } from "./order-schemas";

let h: DbHandle;
let ownerId: string;
let otherOwnerId: string;
let connectionId: string;
const TZ = "Asia/Kolkata";

beforeAll(async () => {
  h = await openTestDb();
  ownerId = (await ensurePersonalWorkspace(h.db)).id;
  otherOwnerId = (await createWorkspace(h.db, { name: "Other", slug: "other" })).id;
  connectionId = (await createConnection(h.db, { ownerId, provider: "demo", label: "Demo", config: { seed: "orders" } })).id;
  const theirs = await createConnection(h.db, { ownerId: otherOwnerId, provider: "demo", label: "Theirs", config: { seed: "theirs" } });
  for (const at of ["2026-11-20T10:00:00Z", "2026-11-20T14:00:00Z"]) {
    await syncConnection(h.db, { ownerId, connectionId, trigger: "manual", now: () => new Date(at) });
  }
  await syncConnection(h.db, { ownerId: otherOwnerId, connectionId: theirs.id, trigger: "manual", now: () => new Date("2026-11-20T10:00:00Z") });
});
afterAll(async () => h?.close());

const request = (limit: number, cursor: string | null = null): KeysetPageRequest => ({ cursor, limit, sort: null, filters: {} });

/** Every page, following Next from the first. */
async function walk(filters: OrderFilters, limit = 25, owner = ownerId): Promise<{ rows: OrderView[]; pages: number }> {
  const rows: OrderView[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const page = await loadOrderPage(h.db, { ownerId: owner, timeZone: TZ, request: request(limit, cursor), filters });
    rows.push(...page.rows);
    cursor = page.nextCursor;
    pages++;
  } while (cursor);
  return { rows, pages };
}

/** The workspace's orders, newest placed first, read plainly: what every listing is checked against. */
async function allOrders(owner = ownerId) {
  return h.db.select().from(orders).where(eq(orders.ownerId, owner)).orderBy(desc(orders.venueCreatedAt), desc(orders.id));
}

describe("the orders list", () => {
  it("walks every order of the workspace newest placed first in pages of 25, each once, and back again from the last page", async () => {
    const expected = (await allOrders()).map((o) => o.id);
    expect(expected.length).toBeGreaterThan(100);
    const { rows, pages } = await walk({});
    expect(rows.map((r) => r.id)).toEqual(expected);
    expect(pages).toBe(Math.ceil(expected.length / 25));

    // From the last page back to the first by Previous: the same pages, in reverse.
    let page = await loadOrderPage(h.db, { ownerId, timeZone: TZ, request: request(25), filters: {} });
    const forward: string[][] = [page.rows.map((r) => r.id)];
    while (page.nextCursor) {
      page = await loadOrderPage(h.db, { ownerId, timeZone: TZ, request: request(25, page.nextCursor), filters: {} });
      forward.push(page.rows.map((r) => r.id));
    }
    const backward: string[][] = [page.rows.map((r) => r.id)];
    while (page.prevCursor) {
      page = await loadOrderPage(h.db, { ownerId, timeZone: TZ, request: request(25, page.prevCursor), filters: {} });
      backward.unshift(page.rows.map((r) => r.id));
    }
    expect(backward).toEqual(forward);
  });

  it("lists only the workspace's own orders: none of the other workspace's, and it sees only its own", async () => {
    const mine = new Set((await walk({})).rows.map((r) => r.id));
    const theirs = (await walk({}, 50, otherOwnerId)).rows.map((r) => r.id);
    expect(theirs.length).toBe((await allOrders(otherOwnerId)).length);
    expect(theirs.length).toBeGreaterThan(0);
    for (const id of theirs) expect(mine.has(id)).toBe(false);
  });

  it("shows each order's current state: money as decimal strings, the strategy its client order id carries", async () => {
    const [first] = (await loadOrderPage(h.db, { ownerId, timeZone: TZ, request: request(1), filters: {} })).rows;
    const [row] = await allOrders();
    expect(first).toMatchObject({ id: row!.id, symbol: row!.symbol, side: row!.side, status: row!.status, quantity: row!.quantity, filledQuantity: row!.filledQuantity });
    expect(first!.strategy).toBe(strategyFromClientOrderId(row!.clientOrderId, "demo"));
    expect(first!.strategy).toMatch(/^mm-(btc|eth|sol)$/);
  });

  const cases: Array<[string, () => Promise<OrderFilters>, (o: typeof orders.$inferSelect) => boolean]> = [
    ["connection", async () => ({ connection: connectionId }), () => true],
    ["account", async () => ({ account: (await allOrders())[0]!.accountId }), () => true],
    ["symbol ETH/USDT", async () => ({ symbol: "ETH/USDT" }), (o) => o.symbol === "ETH/USDT"],
    ["side sell", async () => ({ side: "sell" }), (o) => o.side === "sell"],
    ["status cancelled", async () => ({ status: "cancelled" }), (o) => o.status === "cancelled"],
    ["status filled", async () => ({ status: "filled" }), (o) => o.status === "filled"],
    ["strategy mm-sol", async () => ({ strategy: "mm-sol" }), (o) => strategyFromClientOrderId(o.clientOrderId, "demo") === "mm-sol"],
    // 2026-11-16 and -17 in Asia/Kolkata: [2026-11-15T18:30Z, 2026-11-17T18:30Z).
    [
      "placed 2026-11-16 to 2026-11-17 (Kolkata days)",
      async () => ({ from: "2026-11-16", to: "2026-11-17" }),
      (o) => o.venueCreatedAt >= new Date("2026-11-15T18:30:00Z") && o.venueCreatedAt < new Date("2026-11-17T18:30:00Z"),
    ],
  ];
  it.each(cases)("filter %s: exactly the orders that match, in pages of 10", async (_name, filters, keep) => {
    const all = await allOrders();
    const expected = all.filter(keep).map((o) => o.id);
    expect(expected.length).toBeGreaterThan(0);
    if (!["connection", "account"].includes(_name)) expect(expected.length).toBeLessThan(all.length);
    expect((await walk(await filters(), 10)).rows.map((r) => r.id)).toEqual(expected);
  });

  it("finds one order by its venue order id, or by its client order id, exactly", async () => {
    const target = (await allOrders())[3]!;
    expect((await walk({ find: target.venueOrderId })).rows.map((r) => r.id)).toEqual([target.id]);
    expect((await walk({ find: target.clientOrderId! })).rows.map((r) => r.id)).toEqual([target.id]);
    expect((await walk({ find: target.venueOrderId.slice(0, -1) })).rows).toEqual([]);
  });

  it("combines filters: status filled and symbol BTC/USDT and side buy", async () => {
    const expected = (await allOrders()).filter((o) => o.status === "filled" && o.symbol === "BTC/USDT" && o.side === "buy").map((o) => o.id);
    expect(expected.length).toBeGreaterThan(0);
    expect((await walk({ status: "filled", symbol: "BTC/USDT", side: "buy" })).rows.map((r) => r.id)).toEqual(expected);
  });

  it("filters by strategy by each venue's own rule: an OKX-shaped id counts on OKX only, a colon-shaped one everywhere else; untagged is every order with no tag", async () => {
    const shapes = (await createWorkspace(h.db, { name: "Shapes", slug: "shapes" })).id;
    const at = new Date("2026-11-20T10:00:00Z");
    const ids: Record<string, string> = {};
    for (const provider of ["okx", "binance"]) {
      const [c] = await h.db.insert(connections).values({ ownerId: shapes, provider, label: provider, config: {} }).returning();
      const [a] = await h.db.insert(tradingAccounts).values({ ownerId: shapes, connectionId: c!.id, accountUid: "main", name: "main", venue: provider, kind: "spot" }).returning();
      const [b] = await h.db.insert(syncBatches).values({ ownerId: shapes, connectionId: c!.id, trigger: "manual", status: "succeeded", startedAt: at }).returning();
      for (const clientOrderId of ["arbX9a", "arb:9a", "untagged:1", "arbx9a"]) {
        const [o] = await h.db
          .insert(orders)
          .values({ ownerId: shapes, accountId: a!.id, venueOrderId: `${provider}-${clientOrderId}`, clientOrderId, symbol: "BTC/USDT", side: "buy", type: "limit", status: "open", quantity: "1", filledQuantity: "0", venueCreatedAt: at, venueUpdatedAt: at, lastSyncBatchId: b!.id })
          .returning();
        ids[`${provider} ${clientOrderId}`] = o!.id;
      }
    }
    const arb = (await walk({ strategy: "arb" }, 25, shapes)).rows.map((r) => r.id).sort();
    expect(arb).toEqual([ids["okx arbX9a"], ids["binance arb:9a"]].sort());
    const untagged = (await walk({ strategy: "untagged" }, 25, shapes)).rows.map((r) => r.id).sort();
    const expectedUntagged = Object.entries(ids)
      .filter(([k]) => strategyFromClientOrderId(k.split(" ")[1]!, k.split(" ")[0]!) === null)
      .map(([, id]) => id)
      .sort();
    expect(expectedUntagged).toHaveLength(6);
    expect(untagged).toEqual(expectedUntagged);
  });

  it("refuses a filter value that is not allowed, naming the field", () => {
    const fields = (q: string) => {
      const r = parseOrderFilters(new URLSearchParams(q));
      return r.success ? [] : r.error.issues.map((i) => i.path.join("."));
    };
    expect(fields("status=done")).toEqual(["status"]);
    expect(fields("side=long")).toEqual(["side"]);
    expect(fields("connection=abc")).toEqual(["connection"]);
    expect(fields("from=2026-13-40")).toEqual(["from"]);
    expect(fields("strategy=mm btc")).toEqual(["strategy"]);
    expect(fields("symbol=BTC%00USDT")).toEqual(["symbol"]);
    expect(fields("find=abc%0A")).toEqual([]);
    expect(fields("find=a%00b")).toEqual(["find"]);
    expect(fields("from=2026-11-20&to=2026-11-19")).toEqual(["to"]);
    expect(fields("status=partially_filled&cursor=xyz&limit=25&sort=placedAt.desc")).toEqual([]);
  });
});

describe("one order", () => {
  /** Edits an event's content as a tamperer would: with the append-only trigger off (in this test only). */
  async function editBehindTrigger(seq: number) {
    await h.db.execute(sql`alter table order_events disable trigger order_events_append_only`);
    try {
      await h.db.update(orderEvents).set({ filledAfter: "999" }).where(eq(orderEvents.seq, seq));
    } finally {
      await h.db.execute(sql`alter table order_events enable trigger order_events_append_only`);
    }
  }

  /** The demo order with the most events: placed, a fill, then cancelled or filled. */
  async function busiestOrder() {
    const [row] = await h.db
      .select({ orderId: orderEvents.orderId, n: sql<number>`count(*)::int` })
      .from(orderEvents)
      .where(eq(orderEvents.ownerId, ownerId))
      .groupBy(orderEvents.orderId)
      .orderBy(desc(sql`count(*)`), asc(orderEvents.orderId))
      .limit(1);
    return row!;
  }

  it("shows its events in sequence, placed first, each verified on an intact chain, and its fills", async () => {
    const { orderId, n } = await busiestOrder();
    expect(n).toBe(3);
    const detail = await loadOrderDetail(h.db, { ownerId, orderId, admin: false });
    expect(detail.order.id).toBe(orderId);
    expect(detail.events.map((e) => e.type)[0]).toBe("ORDER_PLACED");
    expect(detail.events).toHaveLength(3);
    const seqs = detail.events.map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(detail.events.every((e) => e.verified)).toBe(true);
    expect(detail.chain.broken).toBeNull();
    expect(detail.events[0]!.statusBefore).toBeNull();
    expect(detail.events[2]!.statusAfter).toBe(detail.order.status);
    expect(detail.fills.length).toBeGreaterThan(0);
    // Exactly, in decimals: the fills add up to the order's filled quantity.
    expect(toDecimalString(sum(detail.fills.map((f) => f.quantity)))).toBe(toDecimalString(detail.order.filledQuantity));
    // Raw payloads are for admins only.
    expect(detail.raw).toBeNull();
    expect(detail.events.every((e) => e.raw === null)).toBe(true);
  });

  it("gives an admin the raw payloads, pretty-printed", async () => {
    const { orderId } = await busiestOrder();
    const detail = await loadOrderDetail(h.db, { ownerId, orderId, admin: true });
    const shown = [detail.raw, ...detail.events.map((e) => e.raw), ...detail.fills.map((f) => f.raw)].filter((r) => r !== null);
    expect(shown.length).toBeGreaterThan(0);
    for (const r of shown) expect(r).toBe(JSON.stringify(JSON.parse(r!), null, 2));
  });

  it("is not found in another workspace, nor for an id that names no order", async () => {
    const { orderId } = await busiestOrder();
    await expect(loadOrderDetail(h.db, { ownerId: otherOwnerId, orderId, admin: true })).rejects.toBeInstanceOf(NotFoundError);
    await expect(loadOrderDetail(h.db, { ownerId, orderId: "00000000-0000-4000-8000-000000000000", admin: true })).rejects.toBeInstanceOf(NotFoundError);
  });

  it("verifies from the account's checkpoint: an order at or before it is marked verified with no event read or hashed", async () => {
    const { orderId } = await busiestOrder();
    const events = await h.db.select().from(orderEvents).where(eq(orderEvents.orderId, orderId)).orderBy(asc(orderEvents.seq));
    const accountId = events[0]!.accountId;
    const cp = await readCheckpoint(h.db, { ownerId, accountId });
    // Every sync checked the account, so its checkpoint is at its head.
    expect(cp?.status).toBe("ok");
    expect(cp!.lastSeq!).toBeGreaterThanOrEqual(events.at(-1)!.seq);
    const through = await verifyThroughEvent(h.db, { ownerId, accountId, seq: events.at(-1)!.seq });
    expect(through).toMatchObject({ broken: null, read: 0, hashed: 0 });
    const detail = await loadOrderDetail(h.db, { ownerId, orderId, admin: false });
    expect(detail.events.every((e) => e.verified)).toBe(true);
    expect(detail.chain).toMatchObject({ checkedEvents: 0, checkpoint: { lastSeq: cp!.lastSeq }, broken: null });
  });

  it("hashes only the events after the checkpoint: one edited there is not verified, nor any later one; those before are", async () => {
    const { orderId } = await busiestOrder();
    const events = await h.db.select().from(orderEvents).where(eq(orderEvents.orderId, orderId)).orderBy(asc(orderEvents.seq));
    const accountId = events[0]!.accountId;
    const [first, edited] = [events[0]!, events[1]!];
    // The checkpoint an incremental check would have left just after the order's first event.
    const [{ n }] = (await h.db
      .select({ n: sql<number>`count(*)::int` })
      .from(orderEvents)
      .where(and(eq(orderEvents.accountId, accountId), lte(orderEvents.seq, first.seq)))) as [{ n: number }];
    await saveCheckpoint(h.db, {
      accountId,
      ownerId,
      lastSeq: first.seq,
      headHash: first.hash,
      eventsVerified: n,
      status: "ok",
      brokenAtSeq: null,
      brokenReason: null,
      brokenDetail: null,
      checkedAt: new Date("2026-11-20T14:05:00Z"),
    });
    const intact = await verifyThroughEvent(h.db, { ownerId, accountId, seq: events.at(-1)!.seq });
    const between = await h.db
      .select({ seq: orderEvents.seq })
      .from(orderEvents)
      .where(and(eq(orderEvents.accountId, accountId), gt(orderEvents.seq, first.seq), lte(orderEvents.seq, events.at(-1)!.seq)));
    // Read and hashed: exactly the account's events between the checkpoint and the order's last.
    expect(intact).toMatchObject({ broken: null, verifiedThroughSeq: events.at(-1)!.seq, read: between.length, hashed: between.length });

    await editBehindTrigger(edited.seq);
    const detail = await loadOrderDetail(h.db, { ownerId, orderId, admin: false });
    expect(detail.chain.broken).toMatchObject({ seq: edited.seq, reason: "edited" });
    expect(detail.events.map((e) => e.verified)).toEqual([true, false, false]);
    expect(detail.chain.checkedEvents).toBeLessThanOrEqual(between.length);
  });

  it("an edit before the checkpoint stands until the full re-walk records the break; then it and every later event are not verified", async () => {
    const { orderId } = await busiestOrder();
    const events = await h.db.select().from(orderEvents).where(eq(orderEvents.orderId, orderId)).orderBy(asc(orderEvents.seq));
    const accountId = events[0]!.accountId;
    const edited = events[1]!; // edited by the test before
    // An incremental check after a sync would have left the checkpoint past the edit (it never looks back).
    const head = (await h.db.select().from(orderEvents).where(eq(orderEvents.accountId, accountId)).orderBy(desc(orderEvents.seq)).limit(1))[0]!;
    const cp = (await readCheckpoint(h.db, { ownerId, accountId }))!;
    await saveCheckpoint(h.db, { ...cp, lastSeq: head.seq, headHash: head.hash });
    const trusted = await loadOrderDetail(h.db, { ownerId, orderId, admin: false });
    expect(trusted.events.every((e) => e.verified)).toBe(true);
    expect(trusted.chain.checkedEvents).toBe(0);

    const walked = await rewalkAccount(h.db, { ownerId, accountId, at: new Date("2026-11-21T03:30:00Z") });
    expect(walked.broken).toMatchObject({ seq: edited.seq, reason: "edited" });
    const detail = await loadOrderDetail(h.db, { ownerId, orderId, admin: false });
    expect(detail.chain.broken).toMatchObject({ seq: edited.seq, reason: "edited" });
    expect(detail.events.map((e) => e.verified)).toEqual([true, false, false]);
    expect(detail.chain.checkedEvents).toBe(0);
  });
});
