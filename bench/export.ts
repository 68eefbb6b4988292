// npm run bench:export — prints JSON. BENCH_EXPORT_EVENTS: order events to seed (1,000,000 by default);
// BENCH_EXPORT_DRIVERS: "postgres,pglite" (the default), or one of them. BENCH_EXPORT_BATCH: rows
// per batch read, the export's and the baseline's (lib/exports/stream.ts EXPORT_BATCH_SIZE by
// default); a list ("5000,2000,1000") measures each on the same seed, one after the other.
// Issue 14's target: the CSV export of 1M order events > 100,000 rows/s with RSS growth < 100 MB,
// beside the plain indexed read of the same rows in the same batches, measured in the same run
// (bench/export-bench.ts). On PGlite (in memory, in this process: its WASM heap counts in RSS)
// and on PostgreSQL when reachable: BENCH_DATABASE_URL, else DATABASE_URL, else
// postgres://postgres@127.0.0.1:5432/test (a server where databases may be created; the bench
// uses a throwaway database, dropped at the end).
import { randomBytes } from "node:crypto";
import postgres from "postgres";

const EVENTS = Number(process.env.BENCH_EXPORT_EVENTS ?? 1_000_000);
/** Which drivers to run, "postgres,pglite" by default. */
const DRIVERS = (process.env.BENCH_EXPORT_DRIVERS ?? "postgres,pglite").split(",");
const BATCHES = process.env.BENCH_EXPORT_BATCH ? process.env.BENCH_EXPORT_BATCH.split(",").map(Number) : [undefined];

/** The export measured once per batch size on one seeded database: one result, or one per size. */
async function benchEach(h: Parameters<typeof benchOrderEventExport>[0], ownerId: string) {
  const results = [];
  for (const batchSize of BATCHES) results.push(await benchOrderEventExport(h, { ownerId, events: EVENTS, batchSize }));
  return results.length === 1 ? results[0] : { bySize: results };
}
const PG_SERVER = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

const { openDb } = await import("@/db/client");
const { benchOrderEventExport, seedOrderEvents } = await import("./export-bench");

const out: Record<string, unknown> = { events: EVENTS };

const admin = postgres(PG_SERVER, { max: 1, onnotice: () => {}, connect_timeout: 3 });
/** Whether the server answers; when it does not, the output says so instead of a figure. */
async function reachable(): Promise<boolean> {
  try {
    await admin`select 1`;
    return true;
  } catch (e) {
    out.postgres = `skipped: ${PG_SERVER.replace(/:[^:@/]*@/, ":***@")} not reachable (${(e as Error).message})`;
    return false;
  }
}
if (DRIVERS.includes("postgres") && (await reachable())) {
  const name = `vf_bench_${randomBytes(4).toString("hex")}`;
  await admin.unsafe(`create database ${name}`);
  const url = new URL(PG_SERVER);
  url.pathname = `/${name}`;
  const pg = await openDb({ url: url.toString() });
  try {
    const t0 = performance.now();
    const { ownerId } = await seedOrderEvents(pg, EVENTS);
    out.postgres = { seedMs: Math.round(performance.now() - t0), ...(await benchEach(pg, ownerId)) };
  } finally {
    await pg.close();
    await admin.unsafe(`drop database if exists ${name} with (force)`);
  }
}
await admin.end();

// PGlite last: its in-process heap would otherwise sit in the RSS PostgreSQL's run is measured against.
if (DRIVERS.includes("pglite")) {
  const lite = await openDb({ memory: true });
  try {
    const t0 = performance.now();
    const { ownerId } = await seedOrderEvents(lite, EVENTS);
    out.pglite = { seedMs: Math.round(performance.now() - t0), ...(await benchEach(lite, ownerId)) };
  } finally {
    await lite.close();
  }
}
console.log(JSON.stringify(out, null, 2));
