import { z } from "zod";
import type { CursorStream, SyncMode, SyncTrigger } from "@/db/schema";

/** Re-read this much before a cursor: venues publish late fills and edits. */
export const LOOKBACK_MS = 60 * 60_000;
export const DEFAULT_INITIAL_HISTORY_DAYS = 7;
const DAY_MS = 86_400_000;

const historyDaysSchema = z.number().int().min(1).max(3650);

/** The connection's `initialHistoryDays` setting, or the default when unset or not a sane whole number. */
export function initialHistoryDays(config: Record<string, unknown>): number {
  const parsed = historyDaysSchema.safeParse(config.initialHistoryDays);
  return parsed.success ? parsed.data : DEFAULT_INITIAL_HISTORY_DAYS;
}

export interface SyncWindow {
  mode: SyncMode;
  /** Where each incremental stream's read starts (inclusive). */
  since: Record<Exclude<CursorStream, "cash_flows">, Date>;
}

/**
 * Where this run reads from. Pure: the cursors come from the database, the clock from the run.
 *
 * - initial (no cursor, never synced): the connection's history window, as far back as it
 *   allows (`initialHistoryDays`, default 7).
 * - incremental: each stream from its own cursor minus the lookback, so a stream whose
 *   last read failed starts where it last succeeded. A connection synced before cursors
 *   existed starts from its last success.
 * - backfill: from `backfillFrom` (or the history window); repair: the history window,
 *   cursors ignored. Both only re-read: idempotent writes add what was missing, and the
 *   cursors never move back.
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
  if (mode === "backfill") {
    const from = p.backfillFrom ?? historyStart;
    return { mode, since: { orders: from, fills: from } };
  }
  if (mode === "repair") return { mode, since: { orders: historyStart, fills: historyStart } };

  const hasCursor = p.cursors.orders !== undefined || p.cursors.fills !== undefined;
  if (!hasCursor && !p.lastSuccessAt) return { mode: "initial", since: { orders: historyStart, fills: historyStart } };
  // Before cursors existed the last success was the one anchor; once any cursor exists, a
  // stream without one has never been read completely and starts at the history window.
  const legacyAnchor = hasCursor ? null : p.lastSuccessAt;
  const from = (cursor: Date | undefined) => {
    const anchor = cursor ?? legacyAnchor;
    return anchor ? new Date(anchor.getTime() - LOOKBACK_MS) : historyStart;
  };
  return { mode: "incremental", since: { orders: from(p.cursors.orders), fills: from(p.cursors.fills) } };
}
