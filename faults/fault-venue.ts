/**
 * The deterministic venue of the fault suite: the demo venue (a pure function of its seed
 * and clock) synced at these instants, in this order, once each. A run killed before its
 * commit is tried again at the same instant, so the finished database must equal one clean
 * run through the same instants.
 */
export const FAULT_SEED = "fault-suite";

const START = Date.parse("2026-11-20T10:00:00Z");
const STEP_MS = 3 * 3_600_000;

export function faultInstants(n: number): Date[] {
  return Array.from({ length: n }, (_, i) => new Date(START + i * STEP_MS));
}

/** The per-step pause the children run with (SYNC_FAULT_PAUSE_MS). */
export const FAULT_PAUSE_MS = 100;
