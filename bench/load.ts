// npm run bench:load — prints JSON. Issue 17's load target: 50 concurrent clients for 30 s
// over the API routes the overview, equity, orders and performance pages call, against the
// production build (`npx next build` first; `next start` here), signed in with a real
// better-auth session cookie, on one year of 1-minute data (bench/load-seed.ts) in a
// throwaway PostgreSQL database. Per route and overall: p50, p99, requests per second and
// errors (non-2xx answers and connection errors/timeouts). Target: p99 < 100 ms, 0 errors.
// Baseline in the same run: GET /api/health (no database work, no session check) under the
// same 50 clients, so a busy machine shows in both figures.
// Flags: --port N (3200), --duration S (30), --connections N (50).
// PostgreSQL: BENCH_DATABASE_URL, else DATABASE_URL, else postgres://postgres@127.0.0.1:5432/test.
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { latencyStats } from "./latency-stats";
import { throwawayPg } from "./throwaway-pg";
import { startAppServer } from "./load-server";

const { values: flags } = parseArgs({
  options: {
    port: { type: "string", default: "3200" },
    duration: { type: "string", default: "30" },
    connections: { type: "string", default: "50" },
    // Keep the seeded database (its URL is printed) / serve one kept earlier, to profile without reseeding.
    keep: { type: "boolean", default: false },
    reuse: { type: "string" },
  },
});
const PORT = Number(flags.port);
const DURATION = Number(flags.duration);
const CONNECTIONS = Number(flags.connections);
const SECRET = "bench-load-secret-bench-load-secret-0123";

const pg = flags.reuse ? { url: flags.reuse, name: new URL(flags.reuse).pathname.slice(1), drop: async () => {} } : await throwawayPg();
if (!pg) {
  console.log(JSON.stringify({ postgres: "skipped: server not reachable" }));
  process.exit(0);
}
// The app modules read the environment once: set before the first import.
Object.assign(process.env, { DATABASE_URL: pg.url, BETTER_AUTH_SECRET: SECRET, DEMO_SEED: "off", SCHEDULER: "off", REFERENCE_PRICES: "off", ALLOW_SIGNUP: "on" });
const { getRuntime } = await import("@/lib/runtime/app-db");
const { ensurePersonalWorkspace } = await import("@/db/queries/workspaces");
const { sessionCookie } = await import("@/lib/access/test-support");
const { seedLoadWorkspace } = await import("./load-seed");

const out: Record<string, unknown> = { machine: { cpus: os.cpus().length, loadavg: os.loadavg().map((l) => Math.round(l * 100) / 100), node: process.version } };
const { handle } = await getRuntime();
const ownerId = (await ensurePersonalWorkspace(handle.db)).id;
const now = new Date();
if (!flags.reuse) out.seed = await seedLoadWorkspace(handle.db, ownerId, now);
await handle.close();

const day = (d: Date) => d.toISOString().slice(0, 10);
const yearAgo = new Date(now.getTime() - 364 * 86_400_000);
/** The routes each page calls on load (lib/read-models/query-options.ts and the pages' own fetches). */
const ROUTES: Array<{ page: string; path: string }> = [
  { page: "overview", path: "/api/dashboard/summary" },
  { page: "overview", path: "/api/dashboard/holdings" },
  { page: "overview", path: "/api/dashboard/metrics" },
  { page: "overview", path: "/api/performance" },
  { page: "equity", path: "/api/dashboard/equity?range=24h" },
  { page: "equity", path: "/api/dashboard/equity?range=7d" },
  { page: "equity", path: "/api/dashboard/equity?range=30d" },
  { page: "equity", path: "/api/dashboard/equity?range=90d" },
  { page: "equity", path: "/api/dashboard/equity?range=all" },
  { page: "orders", path: "/api/orders" },
  { page: "orders", path: "/api/orders?status=filled" },
  { page: "performance", path: "/api/performance/summary?range=30d" },
  { page: "performance", path: "/api/performance/summary?range=1y" },
  { page: "performance", path: `/api/performance/series?${new URLSearchParams({ from: day(yearAgo), to: day(now), benchmark: "none" })}` },
];

const server = await startAppServer({
  port: PORT,
  env: {
    DATABASE_URL: pg.url,
    BETTER_AUTH_SECRET: SECRET,
    BETTER_AUTH_URL: `http://127.0.0.1:${PORT}`,
    DEMO_SEED: "off",
    SCHEDULER: "off",
    REFERENCE_PRICES: "off",
    CREDENTIALS_KEY_FILE: path.join(os.tmpdir(), `vf-bench-load-${PORT}.key`),
  },
});

