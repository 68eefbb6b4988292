import type { Sql } from "postgres";
import { driverOf, type Db } from "./client";

export interface HeldLock {
  release(): Promise<void>;
}

/**
 * Holds a process-wide lock named by `key` for as long as the caller wants, or answers null
 * when another process holds it. On PostgreSQL: a session advisory lock on a connection
 * reserved from the pool for the whole time (a pooled connection would lose it between
 * queries); the server frees it when that connection drops, so a crashed holder never
 * blocks the others. On PGlite there is nothing to take: one process per data directory is
 * already guaranteed by db/lock.ts, so the caller holds it. A transaction handle (neither
 * driver known) is refused: a lock must outlive any transaction.
 */
export async function tryHoldAdvisoryLock(db: Db, key: bigint): Promise<HeldLock | null> {
  const driver = driverOf(db);
  if (driver === "pglite") return { release: async () => {} };
  if (driver !== "postgres") throw new Error("tryHoldAdvisoryLock needs the database handle, not a transaction");
  const client = (db as unknown as { $client: Sql }).$client;
  const reserved = await client.reserve();
  try {
    const [row] = await reserved<{ ok: boolean }[]>`select pg_try_advisory_lock(${key.toString()}::bigint) as ok`;
    if (!row?.ok) {
      reserved.release();
      return null;
    }
  } catch (e) {
    reserved.release();
    throw e;
  }
  let released = false;
  return {
    async release() {
      if (released) return;
      released = true;
      try {
        await reserved`select pg_advisory_unlock(${key.toString()}::bigint)`;
      } finally {
        reserved.release();
      }
    },
  };
}
