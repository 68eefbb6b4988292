import { InngestTestEngine } from "@inngest/test";
import type { InngestFunction } from "inngest";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { DbHandle } from "@/db/client";
import { openTestDb } from "@/db/testing";
import { SCHEDULES, inngestCron, type ScheduleDefinition } from "@/lib/schedules/definitions";
import type { MaintenanceTask, MaintenanceTasks } from "@/lib/schedules/tasks";
import { FIXTURE, T0, seedScheduleFixture } from "@/lib/schedules/testing/fixture";
import type { FunctionDeps } from "./deps";
import { createFunctions } from "./index";
import { createScheduleFunction } from "./schedules";
import { REDISPATCH_AFTER_MS, scheduledSyncEventId } from "./schedule-interval-syncs";

let h: DbHandle;
let ownerId: string;

beforeAll(async () => {
  h = await openTestDb();
  ({ ownerId } = await seedScheduleFixture(h.db));
});
afterAll(async () => h?.close());

const def = (id: string): ScheduleDefinition => SCHEDULES.find((s) => s.id === id)!;
const idle = () => vi.fn<MaintenanceTask>(async () => 0);
const fakeTasks = (over: Partial<MaintenanceTasks> = {}): MaintenanceTasks => ({
  "reap-stale-syncs": idle(),
  reconcile: idle(),
  "end-of-day-snapshots": idle(),
  "snapshot-gaps": idle(),
  "ibkr-keepalive": idle(),
  "audit-rewalk": idle(),
  retention: idle(),
  "history-nightly": idle(),
  ...over,
});
const deps = (over: Partial<FunctionDeps> = {}): FunctionDeps => ({ db: async () => h.db, tasks: fakeTasks(), now: () => T0, ...over });
const configOf = (fn: InngestFunction.Any) => fn["getConfig"]({ baseUrl: new URL("http://x/api/inngest"), appPrefix: "venuefolio" });
// step.sendEvent really sends to Inngest; mock it by id and assert what it was given.
// A fresh object per run: the engine keeps step results in the mock options it is given.
const mockFanOut = () => ({ steps: [{ id: "fan-out", handler: () => ({ ids: ["evt"] }) }] });
const EVENT = "venuefolio/connection.sync.requested";

describe("every schedule is an Inngest cron function", () => {
  it("registers each row of the table under its id, cron and zone, one run at a time", () => {
    for (const s of SCHEDULES) {
      const [config] = configOf(createScheduleFunction(s, deps()));
      expect(config).toMatchObject({ id: `venuefolio-${s.id}`, triggers: [{ cron: inngestCron(s) }], concurrency: { limit: 1 } });
    }
    expect(configOf(createScheduleFunction(def("groww-after-close"), deps()))[0]!.triggers).toEqual([{ cron: "TZ=Asia/Kolkata 0 16 * * 1-5" }]);
  });
});

describe("the served set", () => {
  it("is the per-connection sync plus one function per schedule", () => {
    const ids = createFunctions(deps()).map((fn) => configOf(fn)[0]!.id);
    expect(ids).toEqual(["venuefolio-sync-connection", ...SCHEDULES.map((s) => `venuefolio-${s.id}`)]);
  });
});

