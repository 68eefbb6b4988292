// npm run bench:retention — issue 17 part 5: the database size after one simulated year of
// 500 positions at one-minute snapshots, with and without the retention policy, on PostgreSQL
// (a throwaway database). Prints one JSON document; every figure says whether it was MEASURED
// (pg_total_relation_size of rows really written) or COMPUTED (a measured per-row size times a
// row count). A year of minute snapshots is 525,600 snapshots; their per-symbol detail at 500
// positions would be 262.8 M rows (525,600 documents of 500 rows), too much to write here, so:
//   - snapshot totals (portfolio_snapshots, kept forever): the whole year is written and measured;
//   - equity roll-ups (kept forever): the whole year's buckets are written and measured;
//   - per-symbol detail (snapshot_holdings): one day at full minute detail (1,440 documents) and
//     two days just past the full-detail window (2,880) are written with 500 rows each and measured;
//     the retention task then runs over them for real, and the size per kept document is
//     measured again after VACUUM FULL. The year's detail is that per-document size times the
//     document count each way (computed).
// Environment: BENCH_DATABASE_URL (else DATABASE_URL, else postgres://postgres@127.0.0.1:5432/test),
// a server where databases may be created; the bench creates and drops its own.
import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { openDb, type Db } from "@/db/client";
import { createConnection } from "@/db/queries/connections";
import { executeRows } from "@/db/execute-rows";
import { ensurePersonalWorkspace } from "@/db/queries/workspaces";
import { DEFAULT_RETENTION } from "@/lib/retention/policy";
import { runRetention } from "@/lib/retention/run-retention";
import { formatBytes } from "@/lib/retention/table-sizes";

const SERVER = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const POSITIONS = 500;
const MIN = 60_000;
const DAY = 86_400_000;
const NOW = new Date("2026-12-01T00:00:00Z");
const YEAR_START = new Date(NOW.getTime() - 365 * DAY);
const log = (line: string) => process.stderr.write(`${line}\n`);

async function bytes(db: Db, table: string): Promise<number> {
  const [r] = await executeRows<{ n: string | number }>(db, sql`select pg_total_relation_size(${table}::regclass) as n`);
  return Number(r!.n);
}
async function count(db: Db, table: string): Promise<number> {
  const [r] = await executeRows<{ n: string | number }>(db, sql`select count(*) as n from ${sql.identifier(table)}`);
  return Number(r!.n);
}

/**
 * 500-row documents for the connection's snapshots in [from, to): each row with its own
 * random quantity, price, value and weight at 6-12 decimals, so TOAST compression sees about
 * the entropy of real prices (a little more: real quantities have fewer digits).
 */
async function writeDetail(db: Db, p: { connectionId: string; from: Date; to: Date }): Promise<void> {
  await db.execute(sql`
    insert into snapshot_holdings (snapshot_id, owner_id, rows)
    select s.id, s.owner_id, (
      select json_agg(json_build_object(
        'symbol', 'A' || i || case when i % 5 = 0 then '-PERP' else '' end, 'asset', 'A' || i,
        'kind', case when i % 5 = 0 then 'derivative' else 'spot' end,
        'quantity', round((random() * 1000)::numeric, 8)::text, 'price', round((random() * 100)::numeric, 6)::text,
        'valueBase', round((random() * 10000)::numeric, 8)::text, 'notionalBase', round((random() * 10000)::numeric, 8)::text,
        'weight', round((random() / ${POSITIONS})::numeric, 12)::text, 'fxRate', '1',
        'pnlPct', case when i % 5 = 0 then round((random() - 0.5)::numeric, 10)::text end))
      -- "s.id is not null" ties the subquery to the row, so each document gets its own numbers.
      from generate_series(1, ${POSITIONS}) i where s.id is not null)
    from portfolio_snapshots s
    where s.connection_id = ${p.connectionId} and s.captured_at >= ${p.from.toISOString()}::timestamptz and s.captured_at < ${p.to.toISOString()}::timestamptz`);
}

