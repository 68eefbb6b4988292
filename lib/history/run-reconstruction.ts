import type { Db } from "@/db/client";
import { recordHistoryFailure } from "@/db/queries/history-runs";
import { redact } from "@/lib/security/redact";
import type { ResidualEvent } from "@/lib/engines/history";
import { reconstructConnection, type HistorySources } from "./reconstruct-connection";
import { writeReconstructedHistory, type WrittenHistory } from "./write-reconstructed";

export interface ReconstructionOutcome extends WrittenHistory {
  days: number;
  fetchedCloses: number;
  residuals: ResidualEvent[];
}

/**
 * Reconstructs one connection's history and stores it: prices are read (and stored) first,
 * outside the transaction, since they are public data worth keeping even if the write
 * fails; the snapshots and roll-ups are then replaced in one transaction.
 *
 * A failure (a price source down, a base currency refused) is recorded on the connection's
 * history run, redacted, and thrown: the previous reconstruction stays as it was, and the
 * connection's page says when and why the last run failed.
 */
export async function runReconstruction(
  db: Db,
  p: { ownerId: string; connectionId: string; now: Date; /** Asked inside, so a provider refused here is recorded too. */ sources: () => HistorySources },
): Promise<ReconstructionOutcome | null> {
  try {
    const h = await reconstructConnection(db, { ...p, sources: p.sources() });
    if (!h) return null;
    const written = await db.transaction((tx) => writeReconstructedHistory(tx, { ownerId: p.ownerId, connectionId: p.connectionId, history: h.result, now: p.now }));
    return { ...written, days: h.result.days.length, fetchedCloses: h.fetchedCloses, residuals: h.result.residuals };
  } catch (e) {
    const error = redact(e instanceof Error ? e.message : String(e));
    // Recording must not hide the failure it records.
    await recordHistoryFailure(db, { ownerId: p.ownerId, connectionId: p.connectionId, at: p.now, error }).catch(() => undefined);
    throw e;
  }
}
