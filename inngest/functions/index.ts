import { getRuntime } from "@/lib/runtime/app-db";
import { createScheduleSyncsFunction } from "./schedule-syncs";
import { createSyncConnectionFunction, type FunctionDeps } from "./sync-connection";

export function createFunctions(deps: FunctionDeps) {
  return [createScheduleSyncsFunction(deps), createSyncConnectionFunction(deps)];
}

/** The functions served at /api/inngest, on the app's database. */
export const functions = createFunctions({ db: async () => (await getRuntime()).handle.db });
