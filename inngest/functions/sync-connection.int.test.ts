import { InngestTestEngine } from "@inngest/test";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { DbHandle } from "@/db/client";
import { createConnection } from "@/db/queries/connections";
import { connections, portfolioSnapshots, syncBatches } from "@/db/schema";
import { openTestDb } from "@/db/testing";
import type { SyncFn } from "@/lib/schedules/scheduled-sync";
import { FIXTURE, fakeSyncResult, seedScheduleFixture } from "@/lib/schedules/testing/fixture";
import { binanceWithDeposits, noCandles } from "@/lib/history/test-support";
import { SyncFailedError } from "@/lib/sync/sync-connection";
import { connectionSyncRequested, type ConnectionSyncRequested } from "../events";
import { createSyncConnectionFunction } from "./sync-connection";

let h: DbHandle;
let ownerId: string;
let demo: string;

beforeAll(async () => {
  h = await openTestDb();
  ({ ownerId } = await seedScheduleFixture(h.db));
  demo = (await createConnection(h.db, { ownerId, provider: "demo", label: "Demo", config: { seed: "inngest" } })).id;
});
afterAll(async () => h?.close());

const BATCH = "5a0e9c1d-0000-4000-8000-00000000b001";
const config = (fn: ReturnType<typeof createSyncConnectionFunction>) => fn["getConfig"]({ baseUrl: new URL("http://x/api/inngest"), appPrefix: "venuefolio" });

function run(data: ConnectionSyncRequested, sync?: SyncFn) {
  const fn = createSyncConnectionFunction({ db: async () => h.db, sync });
  const event = connectionSyncRequested.create(data);
  return new InngestTestEngine({ function: fn, events: [{ name: event.name, data: event.data }] }).execute();
}

describe("sync-connection: registration", () => {
  it("runs one at a time per connection, throttled per venue, retried 4 times, with a failure handler", () => {
    const [main, failure] = config(createSyncConnectionFunction({ db: async () => h.db }));
    expect(main).toMatchObject({
      id: "venuefolio-sync-connection",
      triggers: [{ event: "venuefolio/connection.sync.requested" }],
      concurrency: { limit: 1, key: "event.data.connectionId" },
      throttle: { limit: 10, period: "1m", key: "event.data.provider" },
    });
    expect(main!.steps["step"]!.retries).toEqual({ attempts: 4 });
    expect(failure).toMatchObject({
      id: "venuefolio-sync-connection-failure",
      triggers: [{ event: "inngest/function.failed", expression: "event.data.function_id == 'venuefolio-sync-connection'" }],
    });
  });
});

describe("sync-connection: a run", () => {
  it("syncs the connection named by the event through lib/sync and returns the batch", async () => {
    const { result, error } = await run({ workspaceId: ownerId, connectionId: demo, provider: "demo", trigger: "manual" });
    expect(error).toBeUndefined();
    const [batch] = await h.db.select().from(syncBatches).where(eq(syncBatches.connectionId, demo));
    expect(batch).toMatchObject({ status: "succeeded", trigger: "manual" });
    expect(result).toMatchObject({ batchId: batch!.id, counts: { balances: 9, positions: 2 } });
  });

  it("a scheduled (cron) run skips a connection paused since it was dispatched", async () => {
    const sync = vi.fn<SyncFn>();
    const { result, error } = await run({ workspaceId: ownerId, connectionId: FIXTURE.paused, provider: "binance", trigger: "cron" }, sync);
    expect(error).toBeUndefined();
    expect(result).toEqual({ skipped: "not active" });
    expect(sync).not.toHaveBeenCalled();
  });

  it("a manual run syncs even a paused connection, as the person asked", async () => {
    const sync = vi.fn<SyncFn>(async () => fakeSyncResult(BATCH));
    const { result } = await run({ workspaceId: ownerId, connectionId: FIXTURE.paused, provider: "binance", trigger: "manual" }, sync);
    expect(result).toEqual({ batchId: BATCH, counts: fakeSyncResult(BATCH).counts, durationMs: 12, earliestNewAt: null });
    expect(sync).toHaveBeenCalledWith(h.db, { ownerId, connectionId: FIXTURE.paused, trigger: "manual" });
  });
});

