import { and, asc, eq, sql } from "drizzle-orm";
import type { Db } from "../client";
import { executeRows } from "../execute-rows";
import { endOfDaySnapshots } from "../schema";
import { currentFlowRows, valueInBase } from "./cash-flows";

/**
 * The daily inputs of a selection of whole connections (the portfolio selector): each
 * connection's line of the end-of-day closes, and the flows of its accounts. Read for
 * lib/read-models/selection-series.ts, which unitises them.
 */

export interface ConnectionClose {
  day: string;
  asOf: Date;
  connectionId: string;
  /** Null when the connection had no snapshot by that close (missing). */
  equity: string | null;
  capturedAt: Date | null;
}

/**
 * Every end-of-day line of the given connections in `baseCurrency`, oldest day first. A
 * connection is in exactly one close row per day (end-of-day-calculate.ts), so its lines are
 * its own daily series whatever portfolio group it was closed in.
 */
export async function readConnectionCloses(
  db: Db,
  p: { ownerId: string; baseCurrency: string; connectionIds: readonly string[] },
): Promise<ConnectionClose[]> {
  if (p.connectionIds.length === 0) return [];
  const wanted = new Set(p.connectionIds);
  const rows = await db
    .select({ day: endOfDaySnapshots.day, asOf: endOfDaySnapshots.asOf, connections: endOfDaySnapshots.connections })
    .from(endOfDaySnapshots)
    .where(and(eq(endOfDaySnapshots.ownerId, p.ownerId), eq(endOfDaySnapshots.baseCurrency, p.baseCurrency)))
    .orderBy(asc(endOfDaySnapshots.day));
  const out: ConnectionClose[] = [];
  for (const r of rows) {
    for (const c of r.connections) {
      if (!wanted.has(c.connectionId)) continue;
      out.push({ day: r.day, asOf: r.asOf, connectionId: c.connectionId, equity: c.equity, capturedAt: c.capturedAt ? new Date(c.capturedAt) : null });
    }
  }
  return out;
}

export interface SelectionFlow {
  connectionId: string;
  occurredAt: Date;
  /** Signed value in the base currency: + in, − out. */
  value: string;
}

/**
 * The valued external flows of the given connections' accounts (and their funds), oldest
 * first. The workspace's rule (cash-flows.ts) with one difference: a matched transfer
 * counts. The match takes both legs out of the workspace because the money stays inside
 * it; for a selection, a leg to or from a connection outside it is money in or out, and
 * the two legs of a transfer between selected connections cancel in the sum. Unvalued
 * flows move nothing, as for the workspace.
 */
export async function readSelectionFlows(
  db: Db,
  p: { ownerId: string; baseCurrency: string; connectionIds: readonly string[] },
): Promise<SelectionFlow[]> {
  if (p.connectionIds.length === 0) return [];
  const ids = JSON.stringify(p.connectionIds);
  const rows = await executeRows<{ connection_id: string; occurred_at: Date | string; kind: string; value: string | null }>(
    db,
    sql`
    select f.connection_id, f.occurred_at, f.kind, ${valueInBase(p.baseCurrency)} as value
    from (${currentFlowRows(p.ownerId)}) f
    where f.status = 'confirmed' and f.internal_reason is null and not f.reversed
      and f.kind in ('deposit', 'withdrawal', 'subscription', 'redemption')
      and f.connection_id::text in (select value from json_array_elements_text(${ids}::json))
    order by f.occurred_at, f.id`,
  );
  return rows
    .filter((r) => r.value !== null)
    .map((r) => ({
      connectionId: r.connection_id,
      occurredAt: new Date(r.occurred_at),
      value: r.kind === "withdrawal" || r.kind === "redemption" ? (r.value!.startsWith("-") ? r.value!.slice(1) : `-${r.value}`) : r.value!,
    }));
}
