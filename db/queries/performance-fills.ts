import { and, asc, eq, lte } from "drizzle-orm";
import { driverOf, type Db } from "../client";
import { fills } from "../schema";
import { inIds } from "./id-filter";
import { listWorkspaceFillsUntilJson, type WorkspaceFill } from "./performance-fills-json";

export type { WorkspaceFill } from "./performance-fills-json";

/**
 * Every fill of the workspace executed up to `until`, oldest first (ties in the order they
 * were recorded, then by the venue's id), as trade statistics read them. /performance runs
 * the FIFO book over them: a round trip closed in a range may have opened long before it.
 * Served by fills_owner_executed_id_idx. On PGlite read as one JSON value
 * (performance-fills-json.ts: its per-row decoding was most of the page's time).
 */
export function listWorkspaceFillsUntil(db: Db, p: { ownerId: string; until: Date; accountIds?: readonly string[] | null }): Promise<WorkspaceFill[]> {
  return driverOf(db) === "pglite" ? listWorkspaceFillsUntilJson(db, p) : listWorkspaceFillsUntilRows(db, p);
}

/** The row-by-row read (PostgreSQL, where postgres.js decodes rows cheaply). */
export async function listWorkspaceFillsUntilRows(db: Db, p: { ownerId: string; until: Date; accountIds?: readonly string[] | null }): Promise<WorkspaceFill[]> {
  return db
    .select({
      symbol: fills.symbol,
      side: fills.side,
      price: fills.price,
      quantity: fills.quantity,
      fee: fills.fee,
      feeCurrency: fills.feeCurrency,
      executedAt: fills.executedAt,
      strategy: fills.strategy,
      venueFillId: fills.venueFillId,
      accountUid: fills.accountId,
      contractSize: fills.contractSize,
    })
    .from(fills)
    .where(and(eq(fills.ownerId, p.ownerId), lte(fills.executedAt, p.until), inIds(fills.accountId, p.accountIds)))
    .orderBy(asc(fills.executedAt), asc(fills.recordedAt), asc(fills.venueFillId));
}
