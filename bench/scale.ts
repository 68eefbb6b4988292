// npm run bench:scale [-- --connections N] — prints JSON. Issue 17's scale target: one full
// schedule cycle of N connections (1,000 by default) on PostgreSQL (a throwaway database)
// through the in-process runner (lib/schedules/in-process, its real per-venue limiter and
// dispatcher), then the same N events through the Inngest sync function under @inngest/test.
// Venues: the fake Binance and fake OKX of lib/connectors over real HTTP in a child process
// (bench/scale-fakes.ts: signatures checked, Binance weight counted per IP), and the demo
// venue (in-process by design: it has no API). Sizes: mostly small accounts (the fakes'
// fixture portfolios, the demo's default), and --large (default 1 % of N) demo accounts
// scaled to 500 positions and 10,000 orders.
// Setup (not measured): every connection's initial sync. Measured: one cycle in which every
// connection is due (its last sync set an interval back), i.e. all at once, the worst case.
// Reports: the cycle's wall time; our CPU time per connection (this process; the fakes run
// in their own); per-connection sync time (total, and ours with the venue's time taken out),
// p50/p95, against bench:sync's single-connection figure measured in the same run
// (bench/sync-cost.ts); database growth per cycle and per day at the default 5-minute
// interval; requests per venue per minute and the peaks against the published limits.
// Targets: cycle < 120 s on 2 cores, every venue budget respected, p95 per-connection sync
// within 2× of bench:sync's figure.
// Flags: --connections N, --binance F and --okx F (shares of N; defaults 0.05 and 0.3;
// the rest demo), --large N, --skip-inngest, --skip-baseline.
import "./offline-env";
import { randomBytes } from "node:crypto";
import os from "node:os";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { InngestTestEngine } from "@inngest/test";
import { openDb } from "@/db/client";
import { executeRows } from "@/db/execute-rows";
import { createConnection } from "@/db/queries/connections";
import { createWorkspace, ensurePersonalWorkspace } from "@/db/queries/workspaces";
import { connections } from "@/db/schema";
import { BinanceConnector } from "@/lib/connectors/binance";
import { binanceConfigSchema, binanceCredentialsSchema } from "@/lib/connectors/binance/config";
import { BINANCE_EXAMPLE_CREDENTIALS } from "@/lib/connectors/binance/fake-binance";
import { ScaledDemoConnector } from "@/lib/connectors/demo/scaled";
import { openCredentials } from "@/lib/connectors/http/credentials";
import { redirectingFetch } from "@/lib/connectors/http/redirect-fetch";
import { OkxConnector } from "@/lib/connectors/okx";
import { okxConfigSchema, okxCredentialsSchema } from "@/lib/connectors/okx/config";
import { OKX_TEST_CREDENTIALS } from "@/lib/connectors/okx/fake-okx";
import { parseSettings } from "@/lib/connectors/settings";
import type { Connector } from "@/lib/connectors/types";
import { SCHEDULES } from "@/lib/schedules/definitions";
import { startInProcessScheduler } from "@/lib/schedules/in-process/in-process";
import { maintenanceTasks } from "@/lib/schedules/maintenance-tasks";
import { planIntervalSyncs } from "@/lib/schedules/plan";
import type { SyncFn } from "@/lib/schedules/scheduled-sync";
import { encryptCredentials } from "@/lib/security/credentials";
import { syncConnection } from "@/lib/sync/sync-connection";
import { connectionSyncRequested } from "@/inngest/events";
import { createSyncConnectionFunction } from "@/inngest/functions/sync-connection";
import { latencyStats } from "./latency-stats";
import { startFakeVenues, venueBudgets } from "./scale-venues";
import { syncCost, timed } from "./sync-cost";
import { throwawayPg } from "./throwaway-pg";

