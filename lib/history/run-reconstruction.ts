import type { Db } from "@/db/client";
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
 */
export async function runReconstruction(db: Db, p: { ownerId: string; connectionId: string; now: Date; sources: HistorySources }): Promise<ReconstructionOutcome | null> {
  const h = await reconstructConnection(db, p);
  if (!h) return null;
  const written = await db.transaction((tx) => writeReconstructedHistory(tx, { ownerId: p.ownerId, connectionId: p.connectionId, history: h.result, now: p.now }));
  return { ...written, days: h.result.days.length, fetchedCloses: h.fetchedCloses, residuals: h.result.residuals };
}
