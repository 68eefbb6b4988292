import { cron } from "inngest";
import { inngestCron, type ScheduleDefinition } from "@/lib/schedules/definitions";
import { planIntervalSyncs } from "@/lib/schedules/plan";
import { inngest } from "../client";
import { connectionSyncRequested } from "../events";
import type { FunctionDeps } from "./deps";

/**
 * How long a dispatched sync may stay overdue before it is sent again. Until its run
 * ends, a connection's due time does not move, so every tick computes the same event id
 * and Inngest drops the duplicate (a run waiting behind the venue throttle is not sent
 * twice). If the run vanished without recording anything (a crash before the batch was
 * opened), the id changes after this long and the connection is dispatched again rather
 * than waiting out Inngest's 24-hour id window.
 */
export const REDISPATCH_AFTER_MS = 10 * 60_000;

export function scheduledSyncEventId(connectionId: string, dueAt: Date, now: Date): string {
  const overdueWindows = Math.max(0, Math.floor((now.getTime() - dueAt.getTime()) / REDISPATCH_AFTER_MS));
  return `scheduled-sync-${connectionId}-${dueAt.getTime()}-${overdueWindows}`;
}

/**
 * Every minute: one "sync requested" event per interval-venue connection due within the
 * minute, timestamped with its due time so Inngest starts it then (a future `ts` delays
 * the run) rather than at the next tick.
 */
export function createIntervalSyncsFunction(def: ScheduleDefinition, deps: FunctionDeps) {
  return inngest.createFunction(
    { id: def.id, name: "Dispatch due interval syncs", triggers: [cron(inngestCron(def))], concurrency: { limit: 1 }, retries: 2 },
    async ({ step }) => {
      const planned = await step.run("list-due-connections", async () => {
        const now = deps.now?.() ?? new Date();
        const due = await planIntervalSyncs(await deps.db(), now);
        return due.map((c) => ({
          data: { workspaceId: c.ownerId, connectionId: c.id, provider: c.provider, trigger: "cron" as const },
          id: scheduledSyncEventId(c.id, c.dueAt, now),
          ts: c.dueAt > now ? c.dueAt.getTime() : undefined,
        }));
      });
      if (planned.length === 0) return { sent: 0 };
      await step.sendEvent(
        "fan-out",
        planned.map((p) => connectionSyncRequested.create(p.data, { id: p.id, ts: p.ts })),
      );
      return { sent: planned.length };
    },
  );
}
