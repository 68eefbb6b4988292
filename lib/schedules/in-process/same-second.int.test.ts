import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { DbHandle } from "@/db/client";
import { createConnection } from "@/db/queries/connections";
import { ensurePersonalWorkspace } from "@/db/queries/workspaces";
import { syncBatches } from "@/db/schema";
import { openTestDb } from "@/db/testing";
import { verifyOrderEventChains } from "@/lib/audit/verify-chain";
import { runScheduledSync, type SyncFn } from "@/lib/schedules/scheduled-sync";
import type { MaintenanceTasks } from "@/lib/schedules/tasks";
import { syncConnection } from "@/lib/sync/sync-connection";
import { dataCounts, demoAt, offline, secondHandle } from "@/lib/sync/test-support";
import { ProviderLimiter } from "./provider-limiter";
import { runScheduleJob } from "./run-job";
import { SyncDispatcher } from "./sync-dispatcher";

// Two server processes on one PostgreSQL database (two handles: the in-process coalescing
// keys on the handle, so nothing but the database keeps them apart) fire the interval
// schedule at the same second and plan the same due connection.
let h: DbHandle;
let other: DbHandle;
let connectionId: string;
let T: Date;

beforeAll(async () => {
  h = await openTestDb();
  other = await secondHandle(h);
  const ownerId = (await ensurePersonalWorkspace(h.db)).id;
  connectionId = (await createConnection(h.db, { ownerId, provider: "demo", label: "Demo", config: { seed: "same-second" } })).id;
  // Never synced: due from its creation, the same due instant in both processes.
  T = new Date(Date.now() + 1_000);
});
afterAll(async () => {
  await other?.close();
  await h?.close();
});

function serverProcess(handle: DbHandle) {
  const outcomes: unknown[] = [];
  const sync: SyncFn = (db, o) => syncConnection(db, { ...o, now: () => T, connector: demoAt(T, {}, "same-second"), ...offline });
  const dispatcher = new SyncDispatcher({
    run: async (t) => outcomes.push(await runScheduledSync(handle.db, t, sync)),
    limiter: new ProviderLimiter(2),
    now: () => T,
    retryDelayMs: () => null,
    onFailure: (_t, e) => outcomes.push(e),
  });
  const tick = () => runScheduleJob({ kind: "interval-syncs" }, { db: handle.db, tasks: {} as MaintenanceTasks, dispatcher, now: () => T });
  return { outcomes, dispatcher, tick };
}

describe("two processes fire the same schedule at the same second", () => {
  it("one runs, the other skips, and nothing is duplicated", async () => {
    const a = serverProcess(h);
    const b = serverProcess(other);
    const lines = await Promise.all([a.tick(), b.tick()]);
    expect(lines).toEqual(["dispatched 1 due connection(s)", "dispatched 1 due connection(s)"]);
    await Promise.all([a.dispatcher.idle(), b.dispatcher.idle()]);

    const outcomes = [...a.outcomes, ...b.outcomes];
    expect(outcomes.filter((o) => (o as { status?: string }).status === "succeeded")).toHaveLength(1);
    expect(outcomes.filter((o) => (o as { skipped?: string }).skipped === "already run")).toHaveLength(1);
    const batches = await h.db.select().from(syncBatches).where(eq(syncBatches.connectionId, connectionId));
    expect(batches.map((x) => x.status)).toEqual(["succeeded"]);
    expect(await dataCounts(h.db)).toMatchObject({ snapshots: 1, cursors: 3 });
    expect((await verifyOrderEventChains(h.db, { allWorkspaces: true })).broken).toBeNull();
    vi.restoreAllMocks();
  });
});