const { values: flags } = parseArgs({
  options: {
    connections: { type: "string", default: "1000" },
    binance: { type: "string", default: "0.05" },
    okx: { type: "string", default: "0.3" },
    large: { type: "string" },
    "skip-inngest": { type: "boolean", default: false },
    "skip-baseline": { type: "boolean", default: false },
  },
});
const N = Number(flags.connections);
const N_BINANCE = Math.round(N * Number(flags.binance));
const N_OKX = Math.round(N * Number(flags.okx));
const N_LARGE = flags.large !== undefined ? Number(flags.large) : Math.max(1, Math.round(N / 100));
const N_DEMO = N - N_BINANCE - N_OKX - N_LARGE;
if (![N, N_BINANCE, N_OKX, N_LARGE].every((x) => Number.isInteger(x) && x >= 0) || N_DEMO < 0) throw new Error("--connections, --binance, --okx and --large must leave a non-negative number of demo connections");
/** Connections per workspace: a fund's desks, each with a handful of venue accounts. */
const PER_WORKSPACE = 10;
const INTERVAL_S = 300;
/** How many initial syncs run at once during setup (not measured). */
const SETUP_CONCURRENCY = 6;

const pg = await throwawayPg();
if (!pg) {
  console.log(JSON.stringify({ postgres: "skipped: server not reachable" }));
  process.exit(0);
}
const out: Record<string, unknown> = {
  machine: { cpus: os.cpus().length, loadavg: os.loadavg().map((l) => Math.round(l * 100) / 100), node: process.version, note: "shared machine: other work runs beside the bench" },
  connections: { total: N, binance: N_BINANCE, okx: N_OKX, demo: N_DEMO, demoLarge500Positions10kOrders: N_LARGE, perWorkspace: PER_WORKSPACE },
};
const venues = await startFakeVenues();
const handle = await openDb({ url: pg.url });
const db = handle.db;
const key = randomBytes(32);

