import { sql } from "drizzle-orm";
import { expect } from "vitest";
import { createConnection } from "@/db/queries/connections";
import { ensurePersonalWorkspace } from "@/db/queries/workspaces";
import { openTestDb } from "@/db/testing";
import { executeRows } from "@/db/execute-rows";
import { verifyOrderEventChains } from "@/lib/audit/verify-chain";
import { syncConnection } from "@/lib/sync/sync-connection";
import { syncedDataset } from "./dataset";
import { createFaultDb, faultDriver } from "./fault-db";
import { FAULT_PAUSE_MS, FAULT_SEED, faultInstants } from "./fault-venue";
import { faultState } from "./invariants";
import { seededRandom } from "@/lib/testing/seeded-random";
import { randomKillPlan, runChild, type ChildOutcome } from "./kill-harness";

export interface KillReport {
  driver: string;
  mode: string;
  kills: number;
  /** Kills whose child had last marked a step inside its transaction (it was paused there). */
  insideTransaction: number;
  /** PostgreSQL only: kills just before which the server showed a backend of the database inside an open transaction. */
  confirmedByServer: number | null;
  runs: number;
  seconds: number;
}

/** What must hold every time a child has opened the database after its predecessor was killed. */
function expectSane(out: ChildOutcome) {
  expect(out.state, out.output).not.toBeNull();
  expect(out.state!.open, "no batch left open once the reaper ran").toBe(0);
  expect(out.state!.cursorsAhead, "no cursor ahead of committed data").toEqual([]);
}

/**
 * Syncs the fault venue in `instants` rounds in child processes, each killing `killsPerInstant`
 * runs with SIGKILL at seeded random points before letting one finish, and compares the result
 * with a clean in-process run of as many instants as committed (a round commits one, plus one
 * for each kill that landed after its run's commit).
 */
export async function killScenario(p: { mode: "sync" | "resync"; instants: number; killsPerInstant: number; seed: number }): Promise<KillReport> {
  const started = performance.now();
  const rand = seededRandom(Number(process.env.FAULT_SEED_NUMBER ?? p.seed));
  const fdb = await createFaultDb();
  // More instants than the rounds need: a kill that lands after its run's commit moves the venue
  // on an instant, and the next run must still have one to sync (else it would end at once,
  // unkilled, and the suite would fall short of its kills by timing alone).
  const available = p.instants * 3;
  const env = { ...fdb.env, FAULT_MODE: p.mode, FAULT_INSTANTS: String(available), SYNC_FAULT_PAUSE_MS: String(FAULT_PAUSE_MS), REFERENCE_PRICES: "off", SCHEDULER: "off" };
  // PostgreSQL: is a backend of this database inside an open transaction (the paused run idle in
  // it, or running a later statement of it: begun before its current statement)?
  const watcher = faultDriver() === "postgres" ? await fdb.open() : null;
  const dbName = fdb.env.DATABASE_URL ? new URL(fdb.env.DATABASE_URL).pathname.slice(1) : null;
  const probe = watcher
    ? async () => {
        const [r] = await executeRows<{ n: number }>(
          watcher.db,
          sql`select count(*)::int as n from pg_stat_activity
              where datname = ${dbName} and pid <> pg_backend_pid()
                and (state like 'idle in transaction%' or (state = 'active' and xact_start < query_start))`,
        );
        return r!.n > 0;
      }
    : undefined;
  let kills = 0;
  let inside = 0;
  let confirmed = 0;
  let runs = 0;
  try {
    for (let i = 0; i < p.instants; i++) {
      // Until this many runs were really killed (a run may finish before its kill point).
      for (let k = 0, attempts = 0; k < p.killsPerInstant && attempts < p.killsPerInstant * 3; attempts++) {
        const out = await runChild(env, randomKillPlan(rand, FAULT_PAUSE_MS), probe);
        runs++;
        expectSane(out);
        expect(out.state!.committed, "the venue ran out of instants").toBeLessThan(available);
        if (!out.killed) continue;
        k++;
        kills++;
        if (out.lastStep?.startsWith("tx:")) inside++;
        if (out.probed) confirmed++;
      }
      // Restart, reap, re-sync: this one is left to finish.
      const out = await runChild(env);
      runs++;
      expectSane(out);
      expect(out.code, out.output).toBe(0);
    }

    const h = await fdb.open();
    let faulted: Record<string, string[]>;
    // At least one instant a round; more where a kill landed after its run's commit.
    let committed: number;
    try {
      const state = await faultState(h.db);
      committed = state.committed;
      expect(committed).toBeGreaterThanOrEqual(p.instants);
      expect(state).toEqual({ open: 0, committed, cursorsAhead: [] });
      expect((await verifyOrderEventChains(h.db, { allWorkspaces: true })).broken).toBeNull();
      faulted = await syncedDataset(h.db);
    } finally {
      await h.close();
    }
    const reference = await referenceDataset(committed);
    for (const table of Object.keys(reference)) expect(faulted[table], `${table}: lost or duplicated rows`).toEqual(reference[table]);
  } finally {
    await watcher?.close();
    await fdb.drop();
  }
  return {
    driver: faultDriver(),
    mode: p.mode,
    kills,
    insideTransaction: inside,
    confirmedByServer: watcher ? confirmed : null,
    runs,
    seconds: Math.round((performance.now() - started) / 100) / 10,
  };
}

/** The same venue through the same instants, once each, with nothing killed. */
export async function referenceDataset(n: number): Promise<Record<string, string[]>> {
  const h = await openTestDb();
  try {
    const ownerId = (await ensurePersonalWorkspace(h.db)).id;
    const connectionId = (await createConnection(h.db, { ownerId, provider: "demo", label: "Demo", config: { seed: FAULT_SEED } })).id;
    for (const at of faultInstants(n)) {
      const r = await syncConnection(h.db, { ownerId, connectionId, trigger: "manual", now: () => at, webhook: null });
      expect(r.status).toBe("succeeded");
    }
    const data = await syncedDataset(h.db);
    // The venue really produced what is compared: a comparison of empty tables would prove nothing.
    for (const t of ["orders", "orderEvents", "fills", "snapshots"]) expect(data[t]!.length, t).toBeGreaterThan(n - 1);
    return data;
  } finally {
    await h.close();
  }
}
