import { and, desc, eq, gte, lt, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { chunk } from "@/db/chunk";
import { executeRows } from "@/db/execute-rows";
import { readCountedFlows } from "@/db/queries/cash-flows";
import { getWorkspaceSettings } from "@/db/queries/workspaces";
import { ROLLUP_BUCKETS, unitIssues } from "@/db/schema";
import {
  initialUnitState,
  issueUnits,
  stateAfter,
  type UnitCause,
  type UnitEvent,
  type UnitState,
} from "@/lib/engines/performance/unitise";
import { D, type Dec, toDecimalString } from "@/lib/money/decimal";

/**
 * Keeps the workspace's unitised series true: the unit ledger (unit_issues) and the units,
 * NAV per unit and net flows of every equity roll-up row, from instant `from` on.
 *
 * Call it, in the same transaction, after anything that changes them at or after `from`:
 * snapshots written (refreshEquityRollups does), a flow recorded, reversed or replaced, a
 * transfer matched or unmatched, a connection deleted, the base currency or time zone
 * changed (the roll-ups rebuilt). Rows before `from` stay as they are: units change only at
 * ledger instants, and a flow at τ is attributed to an instant ≥ τ.
 *
 * Where money is counted (docs/metrics.md, "Flows and NAV per unit"):
 * - a counted flow (db/queries/cash-flows.ts) at τ belongs to the first snapshot of its own
 *   connection at or after τ, and is inside that snapshot's equity. A flow before the
 *   connection's first snapshot is inside its opening equity and adds nothing;
 * - a connection's first snapshot brings its equity in ("opening"), and a deleted one takes
 *   its last equity out at its deletion ("closing"): adding or removing an account is not
 *   performance;
 * - the first issue is at NAV per unit 1, or at the platform's NAV per unit when the
 *   workspace starts with one 1Token fund.
 *
 * A workspace whose series was never built (roll-ups written before this release) is built
 * from its first snapshot, whatever `from` says: that is the backfill on upgrade.
 */
export async function refreshUnitisedSeries(tx: Db, p: { ownerId: string; from: Date }): Promise<{ issues: number; rollups: number }> {
  const { baseCurrency } = await getWorkspaceSettings(tx, { ownerId: p.ownerId });
  const [seedRow] = await tx
    .select()
    .from(unitIssues)
    .where(and(eq(unitIssues.ownerId, p.ownerId), lt(unitIssues.at, p.from)))
    .orderBy(desc(unitIssues.at))
    .limit(1);
  const from = seedRow ? p.from : new Date(0);
  const connections = await readConnectionSpans(tx, { ownerId: p.ownerId, baseCurrency, from });

  const events = new Map<number, { netFlow: Dec; flowCount: number; causes: Set<UnitCause> }>();
  const add = (at: Date, amount: Dec, cause: UnitCause) => {
    const t = at.getTime();
    if (t < from.getTime()) return;
    const e = events.get(t) ?? { netFlow: new D(0), flowCount: 0, causes: new Set<UnitCause>() };
    e.netFlow = e.netFlow.plus(amount);
    e.causes.add(cause);
    if (cause === "flows") e.flowCount++;
    events.set(t, e);
  };
  for (const c of connections) {
    if (!c.firstAt) continue;
    if (c.deletedAt && c.deletedAt <= c.firstAt) continue;
    add(c.firstAt, new D(c.firstEquity!), "opening");
    if (c.deletedAt && c.lastEquity !== null) add(c.deletedAt, new D(c.lastEquity).neg(), "closing");
  }
  for (const f of await attributedFlows(tx, { ownerId: p.ownerId, baseCurrency, from, connections })) add(f.at, new D(f.value), "flows");

  const instants = [...events.keys()].sort((a, b) => a - b);
  const equityAt = await totalEquityAt(tx, { ownerId: p.ownerId, baseCurrency, instants });
  const unitEvents: UnitEvent[] = instants.map((t) => ({ at: t, equity: equityAt.get(t) ?? new D(0), ...events.get(t)! }));
  const seed: UnitState = seedRow
    ? stateAfter({
        equityBefore: new D(seedRow.equityBefore),
        netFlow: new D(seedRow.netFlow),
        navPerUnit: new D(seedRow.navPerUnit),
        unitsAfter: new D(seedRow.unitsAfter),
        cumNetFlows: new D(seedRow.cumNetFlows),
      })
    : initialUnitState(await platformStartNav(tx, { ownerId: p.ownerId, connections }));
  const { issues } = issueUnits(seed, unitEvents);

  await tx.delete(unitIssues).where(and(eq(unitIssues.ownerId, p.ownerId), gte(unitIssues.at, from)));
  for (const part of chunk(issues, 1000)) {
    await tx.insert(unitIssues).values(
      part.map((i) => ({
        ownerId: p.ownerId,
        at: new Date(i.at),
        netFlow: toDecimalString(i.netFlow),
        equityBefore: toDecimalString(i.equityBefore),
        navPerUnit: toDecimalString(i.navPerUnit),
        unitsDelta: toDecimalString(i.unitsDelta),
        unitsAfter: toDecimalString(i.unitsAfter),
        cumNetFlows: toDecimalString(i.cumNetFlows),
        flowCount: i.flowCount,
        cause: i.cause,
      })),
    );
  }
  const rollups = await writeRollupUnits(tx, { ownerId: p.ownerId, from });
  return { issues: issues.length, rollups };
}

interface ConnectionSpan {
  id: string;
  provider: string;
  deletedAt: Date | null;
  firstAt: Date | null;
  firstEquity: string | null;
  /** Equity at the last snapshot at or before the deletion. */
  lastEquity: string | null;
  /** The last snapshot before `from`: flows after it may belong to instants ≥ `from`. */
  beforeFrom: Date | null;
}

const toDate = (v: Date | string | null): Date | null => (v === null ? null : new Date(v));

/** Each connection's first snapshot in the base currency, its end, and where its flows may start to matter. */
async function readConnectionSpans(tx: Db, p: { ownerId: string; baseCurrency: string; from: Date }): Promise<ConnectionSpan[]> {
  const rows = await executeRows<{
    id: string;
    provider: string;
    deleted_at: Date | string | null;
    first_at: Date | string | null;
    first_equity: string | null;
    last_equity: string | null;
    before_from: Date | string | null;
  }>(
    tx,
    sql`
    select c.id, c.provider, c.deleted_at, f.captured_at as first_at, f.equity::text as first_equity,
      l.equity::text as last_equity, b.captured_at as before_from
    from connections c
    left join lateral (
      select captured_at, equity from portfolio_snapshots s
      where s.connection_id = c.id and s.base_currency = ${p.baseCurrency}
      order by captured_at asc limit 1) f on true
    left join lateral (
      select equity from portfolio_snapshots s
      where c.deleted_at is not null and s.connection_id = c.id and s.base_currency = ${p.baseCurrency} and s.captured_at <= c.deleted_at
      order by captured_at desc limit 1) l on true
    left join lateral (
      select captured_at from portfolio_snapshots s
      where s.connection_id = c.id and s.base_currency = ${p.baseCurrency} and s.captured_at < ${p.from.toISOString()}::timestamptz
      order by captured_at desc limit 1) b on true
    where c.owner_id = ${p.ownerId}`,
  );
  return rows.map((r) => ({
    id: r.id,
    provider: r.provider,
    deletedAt: toDate(r.deleted_at),
    firstAt: toDate(r.first_at),
    firstEquity: r.first_equity,
    lastEquity: r.last_equity,
    beforeFrom: toDate(r.before_from),
  }));
}

/** Counted flows that belong to snapshot instants ≥ `from`, each with the instant it belongs to. */
async function attributedFlows(
  tx: Db,
  p: { ownerId: string; baseCurrency: string; from: Date; connections: ConnectionSpan[] },
): Promise<Array<{ at: Date; value: string }>> {
  const spans = new Map(p.connections.map((c) => [c.id, c]));
  let earliest = p.from.getTime();
  for (const c of p.connections) if (c.firstAt) earliest = Math.min(earliest, (c.beforeFrom ?? c.firstAt).getTime());
  const { counted } = await readCountedFlows(tx, { ownerId: p.ownerId, baseCurrency: p.baseCurrency, from: new Date(earliest) });
  const candidates = counted.filter((f) => spans.get(f.connectionId)?.firstAt);
  if (candidates.length === 0) return [];
  const json = JSON.stringify(candidates.map((f) => ({ i: f.id, c: f.connectionId, t: f.occurredAt.toISOString() })));
  const attributed = await executeRows<{ i: string; at: Date | string | null }>(
    tx,
    sql`
    select x.i, (
      select captured_at from portfolio_snapshots s
      where s.connection_id = x.c::uuid and s.base_currency = ${p.baseCurrency} and s.captured_at >= x.t::timestamptz
      order by captured_at asc limit 1) as at
    from json_to_recordset(${json}::json) as x(i text, c text, t text)`,
  );
  const atById = new Map(attributed.map((a) => [a.i, toDate(a.at)]));
  const out: Array<{ at: Date; value: string }> = [];
  for (const f of candidates) {
    const at = atById.get(f.id);
    const span = spans.get(f.connectionId)!;
    // Not yet in any snapshot (it will be in the next), or inside the opening equity.
    if (!at || at.getTime() === span.firstAt!.getTime() || at < p.from) continue;
    out.push({ at, value: f.value });
  }
  return out;
}

/** The workspace's total equity at each instant: every live connection at its latest snapshot at or before it. */
async function totalEquityAt(tx: Db, p: { ownerId: string; baseCurrency: string; instants: number[] }): Promise<Map<number, Dec>> {
  if (p.instants.length === 0) return new Map();
  const json = JSON.stringify(p.instants.map((t) => new Date(t).toISOString()));
  const rows = await executeRows<{ at: Date | string; equity: string }>(
    tx,
    sql`
    select i.at, coalesce(sum(e.equity), 0)::text as equity
    from (select value::timestamptz as at from json_array_elements_text(${json}::json)) i
    cross join connections c
    left join lateral (
      select equity from portfolio_snapshots s
      where s.connection_id = c.id and s.base_currency = ${p.baseCurrency} and s.captured_at <= i.at
      order by captured_at desc limit 1) e on true
    where c.owner_id = ${p.ownerId} and (c.deleted_at is null or c.deleted_at > i.at)
    group by i.at`,
  );
  return new Map(rows.map((r) => [new Date(r.at).getTime(), new D(r.equity)]));
}

/**
 * A workspace that starts with one 1Token fund starts at the fund's own NAV per unit (its
 * first published point at or before the fund's first snapshot), so the series reads like
 * the fund's statements. Anything else starts at 1.
 */
async function platformStartNav(tx: Db, p: { ownerId: string; connections: ConnectionSpan[] }): Promise<string | undefined> {
  const opened = p.connections.filter((c) => c.firstAt);
  if (opened.length === 0) return undefined;
  const first = Math.min(...opened.map((c) => c.firstAt!.getTime()));
  const starters = opened.filter((c) => c.firstAt!.getTime() === first);
  if (starters.length !== 1 || starters[0]!.provider !== "onetoken") return undefined;
  const [row] = await executeRows<{ nav: string; series: number }>(
    tx,
    sql`
    select (array_agg(nav_per_unit::text order by at desc))[1] as nav, count(distinct series)::int as series
    from valuations
    where owner_id = ${p.ownerId} and connection_id = ${starters[0]!.id} and portfolio_id is not null
      and nav_per_unit > 0 and at <= ${new Date(first).toISOString()}::timestamptz`,
  );
  return row && row.series === 1 && row.nav ? row.nav : undefined;
}

/**
 * Roll-up rows whose last instant is ≥ `from` take the units in force at that instant (the
 * ledger's last issue at or before it), NAV per unit = equity / units (18 decimals; null
 * when no units are outstanding), the cumulative net flows, and the net flows since the
 * previous row of the same size. One statement: the ledger and the rows are merged on one
 * timeline and each row takes the issue before it (a running count of issues makes the
 * groups), which costs one sort instead of an index probe per row; rows whose values did
 * not change are not written.
 */
async function writeRollupUnits(tx: Db, p: { ownerId: string; from: Date }): Promise<number> {
  const updated = await executeRows<{ n: number }>(
    tx,
    sql`
    with rows as (
      select r.bucket, r.bucket_start, r.last_at, r.equity from equity_rollups r
      where r.owner_id = ${p.ownerId} and ${recentRows(p.from)}
    ), timeline as (
      select 0 as kind, u.at as t, u.units_after, u.cum_net_flows, null::text as bucket, null::timestamptz as bucket_start, null::numeric as equity
      from unit_issues u where u.owner_id = ${p.ownerId} and u.at <= (select max(last_at) from rows)
      union all
      select 1, last_at, null, null, bucket, bucket_start, equity from rows
    ), grouped as (
      select *, count(units_after) over (order by t, kind) as grp from timeline
    ), filled as (
      select bucket, bucket_start, equity,
        first_value(units_after) over (partition by grp order by t, kind) as units_after,
        coalesce(first_value(cum_net_flows) over (partition by grp order by t, kind), 0) as cum
      from grouped
    ), x as (
      select bucket, bucket_start,
        case when units_after > 0 then units_after end as units,
        case when units_after > 0 then trim_scale(round(round(equity, 24) / units_after, 18)) end as nav,
        cum,
        lag(cum) over (partition by bucket order by bucket_start) as prev_cum
      from filled where bucket is not null
    ), y as (
      select x.bucket, x.bucket_start, x.units, x.nav, x.cum,
        x.cum - coalesce(x.prev_cum, (
          select prev.cum_net_flows from equity_rollups prev
          where prev.owner_id = ${p.ownerId} and prev.bucket = x.bucket and prev.bucket_start < x.bucket_start
          order by prev.bucket_start desc limit 1), 0) as net
      from x
    ), done as (
      update equity_rollups r set units = y.units, nav_per_unit = y.nav, cum_net_flows = y.cum, net_flows = y.net
      from y
      where r.owner_id = ${p.ownerId} and r.bucket = y.bucket and r.bucket_start = y.bucket_start
        and (r.units, r.nav_per_unit, r.cum_net_flows, r.net_flows) is distinct from (y.units, y.nav, y.cum, y.net)
      returning 1
    )
    select count(*)::int as n from done`,
  );
  return updated[0]?.n ?? 0;
}

// Longer than the longest bucket (a week, an hour more across a DST change).
const LONGEST_BUCKET_MS = 8 * 86_400_000;

/**
 * Roll-up rows whose last instant is ≥ `from`. A row's bucket starts at most a week before its
 * last instant, so the bucket-start bound lets the primary key find them (one range per size)
 * instead of reading every row of the workspace on each sync.
 */
function recentRows(from: Date) {
  const since = new Date(Math.max(0, from.getTime() - LONGEST_BUCKET_MS)).toISOString();
  return sql`r.bucket in (${sql.join(ROLLUP_BUCKETS.map((b) => sql`${b}`), sql`, `)})
    and r.bucket_start >= ${since}::timestamptz and r.last_at >= ${from.toISOString()}::timestamptz`;
}

/**
 * The backfill on upgrade: every workspace with snapshots and no unit ledger (its roll-ups
 * were written by a release before the unitised series) gets its series built, each in a
 * transaction of its own. Idempotent: a built workspace has a ledger and is skipped. The
 * venue's flow history arrives with each connection's next sync (no cash-flow cursor yet: the
 * read goes as far back as the venue allows), which refreshes the series from those flows on.
 */
export async function backfillUnitisedSeries(db: Db): Promise<number> {
  const owners = await executeRows<{ owner_id: string }>(
    db,
    sql`select w.id as owner_id from workspaces w
      where exists (select 1 from equity_rollups r where r.owner_id = w.id)
        and not exists (select 1 from unit_issues u where u.owner_id = w.id)`,
  );
  for (const o of owners) await db.transaction((tx) => refreshUnitisedSeries(tx, { ownerId: o.owner_id, from: new Date(0) }));
  return owners.length;
}