try {
  if (!flags["skip-baseline"]) {
    // bench:sync's single-connection figure, in this run, on its own throwaway database.
    const base = await throwawayPg();
    const h = await openDb({ url: base!.url });
    const cost = await syncCost(h, "postgresql");
    await h.close();
    await base!.drop();
    out.baselineBenchSync = { incrementalOursMs: cost.incrementalOursMs, incrementalVenueMs: cost.incrementalVenueMs, note: "bench:sync: one demo connection, 500 positions, 10,000 orders, incremental, venue time excluded" };
  }

  // Connections, in workspaces of PER_WORKSPACE; providers interleaved so every workspace mixes venues.
  type Kind = "binance" | "okx" | "demo" | "large";
  const kinds: Kind[] = [...Array<Kind>(N_BINANCE).fill("binance"), ...Array<Kind>(N_OKX).fill("okx"), ...Array<Kind>(N_LARGE).fill("large"), ...Array<Kind>(N_DEMO).fill("demo")];
  const order = kinds.map((k, i) => ({ k, r: (i * 7919) % kinds.length })).sort((a, b) => a.r - b.r).map((x) => x.k);
  const kindOf = new Map<string, Kind>();
  const sealed = { binance: encryptCredentials(BINANCE_EXAMPLE_CREDENTIALS, key), okx: encryptCredentials(OKX_TEST_CREDENTIALS, key) };
  let ownerId = (await ensurePersonalWorkspace(db)).id;
  for (let i = 0; i < order.length; i++) {
    if (i > 0 && i % PER_WORKSPACE === 0) ownerId = (await createWorkspace(db, { name: `Desk ${i / PER_WORKSPACE}`, slug: `desk-${i / PER_WORKSPACE}` })).id;
    const k = order[i]!;
    const provider = k === "large" ? "demo" : k;
    const { id } = await createConnection(db, {
      ownerId,
      provider,
      label: `${k} ${i}`,
      config: provider === "demo" ? { seed: `scale-${i}` } : {},
      credentialsEncrypted: provider === "binance" ? sealed.binance : provider === "okx" ? sealed.okx : null,
      syncIntervalSeconds: INTERVAL_S,
    });
    kindOf.set(id, k);
  }

  // The connector of each stored connection, as the registry builds it (sealed credentials
  // opened, settings parsed, ccxt's limiter on), sent to the fakes; large demo accounts scaled.
  // Setup only: ccxt's client-side spacing off (the initial syncs are not measured).
  let setupPhase = true;
  const connectorOf = async (connectionId: string): Promise<Connector | undefined> => {
    const k = kindOf.get(connectionId)!;
    const now = () => new Date();
    if (k === "demo") return undefined;
    if (k === "large") return new ScaledDemoConnector({ seed: connectionId, now, positions: 500, orders: 10_000 });
    const [conn] = await db.select({ config: connections.config, credentialsEncrypted: connections.credentialsEncrypted }).from(connections).where(sql`${connections.id} = ${connectionId}`);
    if (k === "binance")
      return new BinanceConnector({
        credentials: openCredentials("binance", binanceCredentialsSchema, conn!.credentialsEncrypted, key),
        config: parseSettings("binance", binanceConfigSchema, conn!.config),
        now,
        fetchImplementation: redirectingFetch(venues.origins.binance),
        ...(setupPhase ? { enableRateLimit: false } : {}),
      });
    return new OkxConnector({
      credentials: openCredentials("okx", okxCredentialsSchema, conn!.credentialsEncrypted, key),
      config: parseSettings("okx", okxConfigSchema, conn!.config),
      now,
      fetchImplementation: redirectingFetch(venues.origins.okx),
      ...(setupPhase ? { enableRateLimit: false } : {}),
    });
  };
  /** Per-connection timings of the current phase. */
  let timings: Array<{ kind: Kind; totalMs: number; oursMs: number; ok: boolean }> = [];
  const sync: SyncFn = async (d, opts) => {
    const c = await connectorOf(opts.connectionId);
    const t = c ? timed(c) : null;
    const t0 = performance.now();
    let ok = false;
    try {
      const r = await syncConnection(d, { ...opts, ...(t ? { connector: t.connector } : {}) });
      ok = true;
      return r;
    } finally {
      const totalMs = performance.now() - t0;
      timings.push({ kind: kindOf.get(opts.connectionId)!, totalMs, oursMs: totalMs - (t?.venueMs() ?? 0), ok });
    }
  };

  // Setup: every connection's initial sync, weight windows emptied (not measured).
  venues.freeWeight();
  const setupT0 = performance.now();
  const ids = [...kindOf.keys()];
  const rows = await db.select({ id: connections.id, ownerId: connections.ownerId }).from(connections);
  const ownerOf = new Map(rows.map((r) => [r.id, r.ownerId]));
  let next = 0;
  await Promise.all(
    Array.from({ length: SETUP_CONCURRENCY }, async () => {
      while (next < ids.length) {
        const id = ids[next++]!;
        await sync(db, { ownerId: ownerOf.get(id)!, connectionId: id, trigger: "manual" }).catch((e: unknown) => console.error(`setup sync of ${kindOf.get(id)} ${id}: ${(e as Error).message}`));
      }
    }),
  );
  setupPhase = false;
  out.setup = { initialSyncsSeconds: Math.round(performance.now() - setupT0) / 1000, failed: timings.filter((t) => !t.ok).length };

  const dbSize = async () => (await executeRows<{ size: string }>(db, sql`select pg_database_size(current_database())::text as size`))[0]!.size;
  /** Every connection due now: its last run an interval and the largest jitter back. */
  const makeAllDue = () => db.execute(sql`update connections set last_sync_at = now() - make_interval(secs => ${INTERVAL_S * 2})`);
  const phase = async (label: string, run: () => Promise<void>) => {
    await makeAllDue();
    await db.execute(sql`checkpoint`).catch(() => {});
    const size0 = Number(await dbSize());
    timings = [];
    venues.measure();
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    await run();
    const wallS = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const traffic = await venues.report();
    const size1 = Number(await dbSize());
    const cyclesPerDay = 86_400 / INTERVAL_S;
    const byKind = Object.fromEntries(
      (["binance", "okx", "demo", "large"] as const).map((k) => {
        const ts = timings.filter((t) => t.kind === k);
        return [k, { syncs: ts.length, failed: ts.filter((t) => !t.ok).length, totalMs: latencyStats(ts.map((t) => t.totalMs)), oursMs: latencyStats(ts.map((t) => t.oursMs)) }];
      }),
    );
    return {
      label,
      wallSeconds: Math.round(wallS * 10) / 10,
      target: "< 120 s",
      pass: wallS < 120,
      syncs: timings.length,
      failed: timings.filter((t) => !t.ok).length,
      ourCpuMsPerConnection: Math.round((cpu.user + cpu.system) / 1000 / Math.max(1, timings.length)),
      ourCpuSeconds: Math.round((cpu.user + cpu.system) / 1e4) / 100,
      fakeVenuesCpuSeconds: Math.round(traffic.cpuMs / 10) / 100,
      perConnectionSyncMs: { all: { totalMs: latencyStats(timings.map((t) => t.totalMs)), oursMs: latencyStats(timings.map((t) => t.oursMs)) }, ...byKind },
      database: {
        bytesBefore: size0,
        growthPerCycleBytes: size1 - size0,
        cyclesPerDay,
        growthPerDayMB: Math.round(((size1 - size0) * cyclesPerDay) / 1e4) / 100,
        note: "pg_database_size after − before one cycle (page-granular: includes free space in newly allocated pages), × cycles a day at the 5-minute interval",
      },
      venues: venueBudgets(traffic.seen, wallS),
    };
  };

  // One cycle through the in-process runner: its interval-syncs job (croner, never firing
  // on its own here: the bench triggers the tick), dispatcher and per-venue limiter.
  const intervalDef = SCHEDULES.find((s) => s.id === "interval-syncs")!;
  out.inProcessCycle = await phase("in-process runner", async () => {
    const scheduler = startInProcessScheduler({ db, tasks: maintenanceTasks, schedules: [{ ...intervalDef, cron: "0 0 1 1 *" }], sync, log: () => {} });
    await scheduler.jobs[0]!.cron.trigger();
    await scheduler.dispatcher.idle();
    await scheduler.stop();
  });

  if (!flags["skip-inngest"]) {
    // The same due connections as events, each run through the Inngest sync function by
    // @inngest/test's engine. The engine runs the function body (step.run, retries' error
    // mapping); it does not model Inngest's queue, so its concurrency key and per-venue
    // throttle (10 starts a minute per venue) are not applied here: the report states what
    // that throttle means for N connections.
    const fn = createSyncConnectionFunction({ db: async () => db, sync });
    const eventsRun = await phase("inngest functions (@inngest/test)", async () => {
      const due = await planIntervalSyncs(db, new Date());
      let i = 0;
      const errors: string[] = [];
      await Promise.all(
        Array.from({ length: 6 }, async () => {
          while (i < due.length) {
            const c = due[i++]!;
            const event = connectionSyncRequested.create({ workspaceId: c.ownerId, connectionId: c.id, provider: c.provider, trigger: "cron" });
            const { error } = await new InngestTestEngine({ function: fn, events: [{ name: event.name, data: event.data }] }).execute();
            if (error) errors.push(String((error as Error).message ?? error));
          }
        }),
      );
      if (errors.length) console.error(`inngest: ${errors.length} runs failed, first: ${errors[0]}`);
    });
    const perVenue = { binance: N_BINANCE, okx: N_OKX, demo: N_DEMO + N_LARGE };
    out.inngest = {
      ...eventsRun,
      concurrency: "6 events at a time, whatever the venue (the test engine has no queue, no throttle)",
      throttleMinutesPerCycle: Object.fromEntries(Object.entries(perVenue).map(([v, n]) => [v, Math.ceil(n / 10)])),
      throttleNote: "SYNC_THROTTLE allows 10 sync starts a minute per venue: a cycle of these connections needs the minutes shown, against a 5-minute interval",
    };
  }
} finally {
  await handle.close();
  await venues.stop();
  await pg.drop();
}
out.machine = { ...(out.machine as object), loadavgAfter: os.loadavg().map((l) => Math.round(l * 100) / 100) };
console.log(JSON.stringify(out, null, 2));
process.exit(0);
