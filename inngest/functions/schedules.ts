import type { ScheduleDefinition } from "@/lib/schedules/definitions";
import type { FunctionDeps } from "./deps";
import { createMaintenanceFunction } from "./maintenance";
import { createIntervalSyncsFunction } from "./schedule-interval-syncs";
import { createVenueSyncsFunction } from "./schedule-venue-syncs";

/** The Inngest cron function for one row of the schedule table. */
export function createScheduleFunction(def: ScheduleDefinition, deps: FunctionDeps) {
  const job = def.job;
  switch (job.kind) {
    case "interval-syncs":
      return createIntervalSyncsFunction(def, deps);
    case "venue-syncs":
      return createVenueSyncsFunction(def, job.provider, deps);
    case "maintenance":
      return createMaintenanceFunction(def, job.task, deps);
    default: {
      const unhandled: never = job;
      throw new Error(`unknown schedule job ${JSON.stringify(unhandled)}`);
    }
  }
}
