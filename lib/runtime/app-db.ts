import { openDb, type DbHandle } from "@/db/client";
import { ensureLocalOwner } from "@/db/queries/users";
import { databaseTarget, env } from "@/lib/env";
import { ensureDemoPortfolio } from "./demo-seed";

export interface AppRuntime {
  handle: DbHandle;
  ownerId: string;
}

const KEY = Symbol.for("venuefolio.runtime");
type Holder = { [KEY]?: Promise<AppRuntime> };

async function start(): Promise<AppRuntime> {
  const e = env();
  const handle = await openDb(databaseTarget(e));
  const owner = await ensureLocalOwner(handle.db);
  if (e.DEMO_SEED === "on") await ensureDemoPortfolio(handle.db, { ownerId: owner.id });
  return { handle, ownerId: owner.id };
}

/**
 * The process-wide database and viewer, opened once (kept on globalThis so dev reloads
 * reuse it). A failed start is not cached: the next call tries again.
 */
export function getRuntime(): Promise<AppRuntime> {
  const holder = globalThis as Holder;
  if (!holder[KEY]) {
    holder[KEY] = start().catch((err: unknown) => {
      delete holder[KEY];
      throw err;
    });
  }
  return holder[KEY];
}
