import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { DbHandle } from "@/db/client";
import { createConnection } from "@/db/queries/connections";
import { ensurePersonalWorkspace } from "@/db/queries/workspaces";
import { connections, syncBatches } from "@/db/schema";
import { openTestDb } from "@/db/testing";
import type { MaintenanceTask, MaintenanceTasks } from "@/lib/schedules/tasks";
import { startInProcessScheduler, stopInProcessScheduler } from "./in-process";

let h: DbHandle;
let demo: string;

beforeAll(async () => {
  h = await openTestDb();
  const ownerId = (await ensurePersonalWorkspace(h.db)).id;
  demo = (await createConnection(h.db, { ownerId, provider: "demo", label: "Demo", config: { seed: "scheduler" } })).id;
});
afterEach(async () => stopInProcessScheduler());
afterAll(async () => h?.close());

const tasks = (): MaintenanceTasks => {
  const none = () => vi.fn<MaintenanceTask>(async () => 0);
  return { "reap-stale-syncs": none(), reconcile: none(), "end-of-day-snapshots": none(), "snapshot-gaps": none(), "ibkr-keepalive": none(), "audit-rewalk": none(), retention: none(), "history-nightly": none() };
};

describe("the embedded default, end to end", () => {
  it("a new demo connection is synced by the interval schedule through lib/sync, then left alone until due", async () => {
    const log = vi.fn<(msg: string) => void>();
    const scheduler = startInProcessScheduler({ db: h.db, tasks: tasks(), log });
    const tick = scheduler.jobs.find((j) => j.id === "interval-syncs")!.cron;

    await tick.trigger();
    await scheduler.dispatcher.idle();
    const batches = await h.db.select().from(syncBatches).where(eq(syncBatches.connectionId, demo));
    expect(batches.map((b) => [b.trigger, b.status])).toEqual([["cron", "succeeded"]]);
    const [conn] = await h.db.select().from(connections).where(eq(connections.id, demo));
    expect(conn!.lastSyncAt).not.toBeNull();

    // Synced a moment ago: due again only after 300 s + its jitter.
    await tick.trigger();
    await scheduler.dispatcher.idle();
    expect(await h.db.select().from(syncBatches).where(eq(syncBatches.connectionId, demo))).toHaveLength(1);
    expect(log).toHaveBeenCalledExactlyOnceWith("[scheduler] interval-syncs: dispatched 1 due connection(s)");
  });
});