describe("sync-connection: failures", () => {
  const failing = (kind: string, retryable: boolean, retryAfterSeconds?: number) =>
    vi.fn<SyncFn>(async () => Promise.reject(new SyncFailedError(BATCH, kind, retryable, `binance: ${kind}`, retryAfterSeconds)));
  const data: ConnectionSyncRequested = { workspaceId: ownerId, connectionId: FIXTURE.dueNow, provider: "binance", trigger: "cron" };

  it("rate_limited → RetryAfterError after the venue's Retry-After (30 s)", async () => {
    const { error } = await run({ ...data, workspaceId: ownerId }, failing("rate_limited", true, 30));
    expect(error).toMatchObject({ name: "RetryAfterError", message: "binance: rate_limited" });
  });

  it("auth and permission → NonRetriableError (the connection already needs attention)", async () => {
    for (const kind of ["auth", "permission"]) {
      const { error } = await run({ ...data, workspaceId: ownerId }, failing(kind, false));
      expect(error).toMatchObject({ name: "NonRetriableError", message: `binance: ${kind}` });
    }
  });

  it("unavailable → the error itself, for Inngest's own backoff", async () => {
    const { error } = await run({ ...data, workspaceId: ownerId }, failing("unavailable", true));
    expect(error).toMatchObject({ name: "SyncFailedError", message: "binance: unavailable" });
  });

  it("a connection that does not exist (or is not the owner's) is not retried", async () => {
    const { error } = await run({ workspaceId: ownerId, connectionId: "00000000-0000-4000-8000-000000000000", trigger: "manual" });
    expect(error).toMatchObject({ name: "NonRetriableError", message: "connection not found" });
  });
});

describe("sync-connection: a connection's past", () => {
  it("a run that stored fills or flows older than the first observed snapshot (a first sync, a backfill) reconstructs its history (19 days from its deposits); a run that stored nothing new does not", async () => {
    const now = new Date("2026-11-20T12:00:00Z");
    const connectionId = await binanceWithDeposits(h.db, ownerId, "New Binance", now);
    const reconstructed = async () =>
      (await h.db.select({ id: portfolioSnapshots.id }).from(portfolioSnapshots).where(and(eq(portfolioSnapshots.connectionId, connectionId), eq(portfolioSnapshots.reconstructed, true)))).length;
    const go = (trigger: "cron" | "manual", earliestNewAt: Date | null) => {
      const sync = vi.fn<SyncFn>(async () => ({ ...fakeSyncResult(BATCH), earliestNewAt }));
      const fn = createSyncConnectionFunction({ db: async () => h.db, sync, now: () => now, historySources: () => noCandles });
      const event = connectionSyncRequested.create({ workspaceId: ownerId, connectionId, provider: "binance", trigger });
      return new InngestTestEngine({ function: fn, events: [{ name: event.name, data: event.data }] }).execute();
    };
    await h.db.update(connections).set({ status: "active" }).where(eq(connections.id, connectionId));
    const quiet = await go("manual", null);
    expect(quiet.error).toBeUndefined();
    expect(quiet.result).toEqual({ batchId: BATCH, counts: fakeSyncResult(BATCH).counts, durationMs: 12, earliestNewAt: null });
    expect(await reconstructed()).toBe(0);
    // A scheduled run is no different: what it stored decides.
    const { result, error } = await go("cron", new Date("2026-11-01T09:00:00Z"));
    expect(error).toBeUndefined();
    expect(result).toEqual({ batchId: BATCH, counts: fakeSyncResult(BATCH).counts, durationMs: 12, earliestNewAt: "2026-11-01T09:00:00.000Z" });
    expect(await reconstructed()).toBe(19);
  });
});
