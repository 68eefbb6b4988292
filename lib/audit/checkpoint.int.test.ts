import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { listAlerts } from "@/db/queries/alerts";
import { readCheckpoint } from "@/db/queries/audit-checkpoints";
import { createConnection } from "@/db/queries/connections";
import { createWorkspace, ensurePersonalWorkspace } from "@/db/queries/workspaces";
import { auditCheckpoints, orderEvents, tradingAccounts } from "@/db/schema";
import { openTestDb } from "@/db/testing";
import { syncConnection } from "@/lib/sync/sync-connection";
import { demoAt, offline } from "@/lib/sync/test-support";
import { rewalkAccount, verifyAccountIncremental } from "./checkpoint";
import { rewalkChains } from "./rewalk";
import { verifyAccountNow } from "./verify-now";

const T1 = new Date("2026-11-20T10:00:00Z");
const T2 = new Date("2026-11-20T14:00:00Z");
const T3 = new Date("2026-11-20T18:00:00Z");

let h: DbHandle;
let ownerId: string;
let connectionId: string;

async function tamper(statement: ReturnType<typeof sql>) {
  await h.db.execute(sql`alter table order_events disable trigger order_events_append_only`);
  try {
    await h.db.execute(statement);
  } finally {
    await h.db.execute(sql`alter table order_events enable trigger order_events_append_only`);
  }
}

const sync = (at: Date) => syncConnection(h.db, { ownerId, connectionId, trigger: "manual", now: () => at, connector: demoAt(at, {}, "audit"), ...offline });

async function eventsOf(accountId: string) {
  return h.db.select().from(orderEvents).where(eq(orderEvents.accountId, accountId)).orderBy(orderEvents.seq);
}

/** The account with the most events: where the cases below edit and count. */
async function busiestAccount(): Promise<string> {
  const rows = await h.db
    .select({ accountId: orderEvents.accountId, n: sql<number>`count(*)::int` })
    .from(orderEvents)
    .where(eq(orderEvents.ownerId, ownerId))
    .groupBy(orderEvents.accountId)
    .orderBy(sql`count(*) desc`)
    .limit(1);
  return rows[0]!.accountId;
}

beforeAll(async () => {
  h = await openTestDb();
  ownerId = (await ensurePersonalWorkspace(h.db)).id;
  ({ id: connectionId } = await createConnection(h.db, { ownerId, provider: "demo", label: "Demo", config: { seed: "audit" } }));
});
afterAll(async () => h?.close());

