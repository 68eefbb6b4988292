// npm run bench:pages — prints JSON. Issue 15's two page benchmarks, against the production
// build (`npx next build` first; `next start` here), signed in with a real session cookie,
// one client, requests one after another (latency, not throughput: bench:load does load):
//
//  1. PostgreSQL: each analytics page's data route (overview, /performance, /exposure,
//     /funds, /strategies, /rebalance) on one year of one-minute snapshots of a 500-position
//     portfolio (bench/load-seed.ts, the data bench:load serves), p95 < 50 ms. Beside it, in the
//     same run: the plain roll-up read, GET /api/dashboard/equity?range=all (the year's equity
//     roll-up through the same session check and JSON), and GET /api/health (no query).
//  2. Embedded PGlite with the demo (what `npm start` serves: 90 days, the first start's
//     seed): the server render of each whole page, time to first byte, p95 < 100 ms. Beside
//     it: GET /api/health's time to first byte in the same server.
//
// Flags: --part pg|pglite|both (both), --requests N per route (40), --warmup N (5).
// PostgreSQL: BENCH_DATABASE_URL, else DATABASE_URL, else postgres://postgres@127.0.0.1:5432/test.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { latencyStats, type LatencyStats } from "./latency-stats";
import { startAppServer, type AppServer } from "./load-server";
import { throwawayPg } from "./throwaway-pg";

const { values: flags } = parseArgs({
  options: {
    part: { type: "string", default: "both" },
    requests: { type: "string", default: "40" },
    warmup: { type: "string", default: "5" },
  },
});
const REQUESTS = Number(flags.requests);
const WARMUP = Number(flags.warmup);
const SECRET = "bench-pages-secret-bench-pages-secret-012";
const out: Record<string, unknown> = { machine: { cpus: os.cpus().length, loadavg: os.loadavg().map((l) => Math.round(l * 100) / 100), node: process.version } };

interface Timed {
  /** Response headers received: time to first byte. */
  ttfbMs: LatencyStats;
  /** The whole body read. */
  completeMs: LatencyStats;
  cpuMsPerRequest: number;
}

/** WARMUP calls, then REQUESTS timed ones, one at a time; every answer must be 200. */
async function time(server: AppServer, p: string, cookie: string | null): Promise<Timed> {
  const headers: Record<string, string> = cookie ? { cookie } : {};
  const get = async () => {
    const t0 = performance.now();
    const res = await fetch(server.origin + p, { headers, redirect: "manual" });
    const ttfb = performance.now() - t0;
    const body = await res.text();
    if (res.status !== 200) throw new Error(`${p} answered ${res.status}: ${body.slice(0, 300)}`);
    return { ttfb, complete: performance.now() - t0 };
  };
  for (let i = 0; i < WARMUP; i++) await get();
  const ttfb: number[] = [];
  const complete: number[] = [];
  const cpu0 = server.cpuSeconds();
  for (let i = 0; i < REQUESTS; i++) {
    const r = await get();
    ttfb.push(r.ttfb);
    complete.push(r.complete);
  }
  return { ttfbMs: latencyStats(ttfb), completeMs: latencyStats(complete), cpuMsPerRequest: Math.round(((server.cpuSeconds() - cpu0) * 1000) / REQUESTS) };
}

