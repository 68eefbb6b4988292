// npm run bench:unitise — prints JSON.
// Issue 13's target: recomputing the unitised series and the roll-ups for one year of
// 1-minute snapshots (525,600 rows, one connection) with 500 flows takes < 2 s on PostgreSQL.
// Each figure is the median of RUNS runs, beside baselines measured in the same run:
// - unitised recompute from the first snapshot, with 500 flows (the target) and with none;
// - the whole rebuild after a change of base currency: equity roll-ups of every size, then
//   the unitised series (target figure + the equity roll-ups it also rebuilds);
// - a late flow found six months back: the recompute from its time;
// - what one sync pays: a new 1-minute snapshot's roll-up refresh, unitised series included.
// PostgreSQL: BENCH_DATABASE_URL, else DATABASE_URL, else postgres://postgres@127.0.0.1:5432/test
// (a server where databases may be created; the bench uses a throwaway database).
import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { yearFlows } from "./year-flows";

const PG_SERVER = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const RUNS = 5;
const FLOWS = 500;

const { openDb } = await import("@/db/client");
const { ensurePersonalWorkspace, getWorkspaceSettings } = await import("@/db/queries/workspaces");
const { createConnection } = await import("@/db/queries/connections");
const { refreshUnitisedSeries } = await import("@/lib/snapshots/unitised");
const { rebuildEquityRollups, refreshEquityRollups } = await import("@/lib/snapshots/rollups");
const { ROLLUP_BUCKETS, cashFlows, tradingAccounts } = await import("@/db/schema");
const { materializeSnapshots } = await import("@/lib/snapshots/capture");
const { cashSnapshot } = await import("@/lib/snapshots/test-support");
const { sql } = await import("drizzle-orm");

const median = (xs: number[]) => Math.round([...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!);

async function timeRuns(fn: () => Promise<unknown>, prepare?: () => Promise<unknown>): Promise<{ medianMs: number; runsMs: number[] }> {
  const runs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    await prepare?.();
    const t0 = performance.now();
    await fn();
    runs.push(performance.now() - t0);
  }
  return { medianMs: median(runs), runsMs: runs.map(Math.round) };
}

const admin = postgres(PG_SERVER, { max: 1, onnotice: () => {}, connect_timeout: 3 });
try {
  await admin`select 1`;
} catch (e) {
  console.log(JSON.stringify({ postgres: `skipped: ${PG_SERVER.replace(/:[^:@/]*@/, ":***@")} not reachable (${(e as Error).message})` }));
  process.exit(0);
}
const name = `vf_bench_${randomBytes(4).toString("hex")}`;
await admin.unsafe(`create database ${name}`);
const url = new URL(PG_SERVER);
url.pathname = `/${name}`;

const handle = await openDb({ url: url.toString() });
const db = handle.db;
const ownerId = (await ensurePersonalWorkspace(db)).id;
const { id: connectionId } = await createConnection(db, { ownerId, provider: "demo", label: "year", config: { seed: "y" } });
const [account] = await db
  .insert(tradingAccounts)
  .values({ ownerId, connectionId, accountUid: "year-main", name: "year", venue: "demo", kind: "spot" })
  .returning();
const end = Date.UTC(2026, 10, 1);
const begin = end - 365 * 86_400_000;
// One year of 1-minute snapshots, generated in the database (the bench measures the recompute).
await db.execute(sql`
  insert into portfolio_snapshots (owner_id, connection_id, captured_at, base_currency, equity, spot_value, funding_value,
    futures_wallet_balance, unrealized_pnl, margin_debt, long_exposure, short_exposure, gross_exposure, net_exposure)
  select ${ownerId}, ${connectionId}, t, 'USD', round((100000 + 5000 * sin(extract(epoch from t) / 86400.0) + extract(epoch from t) / 100000.0)::numeric, 2),
    0, 0, 0, 0, 0, 0, 0, 0, 0
  from generate_series(${new Date(begin).toISOString()}::timestamptz, ${new Date(end - 60_000).toISOString()}::timestamptz, interval '1 minute') t`);