const name = `vf_bench_retention_${randomBytes(4).toString("hex")}`;
const admin = postgres(SERVER, { max: 1, onnotice: () => {} });
await admin.unsafe(`create database ${name}`);
const url = new URL(SERVER);
url.pathname = `/${name}`;
const h = await openDb({ url: url.toString() });
try {
  const db = h.db;
  const ownerId = (await ensurePersonalWorkspace(db)).id;
  const connectionId = (await createConnection(db, { ownerId, provider: "demo", label: "Bench", config: { seed: "bench" } })).id;

  log("writing a year of one-minute snapshot totals (525,600 rows)…");
  let t0 = performance.now();
  await db.execute(sql`
    insert into portfolio_snapshots (owner_id, connection_id, captured_at, base_currency, equity, spot_value, funding_value,
      futures_wallet_balance, unrealized_pnl, margin_debt, long_exposure, short_exposure, gross_exposure, net_exposure, leverage)
    select ${ownerId}, ${connectionId}, t, 'USD', e, e * 0.8, 0, e * 0.2, round((random() - 0.5)::numeric * 1000, 8), 0,
      e * 1.1, e * 0.1, e * 1.2, e, round((1.2)::numeric, 12)
    from generate_series(${YEAR_START.toISOString()}::timestamptz, ${new Date(NOW.getTime() - MIN).toISOString()}::timestamptz, interval '1 minute') t
    cross join lateral (select round((1000000 + random() * 10000)::numeric, 8) as e where t is not null) x`);
  log(`  ${Math.round(performance.now() - t0)} ms`);

  log("writing a year of equity roll-ups (15m, 1h, 6h, 1d, 1w buckets)…");
  await db.execute(sql`
    insert into equity_rollups (owner_id, bucket, bucket_start, equity, last_at, units, nav_per_unit, net_flows, cum_net_flows)
    select ${ownerId}, b.bucket, t, round((1000000 + random() * 10000)::numeric, 8), t + b.step - interval '1 minute',
      round((1000000)::numeric, 8), round((1 + random() / 100)::numeric, 12), 0, 0
    from (values ('15m', interval '15 minutes'), ('1h', interval '1 hour'), ('6h', interval '6 hours'), ('1d', interval '1 day'), ('1w', interval '7 days')) b(bucket, step)
    cross join lateral generate_series(${YEAR_START.toISOString()}::timestamptz, ${new Date(NOW.getTime() - MIN).toISOString()}::timestamptz, b.step) t`);

  const fullCutoff = new Date(NOW.getTime() - DEFAULT_RETENTION.fullDetailDays * DAY);
  const slices = {
    recent: { from: new Date(NOW.getTime() - DAY), to: NOW },
    pastFullWindow: { from: new Date(fullCutoff.getTime() - 3 * DAY), to: new Date(fullCutoff.getTime() - DAY) },
  };
  log(`writing ${POSITIONS}-row detail for 1 recent day and 2 days past the ${DEFAULT_RETENTION.fullDetailDays}-day window (4,320 documents)…`);
  t0 = performance.now();
  await writeDetail(db, { connectionId, ...slices.recent });
  await writeDetail(db, { connectionId, ...slices.pastFullWindow });
  log(`  ${Math.round(performance.now() - t0)} ms`);
  await db.execute(sql`vacuum analyze`);

  const snapshotsBytes = await bytes(db, "portfolio_snapshots");
  const snapshotRows = await count(db, "portfolio_snapshots");
  const rollupBytes = await bytes(db, "equity_rollups");
  const rollupRows = await count(db, "equity_rollups");
  const docsBefore = await count(db, "snapshot_holdings");
  const detailBytesBefore = await bytes(db, "snapshot_holdings");

  log("running the retention task over the slice…");
  t0 = performance.now();
  const result = await runRetention(db, { now: NOW, policy: DEFAULT_RETENTION });
  const retentionMs = Math.round(performance.now() - t0);
  await db.execute(sql`vacuum analyze snapshot_holdings`);
  const detailBytesAfterVacuum = await bytes(db, "snapshot_holdings");
  await db.execute(sql`vacuum full snapshot_holdings`);
  const detailBytesAfterVacuumFull = await bytes(db, "snapshot_holdings");
  const docsAfter = await count(db, "snapshot_holdings");

  const perDocBefore = detailBytesBefore / docsBefore;
  const perDocAfter = detailBytesAfterVacuumFull / docsAfter;
  const perDoc = Math.max(perDocBefore, perDocAfter);
  const docsYearWithout = (365 * DAY) / MIN;
  const docsYearWith = (DEFAULT_RETENTION.fullDetailDays * DAY) / MIN + (DEFAULT_RETENTION.hourlyDetailDays - DEFAULT_RETENTION.fullDetailDays) * 24;
  const kept = snapshotsBytes + rollupBytes;
  const out = {
    setup: { positions: POSITIONS, snapshotEveryMinutes: 1, days: 365, policy: DEFAULT_RETENTION, server: "PostgreSQL", postgresVersion: (await executeRows<{ v: string }>(db, sql`select current_setting('server_version') as v`))[0]!.v },
    measured: {
      portfolioSnapshots: { rows: snapshotRows, bytes: snapshotsBytes, bytesPerRow: Math.round(snapshotsBytes / snapshotRows) },
      equityRollups: { rows: rollupRows, bytes: rollupBytes },
      detailSlice: {
        documentsWritten: docsBefore,
        rowsPerDocument: POSITIONS,
        bytes: detailBytesBefore,
        bytesPerDocument: Math.round(perDocBefore),
        retention: { ...result, ms: retentionMs },
        documentsAfter: docsAfter,
        bytesAfterVacuum: detailBytesAfterVacuum,
        bytesAfterVacuumFull: detailBytesAfterVacuumFull,
        bytesPerDocumentAfter: Math.round(perDocAfter),
      },
    },
    computed: {
      bytesPerDocumentUsed: Math.round(perDoc),
      withoutRetention: { documents: docsYearWithout, detailBytes: Math.round(docsYearWithout * perDoc), totalBytes: Math.round(kept + docsYearWithout * perDoc) },
      withRetention: { documents: docsYearWith, detailBytes: Math.round(docsYearWith * perDoc), totalBytes: Math.round(kept + docsYearWith * perDoc) },
      eachLaterYear: {
        withoutRetention: Math.round(snapshotsBytes + rollupBytes + docsYearWithout * perDoc),
        withRetention: Math.round(snapshotsBytes + rollupBytes + 365 * perDoc),
      },
    },
  };
  log(
    `year without retention: ${formatBytes(out.computed.withoutRetention.totalBytes)}; with: ${formatBytes(out.computed.withRetention.totalBytes)} ` +
      `(totals ${formatBytes(snapshotsBytes)} + roll-ups ${formatBytes(rollupBytes)} measured; detail ${formatBytes(perDoc)}/document measured × documents computed)`,
  );
  console.log(JSON.stringify(out, null, 2));
} finally {
  await h.close();
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.end();
}
