import type { Db } from "@/db/client";
import type { SourcesFor } from "@/lib/history/reconstruct-when";
import type { SyncFn } from "@/lib/schedules/scheduled-sync";
import type { MaintenanceTasks } from "@/lib/schedules/tasks";

/** What the functions need from the app; tests pass an in-memory database and fakes. */
export interface FunctionDeps {
  db: () => Promise<Db>;
  tasks: MaintenanceTasks;
  /** The clock scheduled runs read; tests freeze it. */
  now?: () => Date;
  /** The sync call; `syncConnection` unless a test injects a failing one. */
  sync?: SyncFn;
  /** Where a new connection's past prices are read after its first sync; the venues' own unless a test passes a fake. */
  historySources?: SourcesFor;
}
