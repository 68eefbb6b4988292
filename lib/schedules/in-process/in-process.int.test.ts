import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { DbHandle } from "@/db/client";
import { openTestDb } from "@/db/testing";
import { SCHEDULES } from "@/lib/schedules/definitions";
import type { SyncFn } from "@/lib/schedules/scheduled-sync";
import type { MaintenanceTask, MaintenanceTasks } from "@/lib/schedules/tasks";
import { FIXTURE, T0, fakeSyncResult, seedScheduleFixture } from "@/lib/schedules/testing/fixture";
import { SyncFailedError } from "@/lib/sync/sync-connection";
import { startInProcessScheduler, stopInProcessScheduler, type InProcessSchedulerOptions } from "./in-process";

let h: DbHandle;
let ownerId: string;

beforeAll(async () => {
  h = await openTestDb();
  ({ ownerId } = await seedScheduleFixture(h.db));
});
afterEach(async () => stopInProcessScheduler());
afterAll(async () => h?.close());

const after = (seconds: number) => () => new Date(T0.getTime() + seconds * 1000);
const idle = () => vi.fn<MaintenanceTask>(async () => 0);
const fakeTasks = (): MaintenanceTasks => ({
  "reap-stale-syncs": vi.fn<MaintenanceTask>(async () => 3),
  reconcile: idle(),
  "end-of-day-snapshots": idle(),
  "snapshot-gaps": idle(),
  "ibkr-keepalive": idle(),
  "audit-rewalk": idle(),
  retention: idle(),
  "history-nightly": idle(),
});

function start(over: Partial<InProcessSchedulerOptions> = {}) {
  const log = vi.fn<(msg: string) => void>();
  const sync = vi.fn<SyncFn>(async (_db, o) => fakeSyncResult(`5a0e9c1d-0000-4000-8000-${o.connectionId.slice(-12)}`));
  const tasks = fakeTasks();
  const scheduler = startInProcessScheduler({ db: h.db, tasks, sync, log, now: after(34), ...over });
  const job = (id: string) => scheduler.jobs.find((j) => j.id === id)!.cron;
  return { scheduler, job, log, sync, tasks };
}

describe("in-process scheduler: registration", () => {
  it("runs every schedule of the table as a protected croner job in the schedule's own zone", () => {
    const { scheduler, job } = start();
    expect(scheduler.jobs.map((j) => [j.id, j.cron.getPattern(), j.cron.options.timezone, j.cron.options.protect])).toEqual(
      SCHEDULES.map((s) => [s.id, s.cron, s.timeZone, true]),
    );
    // Friday 16:30 IST → next Groww run Monday 16:00 IST.
    expect(job("groww-after-close").nextRun(new Date("2026-01-02T11:00:00Z"))).toEqual(new Date("2026-01-05T10:30:00Z"));
  });

  it("is one per process: starting again returns the running scheduler; stop ends every job", async () => {
    const { scheduler } = start();
    expect(startInProcessScheduler({ db: h.db, tasks: fakeTasks() })).toBe(scheduler);
    await stopInProcessScheduler();
    expect(scheduler.jobs.every((j) => j.cron.isStopped())).toBe(true);
    expect(startInProcessScheduler({ db: h.db, tasks: fakeTasks(), log: () => {} })).not.toBe(scheduler);
  });
});

describe("in-process scheduler: what a tick does", () => {
  it("interval-syncs syncs exactly the 2 due connections through the scheduled-sync path", async () => {
    const { scheduler, job, sync, log } = start();
    await job("interval-syncs").trigger();
    await scheduler.dispatcher.idle();
    expect(sync.mock.calls.map(([, o]) => o)).toEqual([
      // Each run carries the due time it was planned for: another process that took it first makes it skip.
      { ownerId, connectionId: FIXTURE.dueNow, trigger: "cron", scheduledFor: T0 },
      { ownerId, connectionId: FIXTURE.dueSoon, trigger: "cron", scheduledFor: after(34)() },
    ]);
    expect(log).toHaveBeenCalledWith("[scheduler] interval-syncs: dispatched 2 due connection(s)");
  });

  it("a quiet minute logs nothing", async () => {
    const { scheduler, job, sync, log } = start({ now: after(-100) });
    await job("interval-syncs").trigger();
    await scheduler.dispatcher.idle();
    expect(sync).not.toHaveBeenCalled();
    expect(log).not.toHaveBeenCalled();
  });

  it("groww-after-close syncs every active Groww connection (the rate-limited one once its Retry-After passed)", async () => {
    const { scheduler, job, sync, log } = start({ now: after(100) });
    await job("groww-after-close").trigger();
    await scheduler.dispatcher.idle();
    // Both start at once, each after its own activity check: their order is not defined.
    expect(sync.mock.calls.map(([, o]) => o.connectionId).sort()).toEqual([FIXTURE.groww, FIXTURE.growwRetryLater].sort());
    expect(log).toHaveBeenCalledWith("[scheduler] groww-after-close: dispatched 2 of 2 groww connection(s)");
  });

  it("a maintenance job calls its task with the database and the clock, and logs a non-zero result", async () => {
    const { job, tasks, log } = start();
    await job("reap-stale-syncs").trigger();
    expect(tasks["reap-stale-syncs"]).toHaveBeenCalledExactlyOnceWith(h.db, { now: after(34)() });
    expect(log).toHaveBeenCalledWith("[scheduler] reap-stale-syncs: 3");
    await job("reconcile").trigger();
    expect(tasks.reconcile).toHaveBeenCalledOnce();
    expect(log).toHaveBeenCalledTimes(1); // reconcile found nothing: no line
  });

  it("a job repeating the same outcome logs it once, and again when it changes", async () => {
    const { job, tasks, log } = start();
    const keepAlive = vi.mocked(tasks["ibkr-keepalive"]);
    keepAlive.mockResolvedValue({ gateways: 1, authenticated: 1, failed: 0 });
    await job("ibkr-keepalive").trigger();
    await job("ibkr-keepalive").trigger();
    keepAlive.mockResolvedValue({ gateways: 1, authenticated: 0, failed: 1 });
    await job("ibkr-keepalive").trigger();
    expect(log.mock.calls).toEqual([
      ['[scheduler] ibkr-keepalive: {"gateways":1,"authenticated":1,"failed":0}'],
      ['[scheduler] ibkr-keepalive: {"gateways":1,"authenticated":0,"failed":1}'],
    ]);
  });

  it("a sync that needs a person is not retried and is logged once; a failing job is logged, not thrown", async () => {
    const sync = vi.fn<SyncFn>(async () => Promise.reject(new SyncFailedError("5a0e9c1d-0000-4000-8000-00000000b001", "auth", false, "okx: API key rejected")));
    const { scheduler, job, log, tasks } = start({ sync });
    await job("interval-syncs").trigger();
    await scheduler.dispatcher.idle();
    expect(sync).toHaveBeenCalledTimes(2);
    expect(log).toHaveBeenCalledWith(`[scheduler] sync of okx connection ${FIXTURE.dueSoon} failed after 1 attempt(s): okx: API key rejected`);

    vi.mocked(tasks["snapshot-gaps"]).mockRejectedValueOnce(new Error("database unavailable"));
    await job("snapshot-gaps").trigger();
    expect(log).toHaveBeenCalledWith("[scheduler] snapshot-gaps failed: database unavailable");
  });
});
