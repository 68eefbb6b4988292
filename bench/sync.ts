// npm run bench:sync — prints JSON.
// 1. Our own time per sync (venue time excluded) against the demo venue scaled to 500
//    positions and 10,000 orders: one initial sync, then 30 incremental syncs a minute apart,
//    on embedded PGlite and on PostgreSQL. Target: < 100 ms per incremental sync.
// 2. The equity-series route handler for every chart range over one year of 1-minute
//    snapshots (525,600 rows) on PostgreSQL, p50/p95 over 30 calls, signed in with a session
//    cookie and with an API key (Authorization: Bearer), beside the route's body with no
//    check at all, the plain read of the pre-aggregated roll-ups and bucketing the raw rows
//    at query time; and each check on its own. Target: p95 < 20 ms, check included.
//    Then the workspace's zone changes to Asia/Kolkata (1d/1w rebuilt; timed) and the "all"
//    range is timed again, cut at Kolkata's midnights.
// PostgreSQL: BENCH_DATABASE_URL, else DATABASE_URL, else postgres://postgres@127.0.0.1:5432/test
// (a server where databases may be created; each part uses a throwaway database).
import { throwawayPg } from "./throwaway-pg";
process.env.REFERENCE_PRICES = "off";
process.env.DEMO_SEED = "off";
process.env.SCHEDULER = "off";
// A throwaway secret: the bench signs one person up on its own throwaway database.
process.env.BETTER_AUTH_SECRET ??= "bench-secret-bench-secret-bench-secret-0";
// The route handler reads DATABASE_URL through lib/env, which caches it on first use:
// the series database must exist and be set before any app module runs.
const seriesDb = await throwawayPg();
if (seriesDb) process.env.DATABASE_URL = seriesDb.url;

const { openDb } = await import("@/db/client");
const { ensurePersonalWorkspace } = await import("@/db/queries/workspaces");
const { createConnection } = await import("@/db/queries/connections");
const { syncCost } = await import("./sync-cost");
const { refreshEquityRollups } = await import("@/lib/snapshots/rollups");
const { readEquityRollups } = await import("@/db/queries/rollups");
const { EQUITY_RANGES } = await import("@/db/queries/dashboard");
const { bucketStart } = await import("@/db/queries/rollup-buckets");
const { sql } = await import("drizzle-orm");

const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!;
  const r = (v: number) => Math.round(v * 100) / 100;
  return { n: s.length, p50: r(at(0.5)), p95: r(at(0.95)), min: r(s[0]!), max: r(s.at(-1)!) };
};

const PG_INTERVAL: Record<string, string> = { "15m": "15 minutes", "1h": "1 hour", "6h": "6 hours", "1d": "1 day", "1w": "7 days" };

