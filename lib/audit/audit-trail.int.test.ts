import { eq, sql, TransactionRollbackError } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { createConnection } from "@/db/queries/connections";
import { ensurePersonalWorkspace } from "@/db/queries/workspaces";
import { orderEvents } from "@/db/schema";
import { openTestDb } from "@/db/testing";
import { syncConnection } from "@/lib/sync/sync-connection";
import { GENESIS_HASH } from "./event-hash";
import { verifyOrderEventChains } from "./verify-chain";

let h: DbHandle;
let ownerId: string;

/** Runs `statement` with the append-only trigger off, as a DBA with table rights could. */
async function tamper(statement: ReturnType<typeof sql>) {
  await h.db.execute(sql`alter table order_events disable trigger order_events_append_only`);
  try {
    await h.db.execute(statement);
  } finally {
    await h.db.execute(sql`alter table order_events enable trigger order_events_append_only`);
  }
}

/** The database's own message (drizzle wraps it as the cause of "Failed query"). */
async function refusal(statement: ReturnType<typeof sql>): Promise<string> {
  const e = await h.db.execute(statement).then(
    () => null,
    (err: unknown) => err,
  );
  if (!(e instanceof Error)) throw new Error("the statement was not refused");
  return e.cause instanceof Error ? e.cause.message : e.message;
}

/**
 * Runs `statement` in a transaction that names `workspaceId` as being deleted (as
 * deleteWorkspace does), then rolls it back: its count of rows `n`, or the database's refusal.
 */
async function inDeletionOf(workspaceId: string, statement: ReturnType<typeof sql>): Promise<number> {
  let n = -1;
  try {
    await h.db.transaction(async (tx) => {
      await tx.execute(sql`select set_config('venuefolio.deleting_workspace', ${workspaceId}, true)`);
      const r = (await tx.execute(statement)) as unknown;
      const rows = (Array.isArray(r) ? r : (r as { rows: unknown[] }).rows) as { n?: number }[];
      n = rows[0]?.n ?? rows.length;
      tx.rollback();
    });
  } catch (e) {
    if (e instanceof TransactionRollbackError) return n;
    throw new Error(e instanceof Error && e.cause instanceof Error ? e.cause.message : String(e));
  }
  throw new Error("the transaction was not rolled back");
}

beforeAll(async () => {
  h = await openTestDb();
  ownerId = (await ensurePersonalWorkspace(h.db)).id;
  const { id } = await createConnection(h.db, { ownerId, provider: "demo", label: "Demo", config: { seed: "audit" } });
  await syncConnection(h.db, { ownerId, connectionId: id, trigger: "manual", now: () => new Date("2026-11-20T10:00:00Z") });
  await syncConnection(h.db, { ownerId, connectionId: id, trigger: "manual", now: () => new Date("2026-11-20T14:00:00Z") });
});
afterAll(async () => h?.close());

