import type { AuditCheckpointRow } from "@/db/schema";

/** An account's order-event chain as the connection page shows it (plain values, ISO times). */
export interface AuditStatusView {
  status: "ok" | "broken";
  /** Events verified intact, from the first on. */
  eventsVerified: number;
  headHash: string;
  checkedAt: string;
  /** The first bad event (its seq, the event's id), while broken. */
  brokenAtSeq: number | null;
  brokenReason: string | null;
}

/** Null: never verified (an account with no sync since checkpoints, or no events yet). */
export function auditStatusView(cp: AuditCheckpointRow | null | undefined): AuditStatusView | null {
  if (!cp) return null;
  return {
    status: cp.status,
    eventsVerified: cp.eventsVerified,
    headHash: cp.headHash,
    checkedAt: cp.checkedAt.toISOString(),
    brokenAtSeq: cp.brokenAtSeq,
    brokenReason: cp.brokenReason,
  };
}
