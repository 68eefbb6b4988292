import type { Db } from "@/db/client";
import type { MaintenanceTaskId } from "./definitions";

/** A count, or named counts: what a maintenance run reports (and Inngest stores as step output). */
export type MaintenanceResult = number | Record<string, number>;
export type MaintenanceTask = (db: Db, p: { now: Date }) => Promise<MaintenanceResult>;

/** One lib call per maintenance schedule; both runners take this table, tests pass fakes. */
export type MaintenanceTasks = Record<MaintenanceTaskId, MaintenanceTask>;