async function equitySeries(url: string) {
  const handle = await openDb({ url });
  const ownerId = (await ensurePersonalWorkspace(handle.db)).id;
  const { id } = await createConnection(handle.db, { ownerId, provider: "demo", label: "year", config: { seed: "y" } });
  // Anchored at the real current minute: the route handler reads with the real clock.
  const end = Math.floor(Date.now() / 60_000) * 60_000;
  const begin = end - 365 * 86_400_000;
  const t0 = performance.now();
  // One year of 1-minute snapshots, generated in the database (the bench measures reads).
  await handle.db.execute(sql`
    insert into portfolio_snapshots (owner_id, connection_id, captured_at, base_currency, equity, spot_value, funding_value,
      futures_wallet_balance, unrealized_pnl, margin_debt, long_exposure, short_exposure, gross_exposure, net_exposure)
    select ${ownerId}, ${id}, t, 'USD', round((100000 + 5000 * sin(extract(epoch from t) / 86400.0) + extract(epoch from t) / 100000.0)::numeric, 2),
      0, 0, 0, 0, 0, 0, 0, 0, 0
    from generate_series(${new Date(begin).toISOString()}::timestamptz, ${new Date(end - 60_000).toISOString()}::timestamptz, interval '1 minute') t`);
  const insertMs = performance.now() - t0;
  const t1 = performance.now();
  await handle.db.transaction((tx) => refreshEquityRollups(tx, { ownerId, from: new Date(begin) }));
  const rollupMs = performance.now() - t1;

  const { GET } = await import("@/app/api/dashboard/equity/route");
  // The route answers only a signed-in viewer or an API key: sign up the first person (the
  // owner of the Personal workspace that holds the series) and send their session cookie, or
  // a key of the workspace, so every route timing includes its check; each check is also
  // timed on its own, and the route's body with no check at all.
  const { getRuntime } = await import("@/lib/runtime/app-db");
  const { requireRouteScope, viewerOf } = await import("@/lib/access/scope");
  const { signUp } = await import("@/lib/access/test-support");
  const { grantPermissions } = await import("@/db/queries/api-key-grant");
  const { loadEquitySeries } = await import("@/lib/read-models/dashboard-data");
  const { auth } = await getRuntime();
  const { cookie, userId } = await signUp(auth, { email: "bench@example.com", name: "Bench" });
  // A viewer key of the same workspace, made as the settings page makes it; its rate limit
  // raised (a server-only setting) so 300 quick calls measure the check, not the refusal.
  const { key } = await auth.api.createApiKey({
    body: { name: "bench", userId, organizationId: ownerId, permissions: grantPermissions({ role: "viewer", createdBy: userId }), rateLimitMax: 1_000_000 },
  });
  const bearer = { authorization: `Bearer ${key}` };
  const sessionCheck: number[] = [];
  const apiKeyCheck: number[] = [];
  const now = new Date(end);
  const result: Record<string, unknown> = {};
  for (const range of Object.keys(EQUITY_RANGES) as Array<keyof typeof EQUITY_RANGES>) {
    const { spanMs, bucket } = EQUITY_RANGES[range];
    const from = spanMs === null ? new Date(0) : new Date(bucketStart(bucket, now.getTime() - spanMs, "UTC"));
    const handler: number[] = [];
    const handlerKey: number[] = [];
    const noCheck: number[] = [];
    const plain: number[] = [];
    const raw: number[] = [];
    let points = 0;
    for (let i = 0; i < 33; i++) {
      const a = performance.now();
      const res = await GET(new Request(`http://localhost/api/dashboard/equity?range=${range}`, { headers: { cookie } }));
      const body = (await res.json()) as { points: unknown[] };
      const b = performance.now();
      if (!Array.isArray(body.points)) throw new Error(`equity route answered ${res.status}: ${JSON.stringify(body)}`);
      const k0 = performance.now();
      const keyed = await GET(new Request(`http://localhost/api/dashboard/equity?range=${range}`, { headers: bearer }));
      await keyed.json();
      const k1 = performance.now();
      if (keyed.status !== 200) throw new Error(`equity route answered the API key ${keyed.status}`);
      JSON.stringify(await loadEquitySeries(handle.db, { ownerId, range, now: new Date(), baseCurrency: "USD", timeZone: "UTC" }));
      const k2 = performance.now();
      const s0 = performance.now();
      await viewerOf(new Headers({ cookie }));
      const s1 = performance.now();
      await requireRouteScope(new Headers(bearer), "viewer");
      const s2 = performance.now();
      if (i >= 3) {
        sessionCheck.push(s1 - s0);
        apiKeyCheck.push(s2 - s1);
        handlerKey.push(k1 - k0);
        noCheck.push(k2 - k1);
      }
      points = body.points.length;
      const p0 = performance.now();
      await readEquityRollups(handle.db, { ownerId, bucket, from });
      const c = performance.now();
      await handle.db.execute(sql`
        select distinct on (b) b, equity from (
          select date_bin(${PG_INTERVAL[bucket]}::interval, captured_at, timestamptz '2000-01-01') as b, captured_at, equity
          from portfolio_snapshots where owner_id = ${ownerId} and captured_at >= ${from.toISOString()}::timestamptz
        ) s order by b, captured_at desc`);
      const d = performance.now();
      // The first three calls warm connections and plans.
      if (i >= 3) {
        handler.push(b - a);
        plain.push(c - p0);
        raw.push(d - c);
      }
    }
    result[range] = {
      bucket,
      points,
      routeHandlerMs: stats(handler),
      routeHandlerApiKeyMs: stats(handlerKey),
      routeBodyNoCheckMs: stats(noCheck),
      plainRollupReadMs: stats(plain),
      rawBucketingMs: stats(raw),
      pass: stats(handler).p95 < 20 && stats(handlerKey).p95 < 20,
    };
  }

  // The same workspace moved to Asia/Kolkata: what the settings change costs (1d and 1w
  // rebuilt from the year of snapshots, in its transaction), then the daily chart again,
  // now cut at Kolkata's midnights.
  const { changeWorkspaceSettings } = await import("@/lib/actions/change-workspace-settings");
  const t2 = performance.now();
  await changeWorkspaceSettings(handle.db, { ownerId, baseCurrency: "USD", timeZone: "Asia/Kolkata" });
  const timeZoneChangeMs = performance.now() - t2;
  const zoned: number[] = [];
  for (let i = 0; i < 33; i++) {
    const a = performance.now();
    const res = await GET(new Request("http://localhost/api/dashboard/equity?range=all", { headers: { cookie } }));
    const body = (await res.json()) as { points: unknown[]; timeZone: string };
    if (body.timeZone !== "Asia/Kolkata") throw new Error(`equity route answered ${res.status}: ${JSON.stringify(body).slice(0, 200)}`);
    if (i >= 3) zoned.push(performance.now() - a);
  }
  await handle.close();
  return {
    snapshots: 525_600,
    insertMs: Math.round(insertMs),
    rollupBuildMs: Math.round(rollupMs),
    target: "route handler p95 < 20 ms, with a session cookie and with an API key, the check included",
    sessionCheckMs: stats(sessionCheck),
    apiKeyCheckMs: stats(apiKeyCheck),
    ranges: result,
    asiaKolkata: { timeZoneChangeMs: Math.round(timeZoneChangeMs), allRouteHandlerMs: stats(zoned), pass: stats(zoned).p95 < 20 },
  };
}

const out: Record<string, unknown> = { machine: { cpus: (await import("node:os")).cpus().length, node: process.version } };
const mem = await openDb({ memory: true });
out.syncPglite = await syncCost(mem, "pglite (in-memory)");
await mem.close();

const pg1 = await throwawayPg();
if (pg1) {
  const h = await openDb({ url: pg1.url });
  out.syncPostgres = await syncCost(h, "postgresql");
  await h.close();
  await pg1.drop();
  if (seriesDb) {
    out.equitySeriesPostgres = await equitySeries(seriesDb.url);
    await seriesDb.drop();
  }
} else {
  out.postgres = "skipped: server not reachable";
}
console.log(JSON.stringify(out, null, 2));
process.exit(0);
