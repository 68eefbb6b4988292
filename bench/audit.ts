// npm run bench:audit — issue 14's audit-trail benchmark; prints one JSON document.
// One workspace with 1,000,000 order events (valid hash chains per account), 200,000 orders
// and 500,000 fills, on PostgreSQL (a throwaway database) and on PGlite (in memory). For each
// measurement, p50/p95 over 50 runs after 5 warm-up runs, beside the plain indexed read of the
// same rows in the same run, the ratio (route p95 / plain p95) and the targets:
//   /orders first page, each filter, deep keyset pages (route handler, API key): p95 < 50 ms, ≤ 3× the plain read
//   order detail with 1,000 events (route handler): p95 < 30 ms
//   incremental chain verification after 100 new events: p95 < 20 ms
// Each driver runs in its own process (bench/audit-run.ts): the app's runtime is process-wide.
// Environment:
//   BENCH_DATABASE_URL (else DATABASE_URL, else postgres://postgres@127.0.0.1:5432/test): a
//     server where databases may be created; the bench creates and drops its own.
//   BENCH_AUDIT_SCALE: fraction of the full size for both drivers (default 1).
//   BENCH_AUDIT_PGLITE_SCALE: fraction for PGlite (default BENCH_AUDIT_SCALE): PGlite is
//     single-threaded WASM and holds the data in memory; the N used is printed.
//   BENCH_AUDIT_DRIVERS: "postgres,pglite" (default) or either one.
import { spawn } from "node:child_process";
import { throwawayPg } from "./throwaway-pg";

const SCALE = process.env.BENCH_AUDIT_SCALE ?? "1";
const PGLITE_SCALE = process.env.BENCH_AUDIT_PGLITE_SCALE ?? SCALE;
const DRIVERS = (process.env.BENCH_AUDIT_DRIVERS ?? "postgres,pglite").split(",").map((d) => d.trim());

/** Runs bench/audit-run.ts for one driver; its stdout is its JSON, its stderr the progress. */
function runDriver(env: Record<string, string>): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "bench/audit-run.ts"], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0) return reject(new Error(`bench/audit-run.ts (${env.BENCH_AUDIT_DRIVER}) exited with ${code}`));
      try {
        resolve(JSON.parse(out.trim().split("\n").at(-1)!));
      } catch (e) {
        reject(e);
      }
    });
  });
}

const results: Record<string, unknown> = {};
if (DRIVERS.includes("postgres")) {
  const pg = await throwawayPg();
  if (pg) {
    try {
      results.postgres = await runDriver({ BENCH_AUDIT_DRIVER: "postgres", BENCH_AUDIT_URL: pg.url, BENCH_AUDIT_SCALE: SCALE });
    } catch (e) {
      results.postgres = { error: (e as Error).message };
    } finally {
      await pg.drop();
    }
  } else results.postgres = { error: "PostgreSQL not reachable" };
}
if (DRIVERS.includes("pglite")) {
  try {
    results.pglite = await runDriver({ BENCH_AUDIT_DRIVER: "pglite", BENCH_AUDIT_SCALE: PGLITE_SCALE });
  } catch (e) {
    results.pglite = { error: (e as Error).message };
  }
}
const pass = Object.values(results).every((r) => (r as { pass?: boolean }).pass === true);
console.log(JSON.stringify({ bench: "audit", ...results, pass }, null, 2));
process.exitCode = pass ? 0 : 1;
