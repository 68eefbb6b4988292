import { Cron } from "croner";
import type { Db } from "@/db/client";
import { reconstructAfterSync } from "@/lib/history/reconstruct-when";
import { SCHEDULES, type ScheduleDefinition } from "@/lib/schedules/definitions";
import { inProcessRetryDelayMs } from "@/lib/schedules/retry-policy";
import { runScheduledSync, type SyncFn } from "@/lib/schedules/scheduled-sync";
import type { MaintenanceTasks } from "@/lib/schedules/tasks";
import { SyncFailedError } from "@/lib/sync/sync-connection";
import { ProviderLimiter } from "./provider-limiter";
import { runScheduleJob } from "./run-job";
import { SyncDispatcher } from "./sync-dispatcher";

/** Two syncs of one venue at a time: enough to overlap network waits, well inside every venue's limits. */
export const DEFAULT_MAX_CONCURRENT_PER_PROVIDER = 2;

export interface InProcessSchedulerOptions {
  db: Db;
  tasks: MaintenanceTasks;
  /** The schedule table; the same one Inngest registers, unless a test narrows it. */
  schedules?: readonly ScheduleDefinition[];
  maxConcurrentPerProvider?: number;
  now?: () => Date;
  log?: (msg: string) => void;
  /** The sync call, for tests; `syncConnection` otherwise. */
  sync?: SyncFn;
}

export interface InProcessScheduler {
  jobs: ReadonlyArray<{ id: string; cron: Cron }>;
  dispatcher: SyncDispatcher;
  /** Stops every job, cancels syncs not yet started and waits for running ones. */
  stop(): Promise<void>;
}

const KEY = Symbol.for("venuefolio.in-process-scheduler");
type Holder = { [KEY]?: InProcessScheduler };

/**
 * The embedded default's scheduler: every schedule Inngest would run, as croner jobs in
 * this process, each in its own time zone. `protect` skips a tick while the previous one
 * of the same job still runs. It logs what a tick did, not that it ran: nothing for a
 * quiet tick, one line when the outcome changes. One per process (kept on globalThis so dev reloads do not
 * start a second): a second call returns the running scheduler.
 */
export function startInProcessScheduler(o: InProcessSchedulerOptions): InProcessScheduler {
  const holder = globalThis as Holder;
  if (holder[KEY]) return holder[KEY];
  const log = o.log ?? ((msg: string) => console.info(msg));
  const now = o.now ?? (() => new Date());
  const dispatcher = new SyncDispatcher({
    run: async (t) => {
      const r = await runScheduledSync(o.db, t, o.sync);
      // A run that reached the past (a backfill) has its connection's history rebuilt; a no-op otherwise.
      if ("batchId" in r) await reconstructAfterSync(o.db, { ownerId: t.workspaceId, connectionId: t.connectionId, earliestNewAt: r.earliestNewAt, now: now() });
      return r;
    },
    limiter: new ProviderLimiter(o.maxConcurrentPerProvider ?? DEFAULT_MAX_CONCURRENT_PER_PROVIDER),
    now,
    retryDelayMs: inProcessRetryDelayMs,
    // A failed sync is already recorded on its batch and connection; the log line is for the operator.
    onFailure: (t, e, attempts) =>
      log(
        `[scheduler] sync of ${t.provider} connection ${t.connectionId} failed after ${attempts} attempt(s)${e instanceof SyncFailedError ? "" : " (before it could be recorded)"}: ${e instanceof Error ? e.message : String(e)}`,
      ),
  });
  const ctx = { db: o.db, tasks: o.tasks, dispatcher, now };
  const jobs = (o.schedules ?? SCHEDULES).map((def) => {
    // A job repeating the same outcome every minute (a healthy IBKR keep-alive) says it once.
    let previous: string | null = null;
    return {
      id: def.id,
      cron: new Cron(
        def.cron,
        {
          name: `venuefolio:${def.id}`,
          timezone: def.timeZone,
          protect: true,
          catch: (e: unknown) => {
            previous = null;
            log(`[scheduler] ${def.id} failed: ${e instanceof Error ? e.message : String(e)}`);
          },
        },
        async () => {
          const line = await runScheduleJob(def.job, ctx);
          if (line && line !== previous) log(`[scheduler] ${def.id}: ${line}`);
          previous = line;
        },
      ),
    };
  });
  const scheduler: InProcessScheduler = {
    jobs,
    dispatcher,
    async stop() {
      if (holder[KEY] === scheduler) delete holder[KEY];
      for (const j of jobs) j.cron.stop();
      dispatcher.cancelWaiting();
      await dispatcher.idle();
    },
  };
  holder[KEY] = scheduler;
  return scheduler;
}

/** Stops the process's scheduler, if one runs (tests, shutdown). */
export async function stopInProcessScheduler(): Promise<void> {
  await (globalThis as Holder)[KEY]?.stop();
}
