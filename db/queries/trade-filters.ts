import { sql, type SQL } from "drizzle-orm";
import type { OrderSide } from "@/lib/connectors/types";

/** The filters /orders and /fills share, as their queries take them (lib/read-models/trade-filters.ts validates them). */
export interface TradeFilters {
  connectionId?: string;
  accountId?: string;
  symbol?: string;
  side?: OrderSide;
  strategy?: string;
  /** At or after this instant (placed, executed). */
  from?: Date;
  /** Before this instant. */
  before?: Date;
  /** A venue order id or a client order id, exactly. */
  find?: string;
}

/** Where a list's rows keep what the filters test; the connection is always `a.connection_id` (the joined trading account). */
export interface TradeFilterColumns {
  accountId: SQL;
  symbol: SQL;
  side: SQL;
  /** The conditions that keep one strategy tag's rows (a list may need more than one column compared, so its index serves it). */
  strategy: (tag: string) => SQL[];
  at: SQL;
  venueOrderId: SQL;
  clientOrderId: SQL;
}

/** The conditions of the filters in use, each one column compared with one value (so the owner's indexes serve them). */
export function tradeFilterWhere(c: TradeFilterColumns, f: TradeFilters): SQL[] {
  const where: SQL[] = [];
  if (f.connectionId) where.push(sql`a.connection_id = ${f.connectionId}::uuid`);
  if (f.accountId) where.push(sql`${c.accountId} = ${f.accountId}::uuid`);
  if (f.symbol) where.push(sql`${c.symbol} = ${f.symbol}`);
  if (f.side) where.push(sql`${c.side} = ${f.side}`);
  if (f.strategy) where.push(...c.strategy(f.strategy));
  if (f.from) where.push(sql`${c.at} >= ${f.from.toISOString()}::timestamptz`);
  if (f.before) where.push(sql`${c.at} < ${f.before.toISOString()}::timestamptz`);
  if (f.find) where.push(sql`(${c.venueOrderId} = ${f.find} or ${c.clientOrderId} = ${f.find})`);
  return where;
}
