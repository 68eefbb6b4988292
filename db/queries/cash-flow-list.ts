import { and, asc, eq, sql, type SQL } from "drizzle-orm";
import type { Db } from "../client";
import { executeRows } from "../execute-rows";
import { connections, tradingAccounts, type CashFlowSource } from "../schema";
import type { CashFlowKind, CashFlowStatus, IncomeKind } from "@/lib/connectors/types";
import { countsForWorkspace, currentFlowRows, valueInBase } from "./cash-flows";
import { liveConnection } from "./connections";
import { keysetOrder, keysetResult, keysetWhere, type KeysetCursor } from "./keyset";

export interface CashFlowListFilters {
  connectionId?: string;
  kind?: CashFlowKind;
  status?: CashFlowStatus;
  source?: CashFlowSource;
  /** true: only flows that count for the workspace; false: only those that do not. */
  counted?: boolean;
  /** A flow id (also finds the flow that replaced it), a transaction id or a venue's flow id, exactly. */
  find?: string;
}

/** One listed flow: its current row, what it is on, who entered it, its reversal and what it replaced. */
export interface CashFlowListRow {
  id: string;
  key: string;
  occurredAt: Date;
  recordedAt: Date;
  connectionId: string;
  connectionLabel: string;
  connectionDeleted: boolean;
  provider: string;
  accountId: string | null;
  accountName: string | null;
  portfolioName: string | null;
  kind: CashFlowKind;
  incomeKind: IncomeKind | null;
  asset: string;
  amount: string;
  fee: string | null;
  feeAsset: string | null;
  /** In the base currency asked for; null when unvalued in it. */
  value: string | null;
  priceSource: string | null;
  status: CashFlowStatus;
  venueStatus: string | null;
  source: CashFlowSource;
  enteredByName: string | null;
  note: string | null;
  description: string | null;
  txId: string | null;
  network: string | null;
  internalReason: string | null;
  reversed: boolean;
  matched: boolean;
  reversal: { at: Date; byName: string | null; note: string | null } | null;
  replaces: { id: string; kind: CashFlowKind; asset: string; amount: string; occurredAt: Date } | null;
  replacedById: string | null;
}

const KEY = { at: sql`f.occurred_at`, id: sql`f.id` };
const date = (v: Date | string) => new Date(v);

/**
 * One page of the workspace's flows, newest first by default: the current row of each flow
 * (db/queries/cash-flows.ts, `currentFlowRows`; reversal rows are shown on the flow they
 * reverse), valued in `baseCurrency` by the same rule that counts them. Keyset by
 * (occurred_at, id).
 */
