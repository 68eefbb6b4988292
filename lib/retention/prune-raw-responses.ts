import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { executeRows } from "@/db/execute-rows";
import type { RetentionPolicy } from "./policy";

const DAY_MS = 86_400_000;
/** Bodies run up to 256 KB: small batches keep each DELETE short. */
export const RAW_PRUNE_BATCH_ROWS = 500;

/**
 * Deletes raw venue responses older than the policy's age, connection by connection over the
 * (connection, captured_at) index, in small batches. Each sync already prunes its own
 * connection; this sweep also reaches connections that no longer sync (paused, deleted,
 * failing before they write), whose old responses would otherwise stay forever.
 */
export async function pruneOldRawResponses(db: Db, p: { now: Date; policy: RetentionPolicy; batchRows?: number }): Promise<number> {
  const batchRows = p.batchRows ?? RAW_PRUNE_BATCH_ROWS;
  const cutoff = new Date(p.now.getTime() - p.policy.rawResponseDays * DAY_MS).toISOString();
  const conns = await executeRows<{ connection_id: string }>(db, sql`select distinct connection_id from sync_raw_responses where captured_at < ${cutoff}::timestamptz`);
  let total = 0;
  for (const c of conns) {
    for (;;) {
      const rows = await executeRows<{ id: string }>(
        db,
        sql`delete from sync_raw_responses where id in (
              select id from sync_raw_responses
              where connection_id = ${c.connection_id} and captured_at < ${cutoff}::timestamptz
              limit ${batchRows})
            returning id`,
      );
      total += rows.length;
      if (rows.length < batchRows) break;
    }
  }
  return total;
}
