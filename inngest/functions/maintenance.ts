import { cron } from "inngest";
import { inngestCron, type MaintenanceTaskId, type ScheduleDefinition } from "@/lib/schedules/definitions";
import { inngest } from "../client";
import type { FunctionDeps } from "./deps";

/**
 * A maintenance schedule (reaper, reconciliation, end-of-day snapshots, gap detection,
 * IBKR keep-alive): one step calling its lib task. Concurrency 1: a slow run is never
 * overlapped by the next tick. The tasks are idempotent, so a retry is safe.
 */
export function createMaintenanceFunction(def: ScheduleDefinition, task: MaintenanceTaskId, deps: FunctionDeps) {
  return inngest.createFunction(
    { id: def.id, name: `Maintenance: ${task}`, triggers: [cron(inngestCron(def))], concurrency: { limit: 1 }, retries: 2 },
    async ({ step }) =>
      step.run(task, async () => {
        const db = await deps.db();
        return deps.tasks[task](db, { now: deps.now?.() ?? new Date() });
      }),
  );
}