describe("the audit trail is append-only in the database itself", () => {
  it("UPDATE, DELETE and TRUNCATE of order_events are refused", async () => {
    expect(await refusal(sql`update order_events set symbol = 'X'`)).toBe("order_events is append-only: UPDATE refused");
    expect(await refusal(sql`delete from order_events`)).toBe("order_events is append-only: DELETE refused");
    expect(await refusal(sql`truncate order_events cascade`)).toBe("order_events is append-only: TRUNCATE refused");
  });

  it("UPDATE and DELETE of fills are refused", async () => {
    expect(await refusal(sql`update fills set price = 1`)).toBe("fills is append-only: UPDATE refused");
    expect(await refusal(sql`delete from fills`)).toBe("fills is append-only: DELETE refused");
  });

  it("a workspace deletion opens DELETE only for the workspace it names, in its own transaction", async () => {
    const [{ ownerId }] = (await h.db.select({ ownerId: orderEvents.ownerId }).from(orderEvents).limit(1)) as [{ ownerId: string }];
    const other = "00000000-0000-4000-8000-00000000beef";
    // Named: its events and fills can be deleted (rolled back here, so the chain tests below keep their data).
    expect(await inDeletionOf(ownerId, sql`with d as (delete from order_events returning 1) select count(*)::int as n from d`)).toBe(174);
    expect(await inDeletionOf(ownerId, sql`with d as (delete from fills returning 1) select count(*)::int as n from d`)).toBeGreaterThan(0);
    // Another workspace named: these rows stay refused.
    await expect(inDeletionOf(other, sql`delete from order_events`)).rejects.toThrow("order_events is append-only: DELETE refused");
    await expect(inDeletionOf(other, sql`delete from fills`)).rejects.toThrow("fills is append-only: DELETE refused");
    // Even the named workspace's rows cannot be rewritten or truncated.
    await expect(inDeletionOf(ownerId, sql`update fills set price = 1`)).rejects.toThrow("fills is append-only: UPDATE refused");
    await expect(inDeletionOf(ownerId, sql`truncate fills cascade`)).rejects.toThrow("fills is append-only: TRUNCATE refused");
    // The setting lasts only for its transaction.
    await h.db.execute(sql`select set_config('venuefolio.deleting_workspace', ${ownerId}, true)`);
    expect(await refusal(sql`delete from fills`)).toBe("fills is append-only: DELETE refused");
  });
});

describe("the order-event hash chain", () => {
  it("two syncs build one intact chain per account, starting at the genesis link", async () => {
    const report = await verifyOrderEventChains(h.db, { allWorkspaces: true });
    expect(report.broken).toBeNull();
    expect(report.events).toBe(174);
    const first = await h.db.select().from(orderEvents).orderBy(orderEvents.seq).limit(1);
    expect(first[0]!.prevHash).toBe(GENESIS_HASH);
  });

  it("a workspace's check walks only that workspace's accounts", async () => {
    expect(await verifyOrderEventChains(h.db, { ownerId })).toMatchObject({ events: 174, broken: null });
    const elsewhere = await verifyOrderEventChains(h.db, { ownerId: "00000000-0000-4000-8000-000000000000" });
    expect(elsewhere).toEqual({ accounts: 0, events: 0, broken: null });
  });

  it("an event can never claim a predecessor another already claims (no forks)", async () => {
    const [e] = await h.db.select().from(orderEvents).orderBy(orderEvents.seq).limit(1);
    const { seq: _seq, recordedAt: _at, ...copy } = e!;
    await expect(h.db.insert(orderEvents).values({ ...copy, hash: "f".repeat(64) })).rejects.toThrow();
  });

  it("an edited quantity is caught at that event", async () => {
    const [victim] = await h.db.select().from(orderEvents).orderBy(orderEvents.seq).offset(40).limit(1);
    await tamper(sql`update order_events set filled_after = filled_after + 1 where seq = ${victim!.seq}`);
    const report = await verifyOrderEventChains(h.db, { allWorkspaces: true });
    expect(report.broken).toMatchObject({ seq: victim!.seq, reason: "edited", accountId: victim!.accountId });
    // Put it back so the next case starts intact.
    await tamper(sql`update order_events set filled_after = ${victim!.filledAfter} where seq = ${victim!.seq}`);
    expect((await verifyOrderEventChains(h.db, { allWorkspaces: true })).broken).toBeNull();
  });

  it("a deleted event is caught at its successor", async () => {
    const rows = await h.db.select().from(orderEvents).where(eq(orderEvents.accountId, (await h.db.select().from(orderEvents).limit(1))[0]!.accountId)).orderBy(orderEvents.seq);
    const victim = rows[10]!;
    const successor = rows.find((r) => r.prevHash === victim.hash)!;
    await tamper(sql`delete from order_events where seq = ${victim.seq}`);
    const report = await verifyOrderEventChains(h.db, { allWorkspaces: true });
    expect(report.broken).toMatchObject({ seq: successor.seq, reason: "predecessor_missing" });
  });
});