// The first person to sign up owns the Personal workspace that holds the data: signed up
// through the server itself, so the cookie is the one it sets (its name, its signature).
const signUp = await fetch(`${server.origin}/api/auth/${flags.reuse ? "sign-in" : "sign-up"}/email`, {
  method: "POST",
  headers: { "content-type": "application/json", origin: server.origin },
  body: JSON.stringify({ email: "load@example.com", name: "Load", password: "correct horse battery" }),
});
if (!signUp.ok) {
  await server.stop();
  if (!flags.keep) await pg.drop();
  throw new Error(`sign-up failed: ${signUp.status} ${await signUp.text()}`);
}
const cookie = sessionCookie(signUp);

interface RunResult {
  durationS: number;
  requests: number;
  requestsPerSecond: number;
  latencyMs: ReturnType<typeof latencyStats>;
  non2xx: number;
  connectionErrors: number;
  timeouts: number;
  serverCpuCores: number;
  byRoute?: Record<string, { page: string; requests: number; requestsPerSecond: number; latencyMs: ReturnType<typeof latencyStats>; errors: number }>;
}

/** One autocannon run; per-route latencies are read from the client's current request at each response (one request in flight per client). */
async function run(requests: Array<{ page: string; path: string }>, headers: Record<string, string>): Promise<RunResult> {
  const all: number[] = [];
  const byPath = new Map<string, { latencies: number[]; errors: number }>();
  for (const r of requests) byPath.set(r.path, { latencies: [], errors: 0 });
  const cpu0 = server.cpuSeconds();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { url: server.origin, connections: CONNECTIONS, duration: DURATION, headers, requests: requests.map((r) => ({ method: "GET", path: r.path })), timeout: 10 },
      (err, res) => (err ? reject(err) : resolve(res)),
    );
    instance.on("response", (client, statusCode, _bytes, responseTime) => {
      const current = (client as unknown as { requestIterator: { currentRequest: { path: string } } }).requestIterator.currentRequest;
      const slot = byPath.get(current.path);
      all.push(responseTime);
      if (!slot) return;
      slot.latencies.push(responseTime);
      if (statusCode < 200 || statusCode >= 300) slot.errors++;
    });
  });
  const cpu = server.cpuSeconds() - cpu0;
  const seconds = result.duration;
  const res: RunResult = {
    durationS: seconds,
    requests: result.requests.total,
    requestsPerSecond: Math.round(result.requests.total / seconds),
    latencyMs: latencyStats(all),
    non2xx: result.non2xx,
    connectionErrors: result.errors,
    timeouts: result.timeouts,
    serverCpuCores: Math.round((cpu / seconds) * 100) / 100,
  };
  if (requests.length > 1) {
    res.byRoute = Object.fromEntries(
      requests.map((r) => {
        const s = byPath.get(r.path)!;
        return [r.path, { page: r.page, requests: s.latencies.length, requestsPerSecond: Math.round(s.latencies.length / seconds), latencyMs: latencyStats(s.latencies), errors: s.errors }];
      }),
    );
  }
  return res;
}

try {
  // Every route answers 200 with the cookie (and 401 without) before anything is timed; a few
  // calls each warm the server's compiled routes, connections and plans.
  // The last call's time is the route's single-client latency, printed beside the load figures.
  const singleClientMs: Record<string, number> = {};
  for (const r of ROUTES) {
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      const res = await fetch(server.origin + r.path, { headers: { cookie } });
      if (res.status !== 200) throw new Error(`${r.path} answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
      await res.arrayBuffer();
      singleClientMs[r.path] = Math.round(performance.now() - t0);
    }
    const anon = await fetch(server.origin + r.path);
    if (anon.status !== 401) throw new Error(`${r.path} answered ${anon.status} without a session`);
  }
  out.singleClientMs = singleClientMs;
  out.load = {
    target: "p99 < 100 ms and 0 errors, overall and per route",
    clients: CONNECTIONS,
    ...(await run(ROUTES, { cookie })),
  };
  out.baselineHealth = { note: "GET /api/health: no session check, no query; the same clients and duration", ...(await run([{ page: "baseline", path: "/api/health" }], {})) };
  const load = out.load as RunResult;
  const byRoute = Object.values(load.byRoute ?? {});
  out.pass = load.latencyMs.p99 < 100 && load.non2xx + load.connectionErrors === 0 && byRoute.every((r) => r.latencyMs.p99 < 100 && r.errors === 0);
  out.machine = { ...(out.machine as object), loadavgAfter: os.loadavg().map((l) => Math.round(l * 100) / 100) };
} finally {
  console.error(`[bench:load] server output (tail):\n${server.output()}`);
  await server.stop();
  if (flags.keep) console.error(`[bench:load] kept the seeded database: --reuse ${pg.url}`);
  else await pg.drop();
}
console.log(JSON.stringify(out, null, 2));
process.exit(0);