export async function listCashFlowPage(
  db: Db,
  p: { ownerId: string; baseCurrency: string; cursor: KeysetCursor | null; limit: number; descending: boolean; filters: CashFlowListFilters },
) {
  const f = p.filters;
  const where: SQL[] = [sql`true`];
  if (f.connectionId) where.push(sql`f.connection_id = ${f.connectionId}::uuid`);
  if (f.kind) where.push(sql`f.kind = ${f.kind}`);
  if (f.status) where.push(sql`f.status = ${f.status}`);
  if (f.source) where.push(sql`f.source = ${f.source}`);
  if (f.counted !== undefined) where.push(f.counted ? countsForWorkspace : sql`not ${countsForWorkspace}`);
  if (f.find) where.push(sql`(f.id::text = ${f.find} or f.replaces_id::text = ${f.find} or f.tx_id = ${f.find} or f.venue_flow_id = ${f.find})`);
  const range = keysetWhere(KEY, p.cursor, p.descending);
  if (range) where.push(range);
  const rows = await executeRows<Record<string, unknown>>(
    db,
    sql`
    select f.id, f.occurred_at::text as key, f.occurred_at, f.created_at as recorded_at, f.connection_id, c.label as connection_label,
      c.deleted_at is not null as connection_deleted, c.provider, f.account_id, a.name as account_name, pf.name as portfolio_name,
      f.kind, f.income_kind, f.asset, f.amount::text as amount, f.fee::text as fee, f.fee_asset,
      ${valueInBase(p.baseCurrency)} as value, f.price_source, f.status, f.venue_status, f.source,
      u.name as entered_by_name, f.note, f.description, f.tx_id, f.network, f.internal_reason, f.reversed, f.matched,
      rv.recorded_at as reversed_at, rv.note as reversal_note, ru.name as reversed_by_name,
      rp.id as replaces_id, rp.kind as replaces_kind, rp.asset as replaces_asset, rp.amount::text as replaces_amount,
      rp.occurred_at as replaces_occurred_at, rb.id as replaced_by_id
    from (${currentFlowRows(p.ownerId)}) f
    join connections c on c.id = f.connection_id
    left join trading_accounts a on a.id = f.account_id
    left join portfolios pf on pf.id = f.portfolio_id
    left join users u on u.id = f.entered_by
    left join lateral (
      select r.created_at as recorded_at, r.note, r.entered_by, r.reverses_id from cash_flows r join cash_flows t on t.id = r.reverses_id
      where r.owner_id = f.owner_id and t.venue_flow_id = f.venue_flow_id
        and coalesce(t.account_id, t.portfolio_id) = coalesce(f.account_id, f.portfolio_id)
      order by r.seq limit 1
    ) rv on true
    left join users ru on ru.id = rv.entered_by
    left join cash_flows rp on rp.id = f.replaces_id and rp.owner_id = f.owner_id
    left join lateral (
      select x.id from cash_flows x where x.owner_id = f.owner_id and x.replaces_id = rv.reverses_id order by x.seq limit 1
    ) rb on true
    where ${and(...where)}
    order by ${sql.join(keysetOrder(KEY, p.cursor, p.descending), sql`, `)}
    limit ${p.limit + 1}`,
  );
  const page = keysetResult(rows, { cursor: p.cursor, limit: p.limit, key: (r) => ({ at: String(r.key), id: String(r.id) }) });
  return { ...page, rows: page.rows.map(toListRow) };
}

function toListRow(r: Record<string, unknown>): CashFlowListRow {
  const s = (k: string) => r[k] as string;
  const n = (k: string) => (r[k] ?? null) as string | null;
  return {
    id: s("id"),
    key: s("key"),
    occurredAt: date(s("occurred_at")),
    recordedAt: date(s("recorded_at")),
    connectionId: s("connection_id"),
    connectionLabel: s("connection_label"),
    connectionDeleted: r.connection_deleted === true,
    provider: s("provider"),
    accountId: n("account_id"),
    accountName: n("account_name"),
    portfolioName: n("portfolio_name"),
    kind: s("kind") as CashFlowKind,
    incomeKind: n("income_kind") as IncomeKind | null,
    asset: s("asset"),
    amount: s("amount"),
    fee: n("fee"),
    feeAsset: n("fee_asset"),
    value: n("value"),
    priceSource: n("price_source"),
    status: s("status") as CashFlowStatus,
    venueStatus: n("venue_status"),
    source: s("source") as CashFlowSource,
    enteredByName: n("entered_by_name"),
    note: n("note"),
    description: n("description"),
    txId: n("tx_id"),
    network: n("network"),
    internalReason: n("internal_reason"),
    reversed: r.reversed === true,
    matched: r.matched === true,
    reversal: r.reversed_at ? { at: date(s("reversed_at")), byName: n("reversed_by_name"), note: n("reversal_note") } : null,
    replaces: r.replaces_id
      ? { id: s("replaces_id"), kind: s("replaces_kind") as CashFlowKind, asset: s("replaces_asset"), amount: s("replaces_amount"), occurredAt: date(s("replaces_occurred_at")) }
      : null,
    replacedById: n("replaced_by_id"),
  };
}

/** The accounts a manual flow may go to: the workspace's, on connections nobody deleted, by connection then name. */
export async function listFlowAccounts(db: Db, p: { ownerId: string }) {
  return db
    .select({ id: tradingAccounts.id, name: tradingAccounts.name, accountUid: tradingAccounts.accountUid, connectionId: connections.id, connectionLabel: connections.label })
    .from(tradingAccounts)
    .innerJoin(connections, eq(connections.id, tradingAccounts.connectionId))
    .where(and(eq(tradingAccounts.ownerId, p.ownerId), liveConnection))
    .orderBy(asc(connections.createdAt), asc(tradingAccounts.name), asc(tradingAccounts.accountUid));
}
