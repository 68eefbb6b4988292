import { count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { createConnection } from "@/db/queries/connections";
import { ensurePersonalWorkspace } from "@/db/queries/workspaces";
import { orderEvents, portfolioSnapshots, syncBatches } from "@/db/schema";
import { openTestDb } from "@/db/testing";
import { verifyOrderEventChains } from "@/lib/audit/verify-chain";
import { startSync, syncConnection } from "./sync-connection";
import { dataCounts, demoAt, offline, secondHandle } from "./test-support";

const T1 = new Date("2026-11-20T10:00:00Z");
const T2 = new Date("2026-11-20T13:00:00Z");

let h: DbHandle;
let other: DbHandle;
let ownerId: string;

beforeAll(async () => {
  h = await openTestDb();
  other = await secondHandle(h);
  ownerId = (await ensurePersonalWorkspace(h.db)).id;
});
afterAll(async () => {
  await other?.close();
  await h?.close();
});

const newConnection = async (seed: string) =>
  (await createConnection(h.db, { ownerId, provider: "demo", label: seed, config: { seed } })).id;
const batchesOf = async (connectionId: string) =>
  (await h.db.select({ n: count() }).from(syncBatches).where(eq(syncBatches.connectionId, connectionId)))[0]!.n;

/** No order event appears twice: the same order, step and resulting state. */
async function duplicateEvents(): Promise<number> {
  const [row] = await h.db
    .select({ n: count() })
    .from(
      h.db
        .select({ n: sql`count(*)`.as("n") })
        .from(orderEvents)
        .groupBy(orderEvents.orderId, orderEvents.type, orderEvents.statusAfter, orderEvents.quantityAfter, orderEvents.filledAfter)
        .having(sql`count(*) > 1`)
        .as("dupes"),
    );
  return row!.n;
}

describe("one run per connection at a time", () => {
  it("two requests in one process while a run is in progress share one run: one batch, same id, the second marked coalesced", async () => {
    const connectionId = await newConnection("coalesce");
    const opts = { ownerId, connectionId, trigger: "manual" as const, now: () => T1, connector: demoAt(T1, {}, "coalesce"), ...offline };
    const [a, b] = await Promise.all([startSync(h.db, opts), startSync(h.db, opts)]);
    expect(b.batchId).toBe(a.batchId);
    expect([a.coalesced, b.coalesced]).toEqual([false, true]);
    const [ra, rb] = await Promise.all([a.done, b.done]);
    expect(rb).toBe(ra);
    expect(await batchesOf(connectionId)).toBe(1);
    // Once it ended, the next request starts a run of its own.
    const next = await syncConnection(h.db, opts);
    expect(next.batchId).not.toBe(a.batchId);
    expect(await batchesOf(connectionId)).toBe(2);
  });

  it(`two handles (two writers, ${process.env.TEST_DB_DRIVER === "postgres" ? "two PostgreSQL pools" : "one PGlite"}) syncing at once are serialised by the advisory lock: each order placed once, fills unique, one snapshot, chain intact`, async () => {
    const connectionId = await newConnection("sync-test");
    const before = await dataCounts(h.db);
    // Both runs finish reading the venue before either writes, so their transactions
    // really start together; only the lock can then keep their diffs apart.
    const bothRead = () => {
      let arrived = 0;
      let release = () => {};
      const all = new Promise<void>((r) => (release = r));
      return async () => {
        if (++arrived === 2) release();
        await all;
      };
    };
    const sync = (db: DbHandle, at: Date, wait: () => Promise<void>) => {
      const demo = demoAt(at);
      const connector = demoAt(at, {
        fetchQuotes: async (assets: string[]) => {
          const r = await demo.fetchQuotes(assets);
          await wait();
          return r;
        },
      });
      return syncConnection(db.db, { ownerId, connectionId, trigger: "event", now: () => at, connector, ...offline });
    };

    const first = bothRead();
    const [r1, r2] = await Promise.all([sync(h, T1, first), sync(other, T1, first)]);
    expect(r1.batchId).not.toBe(r2.batchId);
    expect([r1.status, r2.status]).toEqual(["succeeded", "succeeded"]);
    const afterT1 = await dataCounts(h.db);
    // Which run commits first is up to the lock (it varies on PostgreSQL): pin the sums.
    const placed = r1.counts.ordersNew + r2.counts.ordersNew;
    expect(placed).toBe(169);
    expect(r1.counts.fills + r2.counts.fills).toBe(319);
    // Whichever committed second found every order already stored.
    expect(Math.min(r1.counts.ordersNew, r2.counts.ordersNew)).toBe(0);
    expect(afterT1.orders - before.orders).toBe(placed);
    expect(afterT1.orderEvents - before.orderEvents).toBe(placed);
    expect(afterT1.fills - before.fills).toBe(r1.counts.fills + r2.counts.fills);
    expect(Math.min(r1.counts.fills, r2.counts.fills)).toBe(0);
    expect(afterT1.snapshots - before.snapshots).toBe(1);

    const second = bothRead();
    const [s1, s2] = await Promise.all([sync(h, T2, second), sync(other, T2, second)]);
    const afterT2 = await dataCounts(h.db);
    expect(afterT2.orderEvents - afterT1.orderEvents).toBe(s1.counts.orderEvents + s2.counts.orderEvents);
    expect(Math.min(s1.counts.orderEvents, s2.counts.orderEvents)).toBe(0);
    expect(Math.max(s1.counts.orderEvents, s2.counts.orderEvents)).toBe(6);
    expect(afterT2.fills - afterT1.fills).toBe(7);
    expect(await duplicateEvents()).toBe(0);
    expect((await verifyOrderEventChains(h.db, { allWorkspaces: true })).broken).toBeNull();
  });

  it("a run waits, without writing, while another writer holds the connection's advisory lock, and commits once it is released", async () => {
    const connectionId = await newConnection("held");
    let result: Promise<Awaited<ReturnType<typeof syncConnection>>> | undefined;
    await other.db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${connectionId}))`);
      result = syncConnection(h.db, { ownerId, connectionId, trigger: "manual", now: () => T1, connector: demoAt(T1, {}, "held"), ...offline });
      // Long enough for the run to read the venue and reach its transaction (a few hundred ms).
      await new Promise((r) => setTimeout(r, 1_500));
      const [batch] = await tx.select().from(syncBatches).where(eq(syncBatches.connectionId, connectionId));
      // PostgreSQL: the run has read the venue and waits at the lock, its batch "running".
      // PGlite has one session: the run cannot issue a statement (not even its batch row)
      // until this transaction ends.
      expect(batch?.status ?? "no batch yet").toBe(h.driver === "postgres" ? "running" : "no batch yet");
      expect((await tx.select({ n: count() }).from(portfolioSnapshots).where(eq(portfolioSnapshots.connectionId, connectionId)))[0]!.n).toBe(0);
    });
    const r = await result!;
    expect(r.status).toBe("succeeded");
    expect((await h.db.select({ n: count() }).from(portfolioSnapshots).where(eq(portfolioSnapshots.connectionId, connectionId)))[0]!.n).toBe(1);
  });
});