await db.execute(sql`analyze portfolio_snapshots`);
const settings = await getWorkspaceSettings(db, { ownerId });
const rebuild = () => db.transaction((tx) => rebuildEquityRollups(tx, { ownerId, settings, buckets: ROLLUP_BUCKETS }));
const recompute = (from = new Date(0)) => db.transaction((tx) => refreshUnitisedSeries(tx, { ownerId, from }));
await rebuild();
// Each recompute starts from nothing (no ledger, no units on any row), as after an upgrade:
// a recompute that finds everything already right writes nothing and would flatter the figure.
const forget = async () => {
  await db.execute(sql`delete from unit_issues`);
  await db.execute(sql`update equity_rollups set units = null, nav_per_unit = null, net_flows = null, cum_net_flows = null`);
};

const noFlows = await timeRuns(() => recompute(), forget);
// 500 deposits and withdrawals spread over the year.
await db.insert(cashFlows).values(yearFlows({ ownerId, connectionId, accountId: account!.id, begin, end, count: FLOWS, idPrefix: "bench" }));
const withFlows = await timeRuns(() => recompute(), forget);
const wholeRebuild = await timeRuns(rebuild);
// Each run finds one more deposit six months back (a late report): everything after it changes.
let late = 0;
let lateFlowAt = new Date(0);
const lateFlow = await timeRuns(
  () => recompute(lateFlowAt),
  async () => {
    lateFlowAt = new Date(end - 182 * 86_400_000 + 29_000 + late * 60_000);
    await db.insert(cashFlows).values({
      ownerId,
      connectionId,
      accountId: account!.id,
      venueFlowId: `bench-late-${late++}`,
      kind: "deposit",
      asset: "USD",
      amount: "5000",
      valueBase: "5000",
      baseCurrency: "USD",
      priceSource: "par",
      occurredAt: lateFlowAt,
      status: "confirmed",
      source: "venue",
    });
  },
);
const counts = (await handle.db.execute(
  sql`select (select count(*) from unit_issues)::int as issues, (select count(*) from equity_rollups)::int as rollups`,
)) as unknown as Array<{ issues: number; rollups: number }> | { rows: Array<{ issues: number; rollups: number }> };
const [count] = Array.isArray(counts) ? counts : counts.rows;

// What one sync pays now: one new snapshot, its roll-ups and unitised series refreshed.
let minute = end;
const perSync = await timeRuns(() =>
  db.transaction(async (tx) => {
    await materializeSnapshots(tx, [cashSnapshot({ ownerId, connectionId, at: new Date(minute).toISOString(), amount: "100500" })]);
    minute += 60_000;
  }),
);
const perSyncEquityOnly = await timeRuns(() =>
  db.transaction(async (tx) => {
    await refreshEquityRollups(tx, { ownerId, from: new Date(minute - 60_000) });
  }),
);

await handle.close();
await admin.unsafe(`drop database if exists ${name} with (force)`);
await admin.end();

console.log(
  JSON.stringify(
    {
      machine: { cpus: (await import("node:os")).cpus().length, node: process.version },
      snapshots: 525_600,
      flows: FLOWS,
      unitIssues: count?.issues,
      rollupRows: count?.rollups,
      target: "unitised series + roll-ups recomputed for 1 year of minute snapshots with 500 flows < 2,000 ms on PostgreSQL",
      unitisedRecompute500Flows: { ...withFlows, pass: withFlows.medianMs < 2000 },
      baselineUnitisedRecomputeNoFlows: noFlows,
      wholeRebuildEquityRollupsThenUnitised: wholeRebuild,
      lateFlowSixMonthsBack: lateFlow,
      perSyncSnapshotWithRollupsAndUnitised: perSync,
      perSyncRefreshOfAnExistingMinute: perSyncEquityOnly,
    },
    null,
    2,
  ),
);
process.exit(0);