async function signUp(server: AppServer): Promise<string> {
  const res = await fetch(`${server.origin}/api/auth/sign-up/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: server.origin },
    body: JSON.stringify({ email: "pages@example.com", name: "Pages", password: "correct horse battery" }),
  });
  if (!res.ok) throw new Error(`sign-up failed: ${res.status} ${await res.text()}`);
  // Imported late, as bench:load does: the app modules read the environment once.
  const { sessionCookie } = await import("@/lib/access/test-support");
  return sessionCookie(res);
}

/**
 * /api/exposure remembers the engine's answer by its input's content (exposure-memo.ts), so
 * the route's figures above are the warm case: every view between two syncs. The cold case,
 * the first view after a sync, is timed here in this process on the same data: the read
 * model with the memo emptied before each call, beside the same read warm.
 */
async function exposureColdAndWarm(db: import("@/db/client").Db, ownerId: string) {
  const { loadExposure } = await import("@/lib/read-models/exposure-data");
  const { forgetExposureAnswers } = await import("@/lib/read-models/exposure-memo");
  const read = () => loadExposure(db, { ownerId, baseCurrency: "USD" });
  const timed = async (cold: boolean) => {
    const ms: number[] = [];
    for (let i = 0; i < WARMUP + REQUESTS; i++) {
      if (cold) forgetExposureAnswers();
      const t0 = performance.now();
      await read();
      if (i >= WARMUP) ms.push(performance.now() - t0);
    }
    return latencyStats(ms);
  };
  const cold = await timed(true);
  const warm = await timed(false);
  return { what: "loadExposure in the bench process (no HTTP, no session check, no response schema)", coldMs: cold, warmMs: warm };
}

const day = (d: Date) => d.toISOString().slice(0, 10);

async function pgPart(): Promise<Record<string, unknown>> {
  const pg = await throwawayPg();
  if (!pg) return { skipped: "PostgreSQL not reachable" };
  const port = 3210;
  try {
    // The app modules read the environment once: set before the first import.
    Object.assign(process.env, { DATABASE_URL: pg.url, BETTER_AUTH_SECRET: SECRET, DEMO_SEED: "off", SCHEDULER: "off", REFERENCE_PRICES: "off", ALLOW_SIGNUP: "on" });
    const { getRuntime } = await import("@/lib/runtime/app-db");
    const { ensurePersonalWorkspace } = await import("@/db/queries/workspaces");
    const { seedLoadWorkspace } = await import("./load-seed");
    const { handle } = await getRuntime();
    const now = new Date();
    const ownerId = (await ensurePersonalWorkspace(handle.db)).id;
    const seed = await seedLoadWorkspace(handle.db, ownerId, now);
    const exposureEngine = await exposureColdAndWarm(handle.db, ownerId);
    await handle.close();
    const server = await startAppServer({
      port,
      env: {
        DATABASE_URL: pg.url,
        BETTER_AUTH_SECRET: SECRET,
        BETTER_AUTH_URL: `http://127.0.0.1:${port}`,
        DEMO_SEED: "off",
        SCHEDULER: "off",
        REFERENCE_PRICES: "off",
        CREDENTIALS_KEY_FILE: path.join(os.tmpdir(), `vf-bench-pages-${port}.key`),
      },
    });
    try {
      const cookie = await signUp(server);
      const yearAgo = new Date(now.getTime() - 364 * 86_400_000);
      // The routes each page calls on load (lib/read-models/query-options.ts and the pages' own fetches).
      const routes: Array<{ page: string; path: string }> = [
        { page: "/", path: "/api/dashboard/summary" },
        { page: "/", path: "/api/dashboard/metrics" },
        { page: "/", path: "/api/dashboard/holdings" },
        { page: "/performance", path: "/api/performance/summary?range=1y" },
        { page: "/performance", path: `/api/performance/series?${new URLSearchParams({ from: day(yearAgo), to: day(now), benchmark: "none" })}` },
        { page: "/exposure", path: "/api/exposure" },
        { page: "/funds", path: "/api/funds" },
        { page: "/strategies", path: "/api/strategies" },
        { page: "/rebalance", path: "/api/rebalance" },
      ];
      const byRoute: Record<string, Timed & { page: string }> = {};
      for (const r of routes) byRoute[r.path] = { page: r.page, ...(await time(server, r.path, cookie)) };
      const plainRollupRead = await time(server, "/api/dashboard/equity?range=all", cookie);
      const health = await time(server, "/api/health", null);
      return {
        data: { ...seed, note: "bench/load-seed.ts: 500 positions and 10,000 orders by the real sync, 525,600 one-minute snapshots over a year" },
        target: "each data route p95 < 50 ms (time to the whole answer)",
        byRoute,
        baseline: { plainRollupRead: { path: "/api/dashboard/equity?range=all", ...plainRollupRead }, health },
        pass: Object.values(byRoute).every((r) => r.completeMs.p95 < 50),
        exposureEngine,
      };
    } finally {
      await server.stop();
    }
  } finally {
    await pg.drop();
  }
}

async function pglitePart(): Promise<Record<string, unknown>> {
  const port = 3211;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vf-bench-pages-"));
  const t0 = performance.now();
  const server = await startAppServer({
    port,
    env: {
      // No DATABASE_URL: the embedded database, as `npm start` runs, with its first-start demo.
      DATABASE_URL: "",
      PGLITE_DIR: path.join(dir, "pglite"),
      BETTER_AUTH_SECRET: SECRET,
      BETTER_AUTH_URL: `http://127.0.0.1:${port}`,
      DEMO_SEED: "on",
      SCHEDULER: "off",
      REFERENCE_PRICES: "off",
      ALLOW_SIGNUP: "on",
      CREDENTIALS_KEY_FILE: path.join(dir, "credentials.key"),
    },
  });
  try {
    const cookie = await signUp(server);
    // The demo seed runs when the server first opens its database; an equity on the overview means it is in.
    const deadline = Date.now() + 300_000;
    for (;;) {
      const res = await fetch(`${server.origin}/api/dashboard/summary`, { headers: { cookie } });
      const body = (await res.json().catch(() => null)) as { equity?: string | null } | null;
      if (res.ok && body?.equity) break;
      if (Date.now() > deadline) throw new Error("the demo was not seeded within 300 s");
      await new Promise((r) => setTimeout(r, 1000));
    }
    const ready = Math.round(performance.now() - t0);
    const pages = ["/", "/performance", "/exposure", "/funds", "/strategies", "/rebalance"];
    const byPage: Record<string, Timed> = {};
    for (const p of pages) byPage[p] = await time(server, p, cookie);
    const health = await time(server, "/api/health", null);
    return {
      data: "the demo `npm start` seeds on first start (90 days of hourly snapshots)",
      startedAndSeededMs: ready,
      target: "each page's server render, time to first byte p95 < 100 ms",
      byPage,
      baseline: { health },
      pass: Object.values(byPage).every((r) => r.ttfbMs.p95 < 100),
    };
  } finally {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (flags.part === "both" || flags.part === "pg") out.postgres = await pgPart();
if (flags.part === "both" || flags.part === "pglite") out.pglite = await pglitePart();
out.machine = { ...(out.machine as object), loadavgAfter: os.loadavg().map((l) => Math.round(l * 100) / 100) };
console.log(JSON.stringify(out, null, 2));
process.exit(0);
