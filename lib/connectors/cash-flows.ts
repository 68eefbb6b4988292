import type { CashFlow, CashFlowParams } from "./types";

/**
 * Where a connector's cash-flow read starts and ends, from the caller's cursor, the
 * earliest flow still stored as pending, the venue's publication lag and how far back the
 * venue keeps history. Every connector's `fetchCashFlows` plans its read here, so the
 * cursor means the same thing for all of them.
 */
const DAY_MS = 86_400_000;

/** Read when no cursor is given (a new connection): what most venues keep without paging years back. */
export const CASH_FLOW_DEFAULT_HISTORY_MS = 90 * DAY_MS;

export interface FlowWindowOptions {
  now: Date;
  /** How late the venue publishes a flow after its time (a daily statement: a day or two). */
  lagMs: number;
  defaultHistoryMs?: number;
  /** The oldest instant the venue still answers for (OKX Web3 keeps six months). */
  earliestMs?: number;
}

export function cashFlowWindow(params: CashFlowParams, o: FlowWindowOptions): { start: number; end: number } {
  const end = o.now.getTime();
  let start = params.since ? params.since.getTime() - o.lagMs : end - (o.defaultHistoryMs ?? CASH_FLOW_DEFAULT_HISTORY_MS);
  if (params.pendingSince) start = Math.min(start, params.pendingSince.getTime());
  if (o.earliestMs !== undefined) start = Math.max(start, o.earliestMs);
  return { start: Math.min(start, end), end };
}

/** Flows inside the window, for venues whose answer is not filtered by time (a statement, a simulation). */
export function flowsWithin(flows: CashFlow[], w: { start: number; end: number }): CashFlow[] {
  return flows.filter((f) => f.at.getTime() >= w.start && f.at.getTime() <= w.end);
}
