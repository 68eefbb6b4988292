import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, describe, expect, it } from "vitest";
import { openDb, type Db } from "@/db/client";
import { createConnection } from "@/db/queries/connections";
import { executeRows } from "@/db/execute-rows";
import { ensurePersonalWorkspace } from "@/db/queries/workspaces";
import { openTestDb } from "@/db/testing";
import { rewalkChains } from "@/lib/audit/rewalk";
import { syncConnection } from "@/lib/sync/sync-connection";
import { demoAt, offline } from "@/lib/sync/test-support";
import { databaseSummary } from "./database-summary";
import { backupPgliteDir, restorePgliteDir } from "./pglite-backup";
import { backupPostgres, restorePostgres } from "./postgres-backup";
import { RestoreRefusedError } from "./restore-refused";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "vf-backup-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** Two demo syncs a day apart: orders, hash-chained events, fills, cash flows, snapshots and roll-ups. */
async function seed(db: Db): Promise<void> {
  const ownerId = (await ensurePersonalWorkspace(db)).id;
  const connectionId = (await createConnection(db, { ownerId, provider: "demo", label: "Demo", config: { seed: "backup" } })).id;
  for (const at of [new Date("2026-11-19T12:00:00Z"), new Date("2026-11-20T12:00:00Z")]) {
    await syncConnection(db, { ownerId, connectionId, trigger: "manual", now: () => at, ...offline, connector: demoAt(at, {}, "backup") });
  }
}

async function expectIntactChain(db: Db): Promise<void> {
  const report = await rewalkChains(db, { allWorkspaces: true }, { at: new Date("2026-11-21T00:00:00Z") });
  expect(report.broken).toBeNull();
  expect(report.events).toBeGreaterThan(0);
}

describe("PGlite: db:backup's tarball restored into a fresh directory", () => {
  it("holds the same rows and exact money sums, and the audit chain verifies; a non-empty directory is refused without --force", async () => {
    const dataDir = path.join(tmp, "source");
    const src = await openDb({ dataDir });
    await seed(src.db);
    const before = await databaseSummary(src.db);
    await src.close();
    expect(before.rows.order_events).toBeGreaterThan(0);
    expect(before.rows.fills).toBeGreaterThan(0);
    expect(Object.values(before.sums).some((v) => v !== "0")).toBe(true);

    const file = path.join(tmp, "backup.tar.gz");
    expect(await backupPgliteDir({ dataDir, out: file })).toBeGreaterThan(0);

    const restoredDir = path.join(tmp, "restored");
    expect(await restorePgliteDir({ file, dataDir: restoredDir, force: false })).toEqual({ movedAside: null });
    const restored = await openDb({ dataDir: restoredDir });
    try {
      expect(await databaseSummary(restored.db)).toEqual(before);
      await expectIntactChain(restored.db);
    } finally {
      await restored.close();
    }

    // Again over the restored (now non-empty) directory: refused, and nothing touched.
    await expect(restorePgliteDir({ file, dataDir: restoredDir, force: false })).rejects.toThrow(RestoreRefusedError);
    await expect(restorePgliteDir({ file, dataDir: restoredDir, force: false })).rejects.toThrow(/not empty.*--force/);
    const forced = await restorePgliteDir({ file, dataDir: restoredDir, force: true, now: new Date("2026-11-21T00:00:00Z") });
    expect(forced.movedAside).toBe(`${restoredDir}.before-restore-2026-11-21T00-00-00-000Z`);
    expect(fs.readdirSync(forced.movedAside!).length).toBeGreaterThan(0);
    const again = await openDb({ dataDir: restoredDir });
    try {
      // The audit re-walk above wrote checkpoints in the old copy; the restored one is the backup's.
      expect(await databaseSummary(again.db)).toEqual(before);
    } finally {
      await again.close();
    }
  }, 180_000);

  it("a file that is not a PGlite backup is refused, naming the file", async () => {
    const bogus = path.join(tmp, "bogus.tar.gz");
    fs.writeFileSync(bogus, "not a tarball");
    await expect(restorePgliteDir({ file: bogus, dataDir: path.join(tmp, "never"), force: false })).rejects.toThrow(`${bogus} is not a PGlite backup`);
  });
});

// The pg_dump path needs a PostgreSQL server: it runs in the PostgreSQL pass of the
// integration tests (TEST_DB_DRIVER=postgres), like every other test there.
if (process.env.TEST_DB_DRIVER === "postgres") {
  describe("PostgreSQL: db:backup's pg_dump restored into a fresh database", () => {
    it("holds the same rows and exact money sums, and the audit chain verifies; a non-empty database is refused without --force", async () => {
      const src = await openTestDb();
      const fresh = `vf_restore_${Date.now().toString(36)}`;
      const admin = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
      try {
        await seed(src.db);
        const before = await databaseSummary(src.db);
        const [{ name }] = (await executeRows<{ name: string }>(src.db, sql`select current_database() as name`)) as [{ name: string }];
        const urlOf = (db: string) => {
          const u = new URL(process.env.DATABASE_URL!);
          u.pathname = `/${db}`;
          return u.toString();
        };
        const file = path.join(tmp, "backup.dump");
        expect(backupPostgres({ url: urlOf(name), out: file })).toBeGreaterThan(0);

        await admin.unsafe(`create database ${fresh}`);
        await restorePostgres({ file, url: urlOf(fresh), force: false });
        const restored = await openDb({ url: urlOf(fresh) });
        try {
          expect(await databaseSummary(restored.db)).toEqual(before);
          await expectIntactChain(restored.db);
        } finally {
          await restored.close();
        }

        await expect(restorePostgres({ file, url: urlOf(fresh), force: false })).rejects.toThrow(/Refusing to restore: the PostgreSQL database .* is not empty.*--force/);
        await restorePostgres({ file, url: urlOf(fresh), force: true });
        const again = await openDb({ url: urlOf(fresh) });
        try {
          expect(await databaseSummary(again.db)).toEqual(before);
        } finally {
          await again.close();
        }
      } finally {
        await src.close();
        await admin.unsafe(`drop database if exists ${fresh} with (force)`);
        await admin.end();
      }
    }, 180_000);
  });
}