describe("incremental audit checkpoints", () => {
  it("the first sync writes 170 events and verifies all 170 from the genesis link; the checkpoint holds its head", async () => {
    const r = await sync(T1);
    expect(r.counts.orderEvents).toBe(170);
    expect(r.auditedEvents).toBe(170);
    const account = await busiestAccount();
    const events = await eventsOf(account);
    const cp = await readCheckpoint(h.db, { ownerId, accountId: account });
    expect(cp).toMatchObject({ status: "ok", lastSeq: events.at(-1)!.seq, headHash: events.at(-1)!.hash, eventsVerified: events.length, checkedAt: T1 });
  });

  it("a later sync with 4 new events hashes those 4 (checkpoint 170 → 174); an edit of an already-verified event goes unseen until the full re-walk finds it", async () => {
    const account = await busiestAccount();
    const before = (await readCheckpoint(h.db, { ownerId, accountId: account }))!;
    const old = (await eventsOf(account))[0]!;
    await tamper(sql`update order_events set filled_after = filled_after + 1 where seq = ${old.seq}`);

    const r = await sync(T2);
    expect(r.counts.orderEvents).toBe(4);
    // Only the run's new events were hashed, not the whole history.
    expect(r.auditedEvents).toBe(4);
    const events = await eventsOf(account);
    const added = events.filter((e) => e.seq > before.lastSeq!).length;
    expect(added).toBe(4);
    const cp = (await readCheckpoint(h.db, { ownerId, accountId: account }))!;
    expect(cp).toMatchObject({ status: "ok", lastSeq: events.at(-1)!.seq, eventsVerified: 174, checkedAt: T2 });
    // Nothing new: nothing hashed.
    expect((await verifyAccountIncremental(h.db, { ownerId, accountId: account, at: T2 })).hashed).toBe(0);

    // The full re-walk reads the whole chain and finds the edit at that event.
    const report = await rewalkChains(h.db, { ownerId }, { at: T2 });
    expect(report.broken).toMatchObject({ accountId: account, seq: old.seq, reason: "edited" });
    expect(await readCheckpoint(h.db, { ownerId, accountId: account })).toMatchObject({ status: "broken", brokenAtSeq: old.seq, brokenReason: "edited" });
    const alerts = (await listAlerts(h.db, { ownerId })).filter((a) => a.kind === "audit_chain_broken");
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ severity: "critical", subject: account, details: { accountId: account, seq: old.seq, reason: "edited" } });
    expect(alerts[0]!.message).toContain(`broken at event ${old.seq}`);

    // Put back, for the cases below.
    await tamper(sql`update order_events set filled_after = ${old.filledAfter} where seq = ${old.seq}`);
  });

  it("a broken chain stays broken through a sync (7 new events, 0 hashed) and verify-now, until a full re-walk finds all 181 intact", async () => {
    const account = await busiestAccount();
    const lastSeq = (await eventsOf(account)).at(-1)!.seq;
    const r = await sync(T3);
    // The broken account's new events are not hashed: its chain is already known broken.
    const skipped = (await eventsOf(account)).filter((e) => e.seq > lastSeq).length;
    expect([r.counts.orderEvents, skipped, r.auditedEvents]).toEqual([7, 7, 0]);
    expect(await readCheckpoint(h.db, { ownerId, accountId: account })).toMatchObject({ status: "broken", checkedAt: T3 });
    const now = await verifyAccountIncremental(h.db, { ownerId, accountId: account, at: T3 });
    expect(now).toMatchObject({ hashed: 0, newlyBroken: false, checkpoint: { status: "broken" } });

    const intact = await rewalkChains(h.db, { ownerId }, { at: T3 });
    expect(intact.broken).toBeNull();
    const events = await eventsOf(account);
    expect(await readCheckpoint(h.db, { ownerId, accountId: account })).toMatchObject({
      status: "ok",
      brokenAtSeq: null,
      eventsVerified: 181,
      lastSeq: events.at(-1)!.seq,
    });
    const open = (await listAlerts(h.db, { ownerId })).filter((a) => a.kind === "audit_chain_broken");
    expect(open).toHaveLength(0);
  });

  it("verify-now from the genesis (no checkpoint yet) hashes 6 events, stops at the edited 6th (broken, 5 verified) and raises one critical alert naming the account and the event", async () => {
    const account = await busiestAccount();
    const events = await eventsOf(account);
    const victim = events[5]!;
    // As an account recorded before checkpoints existed: no checkpoint, so the check walks from its genesis.
    await h.db.delete(auditCheckpoints).where(eq(auditCheckpoints.accountId, account));
    await tamper(sql`update order_events set symbol = 'EDITED' where seq = ${victim.seq}`);
    const audit = await verifyAccountNow(h.db, { ownerId, accountId: account, at: T3 });
    expect(audit).toMatchObject({ hashed: 6, newlyBroken: true, broken: { seq: victim.seq, reason: "edited" } });
    expect(audit.checkpoint).toMatchObject({ status: "broken", brokenAtSeq: victim.seq, eventsVerified: 5, lastSeq: events[4]!.seq });
    const [alert] = (await listAlerts(h.db, { ownerId })).filter((a) => a.kind === "audit_chain_broken" && a.resolvedAt === null);
    const [{ name }] = (await h.db.select({ name: tradingAccounts.name }).from(tradingAccounts).where(eq(tradingAccounts.id, account))) as [{ name: string }];
    expect(alert).toMatchObject({ severity: "critical", subject: account, title: `Audit chain broken: ${name}`, details: { seq: victim.seq, reason: "edited" } });
    expect(alert!.message).toContain(`account ${name} is broken at event ${victim.seq}`);
    // Verifying again counts the same alert once more, never a second one, and stays broken.
    expect(await verifyAccountNow(h.db, { ownerId, accountId: account, at: T3 })).toMatchObject({ hashed: 0, newlyBroken: false });
    expect((await listAlerts(h.db, { ownerId })).filter((a) => a.kind === "audit_chain_broken" && a.resolvedAt === null)).toHaveLength(1);
    await tamper(sql`update order_events set symbol = ${victim.symbol} where seq = ${victim.seq}`);
    expect((await rewalkAccount(h.db, { ownerId, accountId: account, at: T3 })).repaired).toBe(true);
  });
});

describe("owner scoping", () => {
  it("another workspace's account: no checkpoint to read, verify-now is not found, its re-walk covers 0 accounts and writes 0 checkpoints", async () => {
    const account = await busiestAccount();
    const other = (await createWorkspace(h.db, { name: "Other", slug: "other-audit" })).id;
    expect(await readCheckpoint(h.db, { ownerId: other, accountId: account })).toBeNull();
    await expect(verifyAccountNow(h.db, { ownerId: other, accountId: account, at: T3 })).rejects.toThrow("account not found");
    expect(await rewalkChains(h.db, { ownerId: other }, { at: T3 })).toEqual({ accounts: 0, events: 0, broken: null });
    const rows = await h.db.select().from(auditCheckpoints).where(and(eq(auditCheckpoints.ownerId, other)));
    expect(rows).toHaveLength(0);
  });
});