describe("interval-syncs (every minute)", () => {
  it("fans out exactly the 2 due connections, each timestamped with its due time and a dedupe id", async () => {
    const t = new InngestTestEngine({ function: createScheduleFunction(def("interval-syncs"), deps()) });
    const { result, ctx } = await t.execute(mockFanOut());
    expect(result).toEqual({ sent: 2 });
    expect(ctx.step.sendEvent).toHaveBeenCalledExactlyOnceWith("fan-out", [
      expect.objectContaining({
        name: EVENT,
        data: { workspaceId: ownerId, connectionId: FIXTURE.dueNow, provider: "binance", trigger: "cron" },
        id: `scheduled-sync-${FIXTURE.dueNow}-${T0.getTime()}-0`,
        ts: undefined, // due now: starts at once
      }),
      expect.objectContaining({
        name: EVENT,
        data: { workspaceId: ownerId, connectionId: FIXTURE.dueSoon, provider: "okx", trigger: "cron" },
        id: `scheduled-sync-${FIXTURE.dueSoon}-${T0.getTime() + 34_000}-0`,
        ts: T0.getTime() + 34_000, // Inngest starts it at 12:00:34, not at the next tick
      }),
    ]);
  });

  it("sends nothing when nothing is due", async () => {
    const t = new InngestTestEngine({ function: createScheduleFunction(def("interval-syncs"), deps({ now: () => new Date(T0.getTime() - 100_000) })) });
    const { result, ctx } = await t.execute(mockFanOut());
    expect(result).toEqual({ sent: 0 });
    expect(ctx.step.sendEvent).not.toHaveBeenCalled();
  });

  it("the dedupe id holds while a dispatched run is pending, and changes once it is 10 minutes overdue", () => {
    const due = new Date(T0.getTime() + 34_000);
    const id = scheduledSyncEventId(FIXTURE.dueSoon, due, T0);
    expect(scheduledSyncEventId(FIXTURE.dueSoon, due, new Date(due.getTime() + REDISPATCH_AFTER_MS - 1))).toBe(id);
    expect(scheduledSyncEventId(FIXTURE.dueSoon, due, new Date(due.getTime() + REDISPATCH_AFTER_MS))).toBe(`scheduled-sync-${FIXTURE.dueSoon}-${due.getTime()}-1`);
  });
});

describe("calendar venue schedules", () => {
  it("groww-after-close fans out every active Groww connection; the rate-limited one at its Retry-After", async () => {
    const t = new InngestTestEngine({ function: createScheduleFunction(def("groww-after-close"), deps()) });
    const { result, ctx } = await t.execute(mockFanOut());
    expect(result).toEqual({ sent: 2 });
    expect(ctx.step.sendEvent).toHaveBeenCalledExactlyOnceWith("fan-out", [
      expect.objectContaining({ name: EVENT, data: { workspaceId: ownerId, connectionId: FIXTURE.groww, provider: "groww", trigger: "cron" }, ts: undefined }),
      expect.objectContaining({ name: EVENT, data: { workspaceId: ownerId, connectionId: FIXTURE.growwRetryLater, provider: "groww", trigger: "cron" }, ts: T0.getTime() + 90_000 }),
    ]);
  });

  it("ibkr-flex with no IBKR connection sends nothing", async () => {
    const t = new InngestTestEngine({ function: createScheduleFunction(def("ibkr-flex"), deps()) });
    const { result, ctx } = await t.execute(mockFanOut());
    expect(result).toEqual({ sent: 0 });
    expect(ctx.step.sendEvent).not.toHaveBeenCalled();
  });
});

describe("maintenance schedules", () => {
  it("each calls its lib task once with the database and the run's clock, and returns its counts", async () => {
    const reap = vi.fn<MaintenanceTask>(async () => 3);
    const gaps = vi.fn<MaintenanceTask>(async () => ({ gaps: 2, backfilled: 1 }));
    const d = deps({ tasks: fakeTasks({ "reap-stale-syncs": reap, "snapshot-gaps": gaps }) });

    expect((await new InngestTestEngine({ function: createScheduleFunction(def("reap-stale-syncs"), d) }).execute()).result).toBe(3);
    expect(reap).toHaveBeenCalledExactlyOnceWith(h.db, { now: T0 });
    expect((await new InngestTestEngine({ function: createScheduleFunction(def("snapshot-gaps"), d) }).execute()).result).toEqual({ gaps: 2, backfilled: 1 });
    expect(gaps).toHaveBeenCalledExactlyOnceWith(h.db, { now: T0 });
    expect(d.tasks.reconcile).not.toHaveBeenCalled();
  });

  it("a failing task fails the run (Inngest retries it: the tasks are idempotent)", async () => {
    const d = deps({ tasks: fakeTasks({ reconcile: async () => Promise.reject(new Error("database unavailable")) }) });
    const { error } = await new InngestTestEngine({ function: createScheduleFunction(def("reconcile"), d) }).execute();
    expect(error).toMatchObject({ message: "database unavailable" });
  });
});
