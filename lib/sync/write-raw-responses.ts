import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { syncRawResponses } from "@/db/schema";
import type { RawCapture } from "@/lib/connectors/types";
import { chunk } from "@/db/chunk";
import { env } from "@/lib/env";
import { prepareRawBody } from "./raw-body";

/**
 * Retention per connection: the responses of its last 50 runs that kept any, and none older
 * than RETENTION_RAW_RESPONSE_DAYS (7 by default; lib/retention sweeps connections that no
 * longer sync with the same age).
 */
export const RAW_RETENTION_RUNS = 50;
/** The default age limit, with RETENTION_RAW_RESPONSE_DAYS unset. */
export const RAW_RETENTION_MS = 7 * 86_400_000;
const rawRetentionMs = () => env().RETENTION_RAW_RESPONSE_DAYS * 86_400_000;
// Bodies may be up to 256 KB each: small statements keep one INSERT's size reasonable.
const ROWS_PER_INSERT = 20;

/**
 * Keeps the run's raw venue responses and prunes the connection's older ones, inside the
 * run's transaction: a run that rolls back keeps nothing, and the table stays bounded.
 * Returns how many responses were stored.
 */
export async function storeRawResponses(
  tx: Db,
  p: { ownerId: string; connectionId: string; batchId: string; at: Date; raw: RawCapture[] },
): Promise<number> {
  for (const part of chunk(p.raw, ROWS_PER_INSERT)) {
    await tx.insert(syncRawResponses).values(
      part.map((r) => {
        const prepared = prepareRawBody(r.body);
        return {
          batchId: p.batchId,
          connectionId: p.connectionId,
          ownerId: p.ownerId,
          endpoint: r.endpoint,
          capturedAt: r.at,
          body: prepared.body,
          bytes: prepared.bytes,
          truncated: prepared.truncated,
        };
      }),
    );
  }
  await pruneRawResponses(tx, { connectionId: p.connectionId, at: p.at });
  return p.raw.length;
}

export async function pruneRawResponses(tx: Db, p: { connectionId: string; at: Date }): Promise<void> {
  const cutoff = new Date(p.at.getTime() - rawRetentionMs());
  await tx.execute(sql`
    delete from sync_raw_responses r
    where r.connection_id = ${p.connectionId}
      and (
        r.captured_at < ${cutoff.toISOString()}::timestamptz
        or r.batch_id not in (
          select b.id from sync_batches b
          where b.connection_id = ${p.connectionId}
            and exists (select 1 from sync_raw_responses x where x.batch_id = b.id)
          order by b.started_at desc, b.id desc
          limit ${RAW_RETENTION_RUNS}
        )
      )`);
}
