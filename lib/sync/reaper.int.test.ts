import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { createConnection } from "@/db/queries/connections";
import { ensurePersonalWorkspace } from "@/db/queries/workspaces";
import { syncBatches, type SyncStatus } from "@/db/schema";
import { openTestDb } from "@/db/testing";
import { reapStaleSyncBatches } from "./reaper";
import { startSync } from "./sync-connection";
import { dataCounts, demoAt, offline } from "./test-support";

const NOW = new Date("2026-11-20T12:00:00Z");
const minutesAgo = (m: number) => new Date(NOW.getTime() - m * 60_000);

let h: DbHandle;
let ownerId: string;
let connectionId: string;

beforeAll(async () => {
  h = await openTestDb();
  ownerId = (await ensurePersonalWorkspace(h.db)).id;
  connectionId = (await createConnection(h.db, { ownerId, provider: "demo", label: "Demo", config: { seed: "reaper" } })).id;
});
afterAll(async () => h?.close());

const insertBatch = async (status: SyncStatus, startedAt: Date) =>
  (await h.db.insert(syncBatches).values({ ownerId, connectionId, trigger: "cron", status, startedAt }).returning({ id: syncBatches.id }))[0]!.id;
const statusOf = async (id: string) => (await h.db.select().from(syncBatches).where(eq(syncBatches.id, id)))[0]!;

describe("reapStaleSyncBatches", () => {
  it("marks runs open for more than 15 min stale (queued 20 min, running 16 min) and leaves a 5-min run and finished runs alone", async () => {
    const queued = await insertBatch("queued", minutesAgo(20));
    const running = await insertBatch("running", minutesAgo(16));
    const young = await insertBatch("running", minutesAgo(5));
    const done = await insertBatch("succeeded", minutesAgo(60));
    expect(await reapStaleSyncBatches(h.db, { now: NOW })).toBe(2);
    expect(await statusOf(queued)).toMatchObject({
      status: "stale",
      finishedAt: NOW,
      errorKind: "stale",
      error: "still open after 15 min: the process running it stopped or lost the database",
    });
    expect((await statusOf(running)).status).toBe("stale");
    expect((await statusOf(young)).status).toBe("running");
    expect((await statusOf(done)).status).toBe("succeeded");
    expect(await reapStaleSyncBatches(h.db, { now: NOW })).toBe(0);
    expect(await reapStaleSyncBatches(h.db, { now: NOW, staleAfterMs: 60_000 })).toBe(1);
  });

  it("a run whose process hangs forever at the venue is reaped after the limit, having written nothing", async () => {
    const other = (await createConnection(h.db, { ownerId, provider: "demo", label: "Hung", config: { seed: "hung" } })).id;
    const before = await dataCounts(h.db);
    const hung = demoAt(NOW, { fetchBalances: () => new Promise(() => {}) }, "hung");
    const started = await startSync(h.db, { ownerId, connectionId: other, trigger: "cron", now: () => NOW, connector: hung, ...offline });
    const later = new Date(NOW.getTime() + 16 * 60_000);
    expect(await reapStaleSyncBatches(h.db, { now: later })).toBe(1);
    expect(await statusOf(started.batchId)).toMatchObject({ status: "stale", finishedAt: later });
    expect(await dataCounts(h.db)).toEqual(before);
  });

  it("a slow run the reaper gave up on that commits after all records what it really did", async () => {
    const slowId = (await createConnection(h.db, { ownerId, provider: "demo", label: "Slow", config: { seed: "slow" } })).id;
    let release = () => {};
    const gate = new Promise<void>((r) => (release = r));
    const demo = demoAt(NOW, {}, "slow");
    const slow = demoAt(NOW, { fetchBalances: async () => gate.then(() => demo.fetchBalances()) }, "slow");
    const started = await startSync(h.db, { ownerId, connectionId: slowId, trigger: "cron", now: () => NOW, connector: slow, ...offline });
    expect(await reapStaleSyncBatches(h.db, { now: new Date(NOW.getTime() + 20 * 60_000) })).toBe(1);
    release();
    const r = await started.done;
    expect(r.status).toBe("succeeded");
    expect(await statusOf(started.batchId)).toMatchObject({ status: "succeeded", mode: "initial", error: null, errorKind: null });
  });
});
