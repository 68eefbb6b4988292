import { and, eq, inArray, isNotNull, isNull, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { CashFlowStatus } from "@/lib/connectors/types";
import type { Db } from "../client";
import { executeRows } from "../execute-rows";
import { cashFlowMatches, cashFlows, connections, portfolios, tradingAccounts, users, type TransferMatchMethod } from "../schema";
import { currentFlowRows } from "./cash-flows";
import { keysetOrder, keysetResult, keysetWhere, keyText, type KeysetCursor } from "./keyset";
import { NotFoundError } from "./not-found";

/**
 * Cross-connection transfer matches (cash_flow_matches): what the matcher reads and writes,
 * and the list the transfers page shows. Which flows count stays in ./cash-flows.ts.
 */

/**
 * The current row of every withdrawal and deposit of the owner, with its state, whatever it
 * is: the transfers engine's candidates (lib/engines/transfers, TransferCandidate).
 */
export async function readTransferCandidates(db: Db, p: { ownerId: string }) {
  const rows = await executeRows<{
    id: string;
    connection_id: string;
    kind: "withdrawal" | "deposit";
    asset: string;
    amount: string;
    occurred_at: Date | string;
    tx_id: string | null;
    status: CashFlowStatus;
    internal: boolean;
    reversed: boolean;
  }>(db, sql`
    select f.id, f.connection_id, f.kind, f.asset, f.amount::text as amount, f.occurred_at, f.tx_id, f.status,
      f.internal_reason is not null as internal, f.reversed
    from (${currentFlowRows(p.ownerId)}) f
    where f.kind in ('withdrawal', 'deposit')
    order by f.occurred_at, f.id`);
  return rows.map((r) => ({
    id: r.id,
    connectionId: r.connection_id,
    kind: r.kind,
    asset: r.asset,
    amount: r.amount,
    occurredAt: new Date(r.occurred_at),
    txId: r.tx_id,
    status: r.status,
    internal: r.internal,
    reversed: r.reversed,
  }));
}

export interface RecordedMatch {
  matchId: string;
  /** The current row of the out leg's flow (null if it has none); a match names a row, a flow may have a later one. */
  outId: string | null;
  inId: string | null;
  live: boolean;
}

/** Every match of the owner, live or undone, its legs resolved to their flows' current rows. */
export async function readRecordedMatches(db: Db, p: { ownerId: string }): Promise<RecordedMatch[]> {
  const rows = await executeRows<{ id: string; out_id: string | null; in_id: string | null; live: boolean }>(db, sql`
    with cur as (${currentFlowRows(p.ownerId)})
    select m.id, co.id as out_id, ci.id as in_id, m.undone_at is null as live
    from cash_flow_matches m
    join cash_flows o on o.id = m.out_flow_id
    join cash_flows i on i.id = m.in_flow_id
    left join cur co on co.venue_flow_id = o.venue_flow_id and coalesce(co.account_id, co.portfolio_id) = coalesce(o.account_id, o.portfolio_id)
    left join cur ci on ci.venue_flow_id = i.venue_flow_id and coalesce(ci.account_id, ci.portfolio_id) = coalesce(i.account_id, i.portfolio_id)
    where m.owner_id = ${p.ownerId}`);
  return rows.map((r) => ({ matchId: r.id, outId: r.out_id, inId: r.in_id, live: r.live }));
}

/**
 * Records matches made by the matcher. A pair already recorded, or a leg already in a live
 * match (a concurrent run got there first), is skipped by the unique keys, not an error.
 */
export async function insertTransferMatches(
  db: Db,
  p: { ownerId: string; matches: ReadonlyArray<{ outFlowId: string; inFlowId: string; method: TransferMatchMethod }> },
): Promise<Array<{ id: string; outFlowId: string; inFlowId: string }>> {
  if (p.matches.length === 0) return [];
  return db
    .insert(cashFlowMatches)
    .values(p.matches.map((m) => ({ ownerId: p.ownerId, outFlowId: m.outFlowId, inFlowId: m.inFlowId, method: m.method })))
    .onConflictDoNothing()
    .returning({ id: cashFlowMatches.id, outFlowId: cashFlowMatches.outFlowId, inFlowId: cashFlowMatches.inFlowId });
}

/**
 * Ends live matches: by a person (`by`), or by the matcher (`by` null) when a leg stopped
 * counting. Returns the matches it ended, with their legs; one already ended is left as is.
 */
export async function endTransferMatches(
  db: Db,
  p: { ownerId: string; matchIds: readonly string[]; at: Date; by: string | null },
): Promise<Array<{ id: string; outFlowId: string; inFlowId: string }>> {
  if (p.matchIds.length === 0) return [];
  return db
    .update(cashFlowMatches)
    .set({ undoneAt: p.at, undoneBy: p.by })
    .where(and(eq(cashFlowMatches.ownerId, p.ownerId), inArray(cashFlowMatches.id, [...p.matchIds]), isNull(cashFlowMatches.undoneAt)))
    .returning({ id: cashFlowMatches.id, outFlowId: cashFlowMatches.outFlowId, inFlowId: cashFlowMatches.inFlowId });
}

/** One match of the owner; another workspace's is not found. */
export async function getTransferMatch(db: Db, p: { ownerId: string; matchId: string }) {
  const [row] = await db
    .select()
    .from(cashFlowMatches)
    .where(and(eq(cashFlowMatches.id, p.matchId), eq(cashFlowMatches.ownerId, p.ownerId)));
  if (!row) throw new NotFoundError("transfer match");
  return row;
}

/** The earliest time among these flow rows of the owner; null for none. */
export async function earliestFlowTime(db: Db, p: { ownerId: string; flowIds: readonly string[] }): Promise<Date | null> {
  if (p.flowIds.length === 0) return null;
  const [row] = await db
    .select({ at: sql<Date | string | null>`min(${cashFlows.occurredAt})` })
    .from(cashFlows)
    .where(and(eq(cashFlows.ownerId, p.ownerId), inArray(cashFlows.id, [...p.flowIds])));
  return row?.at ? new Date(row.at) : null;
}

export interface TransferMatchFilters {
  state?: "live" | "undone";
  method?: TransferMatchMethod;
}

/** One leg's tables, aliased apart, and the columns the list shows of it. */
function leg(side: "out" | "in") {
  const flow = alias(cashFlows, `${side}_flow`);
  const conn = alias(connections, `${side}_conn`);
  const account = alias(tradingAccounts, `${side}_account`);
  const portfolio = alias(portfolios, `${side}_portfolio`);
  const columns = {
    id: flow.id,
    connectionId: flow.connectionId,
    connectionLabel: conn.label,
    connectionDeleted: sql<boolean>`${conn.deletedAt} is not null`,
    holder: sql<string | null>`coalesce(${account.alias}, ${account.name}, ${portfolio.alias}, ${portfolio.name})`,
    asset: flow.asset,
    amount: flow.amount,
    fee: flow.fee,
    feeAsset: flow.feeAsset,
    occurredAt: flow.occurredAt,
    txId: flow.txId,
    network: flow.network,
  };
  return { flow, conn, account, portfolio, columns };
}

const OUT = leg("out");
const IN = leg("in");
const matcher = alias(users, "matcher");
const undoer = alias(users, "undoer");

/** One keyset page of the owner's matches by when they were made, both legs with their connection and account. */
export async function listTransferMatchPage(db: Db, p: { ownerId: string; cursor: KeysetCursor | null; limit: number; descending: boolean; filters: TransferMatchFilters }) {
  const key = { at: cashFlowMatches.matchedAt, id: cashFlowMatches.id };
  const where: SQL[] = [eq(cashFlowMatches.ownerId, p.ownerId)];
  if (p.filters.state) where.push(p.filters.state === "live" ? isNull(cashFlowMatches.undoneAt) : isNotNull(cashFlowMatches.undoneAt));
  if (p.filters.method) where.push(eq(cashFlowMatches.method, p.filters.method));
  const range = keysetWhere(key, p.cursor, p.descending);
  if (range) where.push(range);
  const fetched = await db
    .select({
      match: cashFlowMatches,
      matchedByName: matcher.name,
      undoneByName: undoer.name,
      out: OUT.columns,
      in: IN.columns,
      key: keyText(key.at),
    })
    .from(cashFlowMatches)
    .innerJoin(OUT.flow, eq(OUT.flow.id, cashFlowMatches.outFlowId))
    .innerJoin(IN.flow, eq(IN.flow.id, cashFlowMatches.inFlowId))
    .innerJoin(OUT.conn, eq(OUT.conn.id, OUT.flow.connectionId))
    .innerJoin(IN.conn, eq(IN.conn.id, IN.flow.connectionId))
    .leftJoin(OUT.account, eq(OUT.account.id, OUT.flow.accountId))
    .leftJoin(IN.account, eq(IN.account.id, IN.flow.accountId))
    .leftJoin(OUT.portfolio, eq(OUT.portfolio.id, OUT.flow.portfolioId))
    .leftJoin(IN.portfolio, eq(IN.portfolio.id, IN.flow.portfolioId))
    .leftJoin(matcher, eq(matcher.id, cashFlowMatches.matchedBy))
    .leftJoin(undoer, eq(undoer.id, cashFlowMatches.undoneBy))
    .where(and(...where))
    .orderBy(...keysetOrder(key, p.cursor, p.descending))
    .limit(p.limit + 1);
  return keysetResult(fetched, { cursor: p.cursor, limit: p.limit, key: (r) => ({ at: r.key, id: r.match.id }) });
}
