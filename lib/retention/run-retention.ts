import type { Db } from "@/db/client";
import { retentionPolicy, type RetentionPolicy } from "./policy";
import { pruneOldRawResponses } from "./prune-raw-responses";
import { thinSnapshotDetail } from "./thin-snapshot-detail";

/**
 * The retention maintenance task: thin per-symbol snapshot detail and prune raw responses.
 * Never touches snapshot totals, roll-ups, or the audit trail (orders, order events, fills,
 * audit checkpoints): lib/retention/run-retention.int.test.ts checks each is unchanged.
 */
export async function runRetention(
  db: Db,
  p: { now: Date; policy?: RetentionPolicy; batchRows?: number },
): Promise<{ connections: number; detailDocumentsDeleted: number; rawResponsesDeleted: number }> {
  const policy = p.policy ?? retentionPolicy();
  if (!policy.enabled) return { connections: 0, detailDocumentsDeleted: 0, rawResponsesDeleted: 0 };
  const detail = await thinSnapshotDetail(db, { now: p.now, policy, batchRows: p.batchRows });
  const raw = await pruneOldRawResponses(db, { now: p.now, policy, batchRows: p.batchRows });
  return { connections: detail.connections, detailDocumentsDeleted: detail.documents, rawResponsesDeleted: raw };
}
