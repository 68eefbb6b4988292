// PostgreSQL restarted in the middle of a sync (inside its transaction): the run fails
// clearly, nothing of it is kept, and the next run recovers everything. Only in the
// PostgreSQL run of test:faults (vitest.faults.config.ts includes this file only with
// TEST_DB_DRIVER=postgres): it restarts the local cluster with pg_ctlcluster, which breaks
// every other connection to that server for a few seconds.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyOrderEventChains } from "@/lib/audit/verify-chain";
import { syncedDataset } from "./dataset";
import { createFaultDb, type FaultDb } from "./fault-db";
import { FAULT_PAUSE_MS } from "./fault-venue";
import { faultState } from "./invariants";
import { referenceDataset } from "./kill-scenario";
import { runChild } from "./kill-harness";

// The local cluster's version, as .ci/run finds it (the first under /etc/postgresql).
const CLUSTER = process.env.FAULT_PG_CLUSTER ?? (fs.existsSync("/etc/postgresql") ? fs.readdirSync("/etc/postgresql").sort()[0] : undefined) ?? "15";

function restartPostgres(): Promise<void> {
  execFileSync("pg_ctlcluster", ["--skip-systemctl-redirect", CLUSTER, "main", "restart"], { stdio: "inherit" });
  return waitForPostgres();
}

async function waitForPostgres(): Promise<void> {
  for (let i = 0; i < 60; i++) {
    try {
      execFileSync("pg_isready", ["-h", "127.0.0.1", "-p", "5432"], { stdio: "ignore" });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  throw new Error("PostgreSQL did not come back within 30 s");
}

let fdb: FaultDb;
const env = (pauseMs: number) => ({ ...fdb.env, FAULT_MODE: "sync", FAULT_INSTANTS: "1", SYNC_FAULT_PAUSE_MS: String(pauseMs), REFERENCE_PRICES: "off", SCHEDULER: "off" });
// The restarted run waits this long at each step, so it is still inside its transaction, idle
// after writing its orders, while the server stops under it (the restart itself does not wait for the child).
const RESTART_PAUSE_MS = 8_000;

beforeAll(async () => {
  fdb = await createFaultDb();
});
afterAll(async () => {
  await waitForPostgres();
  await fdb?.drop();
});

describe("PostgreSQL restarted in the middle of a sync", () => {
  it("fails the run clearly, keeps nothing of it, and the next run recovers", async () => {
    const failed = await runChild(env(RESTART_PAUSE_MS), undefined, undefined, { step: "tx:orders", run: restartPostgres });
    // The run was inside its transaction when the server went away, and the process ends in
    // failure with the database's reason. Seen: "the database system is shutting down" (57P03:
    // recording the failure met the server mid-restart, so the batch stays open for the reaper),
    // and, with pg_terminate_backend, postgres.js 3.4.9 crashing the process from a setImmediate
    // (TypeError on a null socket when a transaction's backend dies: porsager/postgres#1208, fix
    // proposed in #1209/#1215, unreleased). Either way nothing of the run commits. Also seen:
    // recording the failure on a connection opened mid-restart never settling, which ended the
    // process silently with status 13 (an unsettled await) until recordFailure got its deadline.
    expect(failed.lastStep).toBe("tx:orders");
    expect(failed.code, failed.output).not.toBe(0);
    expect(failed.code, failed.output).not.toBe(13);
    expect(failed.output).toMatch(
      /CONNECTION_CLOSED|CONNECTION_ENDED|ECONNREFUSED|ECONNRESET|terminating connection|shutting down|starting up|Cannot read properties of null \(reading 'write'\)/,
    );
    console.log(`fault suite: PostgreSQL restart during a sync → ${failed.output.split("\n").filter((l) => /error|terminat|CONNECTION_|shutting down/i.test(l))[0] ?? "(no error line)"}`);

    const h = await fdb.open();
    try {
      const after = await faultState(h.db);
      expect(after.committed).toBe(0);
      expect(after.cursorsAhead).toEqual([]);
      expect((await syncedDataset(h.db)).snapshots).toEqual([]);
    } finally {
      await h.close();
    }

    // The next run (restart, reaper, sync) recovers: equal to a clean run, chain intact.
    const next = await runChild(env(FAULT_PAUSE_MS));
    expect(next.code, next.output).toBe(0);
    expect(next.state!.open).toBe(0);
    const h2 = await fdb.open();
    try {
      expect(await faultState(h2.db)).toEqual({ open: 0, committed: 1, cursorsAhead: [] });
      expect((await verifyOrderEventChains(h2.db, { allWorkspaces: true })).broken).toBeNull();
      expect(await syncedDataset(h2.db)).toEqual(await referenceDataset(1));
    } finally {
      await h2.close();
    }
  }, 300_000);
});
