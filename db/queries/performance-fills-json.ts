import { sql } from "drizzle-orm";
import type { Db } from "../client";
import { executeRows } from "../execute-rows";
import type { fills } from "../schema";

/**
 * listWorkspaceFillsUntil as ONE JSON value built by PostgreSQL, for PGlite (chosen in
 * performance-fills.ts), for the reason order-detail-json.ts gives: PGlite decodes every
 * cell of every row in JavaScript, so the demo's 4,116 fills took ~68 ms row by row, most
 * of /performance's server render. The same rows, value for value
 * (performance-fills-json.int.test.ts): money as `numeric::text`, instants as whole epoch
 * milliseconds (what a Date parsed from a row keeps).
 */
/** A fill as trade statistics read it (both reads give exactly this). */
export interface WorkspaceFill {
  symbol: string;
  side: (typeof fills.$inferSelect)["side"];
  price: string;
  quantity: string;
  fee: string;
  feeCurrency: string;
  executedAt: Date;
  strategy: string | null;
  venueFillId: string;
  accountUid: string;
  contractSize: string | null;
}

type FillTuple = [string, WorkspaceFill["side"], string, string, string, string, number, string | null, string, string, string | null];

export async function listWorkspaceFillsUntilJson(db: Db, p: { ownerId: string; until: Date; accountIds?: readonly string[] | null }): Promise<WorkspaceFill[]> {
  const accounts = p.accountIds === null || p.accountIds === undefined ? sql`` : p.accountIds.length === 0 ? sql`and false` : sql`and f.account_id = any(${sql.param([...p.accountIds])}::uuid[])`;
  const [row] = await executeRows<{ fills: string }>(
    db,
    sql`select coalesce(json_agg(json_build_array(f.symbol, f.side, f.price::text, f.quantity::text, f.fee::text, f.fee_currency,
        floor(extract(epoch from f.executed_at) * 1000)::bigint, f.strategy, f.venue_fill_id, f.account_id, f.contract_size::text)
        order by f.executed_at, f.created_at, f.venue_fill_id), '[]')::text as fills
      from fills f
      where f.owner_id = ${p.ownerId}::uuid and f.executed_at <= ${p.until.toISOString()}::timestamptz ${accounts}`,
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
