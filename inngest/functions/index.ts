import { getRuntime } from "@/lib/runtime/app-db";
import { SCHEDULES } from "@/lib/schedules/definitions";
import { maintenanceTasks } from "@/lib/schedules/maintenance-tasks";
import type { FunctionDeps } from "./deps";
import { createScheduleFunction } from "./schedules";
import { createSyncConnectionFunction } from "./sync-connection";

export type { FunctionDeps } from "./deps";

/** Every Inngest function: the per-connection sync, and one cron function per row of the schedule table. */
export function createFunctions(deps: FunctionDeps) {
  return [createSyncConnectionFunction(deps), ...SCHEDULES.map((def) => createScheduleFunction(def, deps))];
}

/** The functions served at /api/inngest, on the app's database. */
export const functions = createFunctions({ db: async () => (await getRuntime()).handle.db, tasks: maintenanceTasks });
