import { sql } from "drizzle-orm";
import type { Db } from "../client";
import { executeRows } from "../execute-rows";
import type { CashFlowKind } from "@/lib/connectors/types";

/**
 * Which cash-flow rows count, in one place. `cash_flows` is append-only, so a flow's state is
 * read, never stored:
 * - a flow is identified by its holder (account, or portfolio for a fund-level flow) and its
 *   venue flow id; its current row is the one with the highest `seq` (a later status);
 * - a reversal row (`reverses_id`) voids the flow whose row it names, whatever row of it;
 * - a live transfer match (cash_flow_matches, not undone) takes both legs out of the
 *   workspace's flows: each still moved its own connection's balance.
 *
 * A flow counts for the workspace when its current row is confirmed, of an external kind
 * (deposit, withdrawal, subscription, redemption), not internal to its connection, not
 * reversed and not matched.
 */
export const EXTERNAL_FLOW_KINDS = ["deposit", "withdrawal", "subscription", "redemption"] as const satisfies readonly CashFlowKind[];

/** SQL: the current row of every flow of the owner (reversal rows excluded), with its voided and matched marks. */
export function currentFlowRows(ownerId: string) {
  return sql`
    select c.*,
      exists (
        select 1 from cash_flows r join cash_flows t on t.id = r.reverses_id
        where r.owner_id = c.owner_id and t.venue_flow_id = c.venue_flow_id
          and coalesce(t.account_id, t.portfolio_id) = coalesce(c.account_id, c.portfolio_id)
      ) as reversed,
      exists (
        select 1 from cash_flow_matches m join cash_flows t on t.id in (m.out_flow_id, m.in_flow_id)
        where m.owner_id = c.owner_id and m.undone_at is null and t.venue_flow_id = c.venue_flow_id
          and coalesce(t.account_id, t.portfolio_id) = coalesce(c.account_id, c.portfolio_id)
      ) as matched
    from (
      select distinct on (coalesce(account_id, portfolio_id), venue_flow_id) *
      from cash_flows
      where owner_id = ${ownerId} and reverses_id is null
      order by coalesce(account_id, portfolio_id), venue_flow_id, seq desc
    ) c`;
}

/** SQL over a row of currentFlowRows aliased `f`: whether the flow counts for the workspace (the rule above). */
export const countsForWorkspace = sql`(f.status = 'confirmed' and f.internal_reason is null and not f.reversed and not f.matched
      and f.kind in ('deposit', 'withdrawal', 'subscription', 'redemption'))`;

/**
 * SQL over a flow row aliased `f`: its unsigned value in `baseCurrency` as text — the stored
 * value when there is one in that currency, the amount itself when the asset is that currency
 * (even if a writer left the value empty), else null (unvalued).
 */
export function valueInBase(baseCurrency: string) {
  return sql`case when f.base_currency = ${baseCurrency} and f.value_base is not null then f.value_base::text
    when f.asset = ${baseCurrency} then f.amount::text end`;
}

/** A flow that counts but has no value in the base currency. */
export interface UnvaluedFlow {
  id: string;
  connectionId: string;
  occurredAt: Date;
  kind: CashFlowKind;
  asset: string;
  amount: string;
}

export interface CountedFlow extends UnvaluedFlow {
  /** Signed value in the workspace's base currency: + in, − out. */
  value: string;
}

/**
 * The owner's flows that count (the rule above), oldest first, valued in `baseCurrency`: the
 * stored value when it is in that currency, the amount itself when the asset is that
 * currency. A flow with neither (no price was known, or it was valued before a change of
 * base currency) is returned apart as unvalued: it moves nothing until a person replaces it
 * with a valued one, and the flows page says so.
 */
export async function readCountedFlows(
  db: Db,
  p: { ownerId: string; baseCurrency: string; from?: Date },
): Promise<{ counted: CountedFlow[]; unvalued: UnvaluedFlow[] }> {
  const from = p.from ?? new Date(0);
  const list = await executeRows<{
    id: string;
    connection_id: string;
    occurred_at: Date | string;
    kind: CashFlowKind;
    asset: string;
    amount: string;
    value: string | null;
  }>(db, sql`
    select f.id, f.connection_id, f.occurred_at, f.kind, f.asset, f.amount::text as amount, ${valueInBase(p.baseCurrency)} as value
    from (${currentFlowRows(p.ownerId)}) f
    where ${countsForWorkspace} and f.occurred_at >= ${from.toISOString()}
    order by f.occurred_at, f.id`);
  const counted: CountedFlow[] = [];
  const unvalued: UnvaluedFlow[] = [];
  for (const r of list) {
    const base = { id: r.id, connectionId: r.connection_id, occurredAt: new Date(r.occurred_at), kind: r.kind, asset: r.asset, amount: r.amount };
    if (r.value === null) unvalued.push(base);
    else counted.push({ ...base, value: r.kind === "withdrawal" || r.kind === "redemption" ? negate(r.value) : r.value });
  }
  return { counted, unvalued };
}

function negate(v: string): string {
  if (v === "0") return v;
  return v.startsWith("-") ? v.slice(1) : `-${v}`;
}

/**
 * Where a connection's cash-flow read must reach back to: the earliest time among its venue
 * flows whose current row is still pending, so each is read again until it settles. A
 * reversed flow is void and a manual one is not the venue's to settle: neither holds the
 * read back. Null when nothing is pending.
 */
export async function earliestPendingFlowAt(db: Db, p: { ownerId: string; connectionId: string }): Promise<Date | null> {
  const [row] = await executeRows<{ at: Date | string | null }>(db, sql`
    select min(f.occurred_at) as at
    from (${currentFlowRows(p.ownerId)}) f
    where f.connection_id = ${p.connectionId} and f.status = 'pending' and f.source <> 'manual' and not f.reversed`);
  return row?.at ? new Date(row.at) : null;
}

/**
 * Of these venue flow ids of the connection, the flows already stored as settled
 * (confirmed or failed), keyed `${holder id} ${venue flow id}` (holder: the account, else
 * the portfolio).
 */
export async function settledFlowKeys(
  db: Db,
  p: { ownerId: string; connectionId: string; venueFlowIds: string[] },
): Promise<Set<string>> {
  if (p.venueFlowIds.length === 0) return new Set();
  const ids = sql.join(
    [...new Set(p.venueFlowIds)].map((id) => sql`${id}`),
    sql`, `,
  );
  const rows = await executeRows<{ holder: string; venue_flow_id: string }>(db, sql`
    select distinct coalesce(account_id, portfolio_id)::text as holder, venue_flow_id
    from cash_flows
    where owner_id = ${p.ownerId} and connection_id = ${p.connectionId} and reverses_id is null
      and status <> 'pending' and venue_flow_id in (${ids})`);
  return new Set(rows.map((r) => flowKey(r.holder, r.venue_flow_id)));
}

/** A flow's identity as one string: its holder (account, else portfolio) and its venue flow id. */
export function flowKey(holderId: string, venueFlowId: string): string {
  return `${holderId} ${venueFlowId}`;
}
