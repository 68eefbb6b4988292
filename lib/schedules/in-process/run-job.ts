import type { Db } from "@/db/client";
import type { ScheduleJob } from "@/lib/schedules/definitions";
import { planIntervalSyncs, planVenueSyncs } from "@/lib/schedules/plan";
import type { MaintenanceTasks } from "@/lib/schedules/tasks";
import type { SyncDispatcher } from "./sync-dispatcher";

export interface JobContext {
  db: Db;
  tasks: MaintenanceTasks;
  dispatcher: SyncDispatcher;
  now: () => Date;
}

/**
 * One tick of a schedule, in this process: the same planning and lib calls the Inngest
 * functions make, with the dispatcher in place of events. Returns a line for the log,
 * or null when there was nothing to do (a quiet minute should not fill the log).
 */
export async function runScheduleJob(job: ScheduleJob, ctx: JobContext): Promise<string | null> {
  switch (job.kind) {
    case "interval-syncs": {
      const due = await planIntervalSyncs(ctx.db, ctx.now());
      const started = due.filter((c) => ctx.dispatcher.dispatch({ workspaceId: c.ownerId, connectionId: c.id, provider: c.provider, dueAt: c.dueAt }, c.dueAt));
      return started.length ? `dispatched ${started.length} due connection(s)` : null;
    }
    case "venue-syncs": {
      const now = ctx.now();
      const targets = await planVenueSyncs(ctx.db, job.provider, now);
      if (targets.length === 0) return null;
      // A calendar run is due "now": the minute the cron fired is what two processes firing it share.
      const fired = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
      const started = targets.filter((c) =>
        ctx.dispatcher.dispatch({ workspaceId: c.ownerId, connectionId: c.id, provider: c.provider, dueAt: c.dueAt > now ? c.dueAt : fired }, c.dueAt),
      );
      return `dispatched ${started.length} of ${targets.length} ${job.provider} connection(s)`;
    }
    case "maintenance": {
      const result = await ctx.tasks[job.task](ctx.db, { now: ctx.now() });
      const counts = typeof result === "number" ? [result] : Object.values(result);
      return counts.some((n) => n !== 0) ? JSON.stringify(result) : null;
    }
    default: {
      const unhandled: never = job;
      throw new Error(`unknown schedule job ${JSON.stringify(unhandled)}`);
    }
  }
}
