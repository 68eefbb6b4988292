import { and, asc, eq, lte, sql } from "drizzle-orm";
import { driverOf, type Db } from "../client";
import { executeRows } from "../execute-rows";
import { fills } from "../schema";
import { inIds } from "./id-filter";
import { epochMs } from "./json-epoch";

type Scope = { ownerId: string; until: Date; accountIds?: readonly string[] | null };
const whereOf = (p: Scope) => and(eq(fills.ownerId, p.ownerId), lte(fills.executedAt, p.until), inIds(fills.accountId, p.accountIds));

/**
 * Every fill of the workspace executed up to `until`, oldest first (ties in the order they
 * were recorded, then by the venue's id), as trade statistics read them. /performance runs
 * the FIFO book over them: a round trip closed in a range may have opened long before it.
 * Served by fills_owner_executed_id_idx. On PGlite read as one JSON value (below: its
 * per-row decoding was most of the page's time).
 */
export function listWorkspaceFillsUntil(db: Db, p: Scope): Promise<WorkspaceFill[]> {
  return driverOf(db) === "pglite" ? listWorkspaceFillsUntilJson(db, p) : listWorkspaceFillsUntilRows(db, p);
}

/** The row-by-row read (PostgreSQL, where postgres.js decodes rows cheaply). */
export async function listWorkspaceFillsUntilRows(db: Db, p: Scope) {
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
    .where(whereOf(p))
    .orderBy(asc(fills.executedAt), asc(fills.recordedAt), asc(fills.venueFillId));
}

/** A fill as trade statistics read it: the row read's shape, which the JSON read gives too. */
export type WorkspaceFill = Awaited<ReturnType<typeof listWorkspaceFillsUntilRows>>[number];

type FillTuple = [string, WorkspaceFill["side"], string, string, string, string, number, string | null, string, string, string | null];

/**
 * The same read as ONE JSON value built by PostgreSQL, for PGlite, for the reason
 * order-detail-json.ts gives: PGlite decodes every cell of every row in JavaScript, so the
 * demo's 4,116 fills took ~68 ms row by row (17 ms this way). The same rows, value for value
 * (performance-fills.int.test.ts): money as `numeric::text`, instants as epoch milliseconds.
 */
export async function listWorkspaceFillsUntilJson(db: Db, p: Scope): Promise<WorkspaceFill[]> {
  const [row] = await executeRows<{ fills: string }>(
    db,
    sql`select coalesce(json_agg(json_build_array(${fills.symbol}, ${fills.side}, ${fills.price}::text, ${fills.quantity}::text, ${fills.fee}::text,
        ${fills.feeCurrency}, ${epochMs(fills.executedAt)}, ${fills.strategy}, ${fills.venueFillId}, ${fills.accountId}, ${fills.contractSize}::text)
        order by ${fills.executedAt}, ${fills.recordedAt}, ${fills.venueFillId}), '[]')::text as fills
      from ${fills} where ${whereOf(p)}`,
  );
  return (JSON.parse(row!.fills) as FillTuple[]).map(([symbol, side, price, quantity, fee, feeCurrency, executedAt, strategy, venueFillId, accountUid, contractSize]) => ({
    symbol,
    side,
    price,
    quantity,
    fee,
    feeCurrency,
    executedAt: new Date(executedAt),
    strategy,
    venueFillId,
    accountUid,
    contractSize,
  }));
}
