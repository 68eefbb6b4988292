import { CURSOR_STREAMS, type CursorStream, type SyncMode, type SyncTrigger } from "@/db/schema";
import { DEFAULT_INITIAL_HISTORY_DAYS, initialHistoryDaysSchema } from "@/lib/connectors/ccxt/config";

/** Re-read this much before a cursor: venues publish late fills and edits. */
export const LOOKBACK_MS = 60 * 60_000;
const DAY_MS = 86_400_000;

/** The connection's `initialHistoryDays` setting, or the default when unset or not a sane whole number. */
export function initialHistoryDays(config: Record<string, unknown>): number {
  const parsed = initialHistoryDaysSchema.safeParse(config.initialHistoryDays);
  return parsed.success ? parsed.data : DEFAULT_INITIAL_HISTORY_DAYS;
}

/** Where each incremental stream's read starts (inclusive). */
export interface StreamStarts {
  orders: Date;
  fills: Date;
  /**
   * The "cash_flows" cursor as is (the connector reaches back by its venue's lag itself,
   * lib/connectors/cash-flows.ts); undefined: no cursor yet, so the venue's whole history
   * is read (a new connection, or the first run after flows were introduced).
   */
  cash_flows: Date | undefined;
}

export interface SyncWindow {
  mode: SyncMode;
  since: StreamStarts;
  /**
   * The streams whose cursor this run may move when their read succeeds. Not the flows of
   * a backfill or repair that has no flows cursor yet: it reads them from its window only,
   * so the history before it is still unread, and the next ordinary run reads it all.
   */
  cursorStreams: CursorStream[];
}

/**
 * Where this run reads from. Pure: the cursors come from the database, the clock from the run.
 *
 * - initial (no cursor, never synced): the connection's history window, as far back as it
 *   allows (`initialHistoryDays`, default 7); flows as far back as the venue allows.
 * - incremental: each stream from its own cursor (orders and fills minus the lookback), so
 *   a stream whose last read failed starts where it last succeeded. A connection synced
 *   before cursors existed starts orders and fills from its last success; flows without a
 *   cursor are read as far back as the venue allows (that is their backfill).
 * - backfill: from `backfillFrom` (or the history window); repair: the history window,
 *   cursors ignored, flows included. Both only re-read: idempotent writes add what was
 *   missing, and the cursors never move back.
 */
export function planSyncWindow(p: {
  now: Date;
  trigger: SyncTrigger;
  mode?: "backfill" | "repair";
  backfillFrom?: Date;
  historyDays: number;
  cursors: Partial<Record<CursorStream, Date>>;
  lastSuccessAt: Date | null;
}): SyncWindow {
  const historyStart = new Date(p.now.getTime() - p.historyDays * DAY_MS);
  const mode = p.mode ?? (p.trigger === "backfill" ? "backfill" : undefined);
  if (mode === "backfill" || mode === "repair") {
    const from = mode === "backfill" ? (p.backfillFrom ?? historyStart) : historyStart;
    const cursorStreams = CURSOR_STREAMS.filter((s) => s !== "cash_flows" || p.cursors.cash_flows !== undefined);
    return { mode, since: { orders: from, fills: from, cash_flows: from }, cursorStreams };
  }

  const cursorStreams = [...CURSOR_STREAMS];
  const flowsSince = p.cursors.cash_flows;
  const hasCursor = CURSOR_STREAMS.some((s) => p.cursors[s] !== undefined);
  if (!hasCursor && !p.lastSuccessAt) {
    return { mode: "initial", since: { orders: historyStart, fills: historyStart, cash_flows: flowsSince }, cursorStreams };
  }
  // Before cursors existed the last success was the one anchor; once any cursor exists, a
  // stream without one has never been read completely and starts at the history window.
  const legacyAnchor = hasCursor ? null : p.lastSuccessAt;
  const from = (cursor: Date | undefined) => {
    const anchor = cursor ?? legacyAnchor;
    return anchor ? new Date(anchor.getTime() - LOOKBACK_MS) : historyStart;
  };
  return {
    mode: "incremental",
    since: { orders: from(p.cursors.orders), fills: from(p.cursors.fills), cash_flows: flowsSince },
    cursorStreams,
  };
}
